package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The setting checks on their own: converters, unknown variables, Quarkus' own keys. */
@Tag("fast")
class ConfigConvertersTest {

    @Test
    void convertersAcceptGoodValuesAndRefuseBadOnes() {
        assertEquals(Duration.ofSeconds(5), new ConfigConverters.PositiveDuration().convert("5s"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.PositiveDuration().convert("0s"));
        assertEquals(Duration.ZERO, new ConfigConverters.NonNegativeDuration().convert("0s"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.NonNegativeDuration().convert("-1s"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.PollInterval().convert("99ms"));
        assertEquals(1024, new ConfigConverters.KeySize().convert("1024"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.KeySize().convert("512"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.Positive().convert("0"));
        assertEquals(ZoneOffset.ofHours(8), new ConfigConverters.TimeZone().convert("+08:00"));
        assertEquals(ZoneId.systemDefault(), new ConfigConverters.TimeZone().convert("local"));
        assertThrows(IllegalArgumentException.class, () -> new ConfigConverters.TimeZone().convert("Mars/Base"));
    }

    @Test
    void anUnknownVariableNamesTheClosestSetting() {
        Set<String> known = Set.of("obrestore.query-timeout", "obrestore.watch.max-tenants", "obrestore.auth.password");
        UnknownSettingsCheck.check(known, Map.of("OBRESTORE_QUERY_TIMEOUT", "1s", "PATH", "/bin"));
        ConfigurationException typo = assertThrows(ConfigurationException.class,
                () -> UnknownSettingsCheck.check(known, Map.of("OBRESTORE_QUERY_TIMOUT", "1s")));
        assertTrue(typo.getMessage().startsWith("OBRESTORE_QUERY_TIMOUT is not a setting of this service; did you mean"
                + " OBRESTORE_QUERY_TIMEOUT (obrestore.query-timeout)?"), typo.getMessage());
        assertEquals("OBRESTORE_WATCH_MAX_TENANTS", UnknownSettingsCheck.variable("obrestore.watch.max-tenants"));
        assertEquals(2, UnknownSettingsCheck.distance("TIMOUT", "TIMEOUT") + 1);
    }

    @Test
    void quarkusKeysAreCheckedWithoutEchoingTheirValue() {
        QuarkusSettingsCheck.checkDatasourceUrl("mysql://10.0.0.1:2881");
        ConfigurationException url = assertThrows(ConfigurationException.class,
                () -> QuarkusSettingsCheck.checkDatasourceUrl("mysql://root:s3cret@:0"));
        assertTrue(url.getMessage().startsWith("quarkus.datasource.reactive.url"), url.getMessage());
        assertTrue(!url.getMessage().contains("s3cret"), "a password in the URL is never echoed");
        assertThrows(ConfigurationException.class, () -> QuarkusSettingsCheck.checkPort("quarkus.http.port", 99999));
    }
}
