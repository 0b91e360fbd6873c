package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The settings list the build writes (src/build/SettingsIndex.java) and the checks that read it: it holds every key of
 * {@link ServiceConfig} exactly as SmallRye maps it (compared here, on the JVM, with SmallRye's own view), with the
 * same defaults and converters; every variable the docs, manifests, units, Dockerfiles and benchmarks use is accepted;
 * misspelt ones are refused with the closest setting.
 */
@Tag("fast")
class KnownSettingsTest {

    /** Misspellings the docs show on purpose, as what the check refuses. */
    private static final Set<String> DOCUMENTED_TYPOS = Set.of("OBRESTORE_QUERY_TIMOUT", "QUARKUS_DATASOURCE_PASWORD");

    /**
     * Keys application.properties sets that only Quarkus' build reads (their extensions' deployment modules define
     * them), so they are not settings of the running service; as variables they would do nothing.
     */
    private static final Set<String> BUILD_ONLY = Set.of("quarkus.native.resources.includes",
            "quarkus.rest.jackson.optimization.enable-reflection-free-serializers",
            "quarkus.test.integration-test-profile", "quarkus.redis.devservices.enabled", "quarkus.redis.health.enabled");

    private static final Pattern VARIABLE = Pattern.compile("\\b(?:QUARKUS|OBRESTORE)_[A-Z0-9_]*[A-Z0-9]\\b");

    private final KnownSettings known = KnownSettings.load(getClass().getClassLoader());

    @Test
    void theListHoldsEveryKeyOfTheMappingWithItsDefaultAndConverter() {
        Map<String, Property> mapping = ConfigMappings.getProperties(
                ConfigMappings.ConfigClass.configClass(ServiceConfig.class));
        assertTrue(mapping.size() > 30, "SmallRye sees the mapping: " + mapping.keySet());
        Map<String, String> expected = new TreeMap<>();
        mapping.forEach((key, property) -> expected.put(key,
                (property.hasDefaultValue() ? property.getDefaultValue() : "") + " | " + converter(property)));
        Map<String, String> listed = new TreeMap<>();
        known.under("obrestore.").forEach(setting -> listed.put(setting.key(),
                setting.defaultValue() + " | " + setting.converter()));
        assertEquals(expected, listed);
        // Read off ServiceConfig's annotations, not derived the way the build derives them (converter() above is).
        assertEquals("5s | PositiveDuration", listed.get("obrestore.query-timeout"));
        assertEquals(" | TimeZone", listed.get("obrestore.time-zone"));
        assertEquals("1024 | KeySize", listed.get("obrestore.auth.key-size"));
        assertEquals("2s | PollInterval", listed.get("obrestore.watch.poll-interval"));
        for (KnownSettings.Setting setting : known.under("obrestore.")) {
            if (!setting.converter().isEmpty()) {
                assertTrue(ConfigConverters.named(setting.converter()).isPresent(),
                        "ConfigConverters.named knows " + setting.converter() + " (" + setting.key() + ")");
            }
        }
    }

    @Test
    void theListHoldsTheQuarkusKeysOfTheIncludedExtensions() {
        assertTrue(known.byKey().size() > 800, "Quarkus' keys: " + known.byKey().size());
        assertEquals("8080", known.byKey().get("quarkus.http.port").defaultValue());
        assertEquals("9000", known.byKey().get("quarkus.management.port").defaultValue());
        for (String key : List.of("quarkus.datasource.password", "quarkus.datasource.reactive.url",
                "quarkus.redis.hosts", "quarkus.log.console.json.enabled", "quarkus.profile")) {
            assertTrue(known.byKey().containsKey(key), key);
        }
    }

    @Test
    void everyQuarkusKeyOfApplicationPropertiesIsKnownOrBuildOnly() throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            String key = line.replaceFirst("^%[a-z-]+\\.", "").replaceFirst("=.*", "").trim();
            if (key.startsWith("quarkus.") && !BUILD_ONLY.contains(key)
                    && known.forVariable(KnownSettings.variable(key)).isEmpty()) {
                unknown.add(key);
            }
        }
        assertEquals(Set.of(), unknown);
        for (String key : BUILD_ONLY) {
            assertTrue(known.forVariable(KnownSettings.variable(key)).isEmpty(), key + " is not a run-time setting");
        }
    }

    @Test
    void everyVariableTheDocsAndShippedFilesUseIsAccepted() throws IOException {
        Map<String, String> used = new TreeMap<>();
        try (Stream<Path> files = Stream.of(Path.of("README.md"), Path.of("docs"), Path.of("docker"),
                Path.of("src/test/bench")).flatMap(KnownSettingsTest::walk)) {
            for (Path file : files.filter(Files::isRegularFile).filter(KnownSettingsTest::text).toList()) {
                Matcher matcher = VARIABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.putIfAbsent(matcher.group(), file.toString());
                }
            }
        }
        assertTrue(used.size() > 25, "variables found: " + used.keySet());
        Map<String, String> refused = used.entrySet().stream()
                .filter(entry -> !DOCUMENTED_TYPOS.contains(entry.getKey()))
                .filter(entry -> known.forVariable(entry.getKey()).isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), refused, "variables the docs use that the start would refuse (variable: file)");
        UnknownSettingsCheck.check(known, Map.of("OBRESTORE_AUTH_PASSWORD", "x", "QUARKUS_DATASOURCE_PASSWORD", "y",
                "OBRESTORE_AUTH_DATA_DIR", "/d", "PATH", "/bin", "HOME", "/root"));
    }

    @Test
    void aMisspeltVariableStopsTheStartNamingTheClosestSetting() {
        assertRefused("OBRESTORE_QUERY_TIMOUT", "OBRESTORE_QUERY_TIMEOUT (obrestore.query-timeout)");
        assertRefused("QUARKUS_DATASOURCE_PASWORD", "QUARKUS_DATASOURCE_PASSWORD (quarkus.datasource.password)");
        assertRefused("QUARKUS_MANAGMENT_PORT", "QUARKUS_MANAGEMENT_PORT (quarkus.management.port)");
        assertRefused("OBRESTORE_WATCH_MAXTENANTS", "OBRESTORE_WATCH_MAX_TENANTS (obrestore.watch.max-tenants)");
        for (String typo : DOCUMENTED_TYPOS) {
            assertThrows(ConfigurationException.class, () -> UnknownSettingsCheck.check(known, Map.of(typo, "1")));
        }
    }

    @Test
    void namedMapEntriesAndServiceLinksPass() {
        UnknownSettingsCheck.check(known, Map.of("QUARKUS_LOG_CATEGORY__IO_OBRESTORE__LEVEL", "DEBUG",
                "QUARKUS_DATASOURCE__REPLICA__PASSWORD", "x",
                "QUARKUS_HTTP_FILTER_DASHBOARD_HEADER__X_FRAME_OPTIONS_", "DENY"));
        // Kubernetes' variables for a Service named "quarkus-app" in the same namespace.
        UnknownSettingsCheck.check(known, Map.of("QUARKUS_APP_SERVICE_HOST", "10.0.0.9",
                "QUARKUS_APP_SERVICE_PORT", "8080", "QUARKUS_APP_PORT", "tcp://10.0.0.9:8080",
                "QUARKUS_APP_PORT_8080_TCP_ADDR", "10.0.0.9"));
        // Without that Service's host variable, a name ending in _PORT is a typo like any other.
        assertRefused("QUARKUS_APP_PORT", "");
    }

    @Test
    void theFileIsRefusedWhenEmpty() {
        assertThrows(IllegalStateException.class, () -> KnownSettings.parse(List.of("# nothing")));
    }

    private void assertRefused(String variable, String suggestion) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> UnknownSettingsCheck.check(known, Map.of(variable, "1", "PATH", "/bin")));
        assertTrue(refused.getMessage().startsWith(variable + " is not a setting of this service; did you mean "
                + suggestion), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
    }

    private static String converter(Property property) {
        if (property.isPrimitive() && property.asPrimitive().hasConvertWith()) {
            return property.asPrimitive().getConvertWith().getSimpleName();
        }
        return property.isLeaf() && property.asLeaf().hasConvertWith()
                ? property.asLeaf().getConvertWith().getSimpleName() : "";
    }

    private static Stream<Path> walk(Path path) {
        try {
            return Files.walk(path).filter(file -> !file.toString().contains("node_modules")
                    && !file.toString().contains("/target/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(".png") && !name.endsWith(".json") || name.equals("grafana-dashboard.json");
    }
}
