package io.obrestore.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every setting this build knows: {@link ServiceConfig}'s keys and the keys of the Quarkus extensions it includes,
 * with their defaults and, for the service's own keys, the converter that checks each. The list is a file the build
 * writes from the {@code @ConfigMapping} and the extensions' configuration models ({@code src/build/SettingsIndex.java},
 * {@value #RESOURCE}), so nothing here needs reflection: it works alike in the JVM and in a native image.
 *
 * <p>Map keys appear as quoted segments ({@code quarkus.log.category."categories".level}); their environment variables
 * match whatever stands in that segment ({@code QUARKUS_LOG_CATEGORY__IO_OBRESTORE__LEVEL}).
 */
public final class KnownSettings {

    /** The file the build writes; also listed in {@code quarkus.native.resources.includes}. */
    public static final String RESOURCE = "META-INF/ob-restore-overview/settings.tsv";

    private static volatile KnownSettings fromBuild;

    private final Map<String, Setting> byKey;
    private final Map<String, Setting> byVariable = new LinkedHashMap<>();
    private final List<Map.Entry<Pattern, Setting>> byPattern = new ArrayList<>();

    /** A setting: its key, its default ("" when none) and the simple name of its converter ("" when none). */
    public record Setting(String key, String defaultValue, String converter) {

        /** The environment variable that sets it (MicroProfile Config's rule); for map keys, with the placeholder. */
        public String variable() {
            return KnownSettings.variable(key);
        }
    }

    KnownSettings(List<Setting> settings) {
        Map<String, Setting> keys = new LinkedHashMap<>();
        for (Setting setting : settings) {
            keys.put(setting.key(), setting);
            if (setting.key().contains("\"")) {
                byPattern.add(Map.entry(pattern(setting.key()), setting));
            } else {
                byVariable.putIfAbsent(variable(setting.key()), setting);
            }
        }
        this.byKey = Collections.unmodifiableMap(keys);
    }

    /** The list this build made; fails if the build left it out (a packaging defect, caught by the tests). */
    public static KnownSettings fromBuild() {
        KnownSettings known = fromBuild;
        if (known == null) {
            known = load(Thread.currentThread().getContextClassLoader());
            fromBuild = known;
        }
        return known;
    }

    static KnownSettings load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from this build (src/build/SettingsIndex.java"
                        + " writes it when the classes are compiled)");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownSettings parse(List<String> lines) {
        List<Setting> settings = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            settings.add(new Setting(fields[0], fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2] : ""));
        }
        if (settings.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no setting");
        }
        return new KnownSettings(settings);
    }

    /** Every known setting by key, in the file's (sorted) order. */
    public Map<String, Setting> byKey() {
        return byKey;
    }

    /** The known settings under {@code prefix} (e.g. {@code obrestore.}). */
    public List<Setting> under(String prefix) {
        return byKey.values().stream().filter(setting -> setting.key().startsWith(prefix)).toList();
    }

    /** The setting an environment variable sets, if any. */
    public Optional<Setting> forVariable(String name) {
        Setting exact = byVariable.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byPattern.stream().filter(entry -> entry.getKey().matcher(name).matches()).map(Map.Entry::getValue)
                .findFirst();
    }

    /** The known setting whose variable is closest to {@code name} (edit distance), for "did you mean". */
    public Setting closestTo(String name) {
        return byVariable.entrySet().stream()
                .min(Comparator.comparingInt((Map.Entry<String, Setting> entry) -> distance(name, entry.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue).orElseThrow();
    }

    /** The environment variable of a key: upper case, every other character an underscore (MicroProfile Config). */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A map key's variables: each quoted segment stands for one or more characters of a variable name. */
    private static Pattern pattern(String key) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        while (start < key.length()) {
            int quote = key.indexOf('"', start);
            if (quote < 0) {
                regex.append(Pattern.quote(variable(key.substring(start))));
                break;
            }
            int end = key.indexOf('"', quote + 1);
            regex.append(Pattern.quote(variable(key.substring(start, quote)))).append("[A-Z0-9_]+");
            start = end + 1;
        }
        return Pattern.compile(regex.toString());
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
