package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md cannot drift from the code: every key of {@link ServiceConfig} has a row (and every
 * {@code obrestore.*} row names one), each row's variable is the key's, each default is the mapping's (or, for Quarkus
 * keys, this service's application.properties value, else Quarkus' own), a row without a default shows none, every
 * Quarkus row names a key this build knows, and every key of ServiceConfig carries Javadoc. Keys come from the settings
 * list the build writes, which KnownSettingsTest ties to SmallRye's view of the mapping.
 */
@Tag("fast")
class ConfigurationDocTest {

    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][^`]*)` \\| `([A-Z0-9_]+)` \\| ([^|]*) \\|",
            Pattern.MULTILINE);

    private final KnownSettings known = KnownSettings.load(getClass().getClassLoader());

    @Test
    void everyServiceKeyHasExactlyOneRowAndEveryRowNamesAKey() throws IOException {
        List<String> keys = rows().keySet().stream().filter(key -> key.startsWith("obrestore.")).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size(), "one row per key: " + keys);
        Set<String> mapped = known.under("obrestore.").stream().map(KnownSettings.Setting::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(mapped.size() > 30, mapped.toString());
        assertEquals(mapped, new TreeSet<>(keys), "docs/configuration.md rows vs config/ServiceConfig.java keys");
    }

    @Test
    void everyRowShowsItsKeysVariableAndDefault() throws IOException {
        Properties application = applicationProperties();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> row : rows().entrySet()) {
            String key = row.getKey();
            String variable = row.getValue()[0];
            String shownDefault = row.getValue()[1].strip();
            KnownSettings.Setting setting = known.byKey().get(key);
            if (setting == null) {
                wrong.add(key + ": no such setting in this build");
                continue;
            }
            if (!variable.equals(KnownSettings.variable(key))) {
                wrong.add(key + ": variable " + variable + ", not " + KnownSettings.variable(key));
            }
            String expected = key.startsWith("obrestore.") ? setting.defaultValue()
                    : application.getProperty(key, setting.defaultValue());
            expected = expected.replace("${user.home}", "~");
            if (expected.isEmpty() ? shownDefault.contains("`") : !shownDefault.equals("`" + expected + "`")) {
                wrong.add(key + ": default shown " + shownDefault + ", the code's is "
                        + (expected.isEmpty() ? "none" : expected));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKeyOfTheMappingCarriesJavadoc() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/main/java/io/obrestore/config/ServiceConfig.java"));
        Pattern method = Pattern.compile("^\\s+[\\w<>.]+ (\\w+)\\(\\);$");
        List<String> undocumented = new ArrayList<>();
        int methods = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = method.matcher(lines.get(i));
            if (!matcher.matches()) {
                continue;
            }
            methods++;
            int above = i - 1;
            while (above >= 0 && lines.get(above).strip().startsWith("@")) {
                above--;
            }
            if (above < 0 || !lines.get(above).strip().endsWith("*/")) {
                undocumented.add(matcher.group(1));
            }
        }
        assertTrue(methods > 30, "methods found: " + methods);
        assertEquals(List.of(), undocumented, "ServiceConfig methods without Javadoc");
    }

    /** Key to {variable, default cell}, in the document's order. */
    private static Map<String, String[]> rows() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (row.find()) {
            if (rows.put(row.group(1), new String[] {row.group(2), row.group(3)}) != null) {
                throw new AssertionError("two rows for " + row.group(1));
            }
        }
        assertTrue(rows.size() > 40, "rows found: " + rows.keySet());
        return rows;
    }

    /** application.properties without profile lines ({@code %dev.}, {@code %test.}): the values a deployment gets. */
    private static Properties applicationProperties() throws IOException {
        Properties all = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            all.load(reader);
        }
        Properties base = new Properties();
        all.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> base.setProperty(key, all.getProperty(key)));
        return base;
    }
}
