package io.obrestore.config;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigMappings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stops the start at an {@code OBRESTORE_*} environment variable that is no setting of this service (a typo such as
 * {@code OBRESTORE_QUERY_TIMOUT} would otherwise leave the default silently in force), with one line naming it and the
 * closest known setting. The known settings are read from {@link ServiceConfig}'s own mapping, so this list never
 * falls behind. An unknown {@code obrestore.*} property (a file, {@code -D}) is refused by SmallRye Config itself
 * ("does not map to any root"); only environment variables escape it, since their names cannot be told from others'.
 */
@Startup(StartupOrder.SETTINGS)
@ApplicationScoped
public class UnknownSettingsCheck {

    public UnknownSettingsCheck() {
        Set<String> known = ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(ServiceConfig.class)).keySet();
        check(known, System.getenv());
    }

    static void check(Set<String> known, Map<String, String> environment) {
        Map<String, String> byVariable = known.stream().collect(Collectors.toMap(UnknownSettingsCheck::variable,
                key -> key, (a, b) -> a));
        for (String name : environment.keySet().stream().sorted().toList()) {
            if (name.startsWith("OBRESTORE_") && !byVariable.containsKey(name)) {
                String closest = closest(name, byVariable.keySet());
                throw new ConfigurationException(name + " is not a setting of this service; did you mean " + closest
                        + " (" + byVariable.get(closest) + ")? Settings: README.md, Configuration");
            }
        }
    }

    /** The environment variable of a key: upper case, every other character an underscore (MicroProfile Config). */
    static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String closest(String name, Set<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                .thenComparing(Comparator.naturalOrder())).orElse("");
    }

    /** Levenshtein distance: a dozen lines, not worth a library for one error message. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
