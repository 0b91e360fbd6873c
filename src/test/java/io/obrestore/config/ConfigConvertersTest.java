package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The setting checks on their own: converters, their messages, Quarkus' own keys. */
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
    void aBadValueIsOneLineWithTheKeyTheVariableAndTheAcceptedForm() {
        KnownSettings.Setting timeout = new KnownSettings.Setting("obrestore.query-timeout", "5s", "PositiveDuration");
        ConfigurationException notADuration = assertThrows(ConfigurationException.class, () -> SettingValueCheck.check(
                timeout, ConfigConverters.named(timeout.converter()).orElseThrow(), "5 sec"));
        assertEquals("obrestore.query-timeout (OBRESTORE_QUERY_TIMEOUT): \"5 sec\" is not a duration: write a number and"
                + " a unit, e.g. 5s, 500ms, 2m or 1h", notADuration.getMessage());
        ConfigurationException zero = assertThrows(ConfigurationException.class, () -> SettingValueCheck.check(
                timeout, ConfigConverters.named(timeout.converter()).orElseThrow(), "0s"));
        assertEquals("obrestore.query-timeout (OBRESTORE_QUERY_TIMEOUT): \"0s\" must be longer than 0, e.g. 5s",
                zero.getMessage());
        SettingValueCheck.check(timeout, ConfigConverters.named(timeout.converter()).orElseThrow(), "PT5S");
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertEquals("5s", Durations.written(Duration.ofSeconds(5)));
        assertEquals("500ms", Durations.written(Duration.ofMillis(500)));
        assertEquals("1500ms", Durations.written(Duration.ofMillis(1500)));
        assertEquals("2m", Durations.written(Duration.ofMinutes(2)));
        assertEquals("90s", Durations.written(Duration.ofSeconds(90)));
        assertEquals("24h", Durations.written(Duration.ofHours(24)));
        assertEquals("0s", Durations.written(Duration.ZERO));
        assertEquals("1500ns", Durations.written(Duration.ofNanos(1500)));
        // Every written form is one the settings accept, and means the same.
        for (Duration duration : new Duration[] {Duration.ofSeconds(5), Duration.ofMillis(1500), Duration.ofHours(24),
                Duration.ofMinutes(90)}) {
            assertEquals(duration, new ConfigConverters.PositiveDuration().convert(Durations.written(duration)));
        }
        assertEquals("OceanBase did not answer within 5s",
                io.obrestore.api.ErrorCode.OCEANBASE_TIMEOUT.message(Duration.ofSeconds(5)));
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
