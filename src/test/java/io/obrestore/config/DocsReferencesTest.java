package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every reference into docs/ that the README, the docs, the code, the tests and the deployment files make resolves:
 * the file exists, and so does the {@code #anchor}, the {@code §N} or the quoted section name it points at. A section
 * renamed or a page moved fails the build instead of leaving readers at a dead end.
 */
@Tag("fast")
class DocsReferencesTest {

    private static final Pattern DOC = Pattern.compile("docs/([a-z0-9-]+\\.md)");
    private static final Pattern ANCHOR = Pattern.compile("docs/([a-z0-9-]+\\.md)#([a-z0-9-]+)");
    private static final Pattern SECTIONS = Pattern.compile("docs/([a-z0-9-]+\\.md),?((?:[ ,]*(?:and )?§\\d+)+)");
    private static final Pattern NAMED = Pattern.compile("docs/([a-z0-9-]+\\.md),? \"([^\"]+)\"");
    private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(#([a-z0-9-]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern SECTION_NUMBER = Pattern.compile("^#{1,6} +§(\\d+)\\b", Pattern.MULTILINE);

    @Test
    void everyReferenceIntoTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : sources()) {
            String text = read(file);
            for (Matcher doc = DOC.matcher(text); doc.find(); checked++) {
                if (!Files.exists(Path.of("docs", doc.group(1)))) {
                    broken.add(file + ": docs/" + doc.group(1) + " does not exist");
                }
            }
            for (Matcher anchor = ANCHOR.matcher(text); anchor.find(); checked++) {
                Path target = Path.of("docs", anchor.group(1));
                if (Files.exists(target) && !anchors(target).contains(anchor.group(2))) {
                    broken.add(file + ": docs/" + anchor.group(1) + "#" + anchor.group(2) + " has no such section");
                }
            }
            for (Matcher sections = SECTIONS.matcher(text); sections.find(); ) {
                Path target = Path.of("docs", sections.group(1));
                for (Matcher number = Pattern.compile("§(\\d+)").matcher(sections.group(2)); number.find(); checked++) {
                    if (Files.exists(target) && !sectionNumbers(target).contains(number.group(1))) {
                        broken.add(file + ": docs/" + sections.group(1) + " §" + number.group(1) + " does not exist");
                    }
                }
            }
            for (Matcher named = NAMED.matcher(text); named.find(); checked++) {
                Path target = Path.of("docs", named.group(1));
                // A name may wrap across comment lines; headings are matched regardless of case.
                String section = named.group(2).replaceAll("\\s*\\n\\s*(\\*|#|//)?\\s*", " ").toLowerCase(Locale.ROOT);
                if (Files.exists(target) && headings(target).stream()
                        .noneMatch(h -> h.toLowerCase(Locale.ROOT).contains(section))) {
                    broken.add(file + ": docs/" + named.group(1) + " has no section \"" + section + "\"");
                }
            }
            if (file.toString().endsWith(".md")) {
                for (Matcher link = LOCAL_LINK.matcher(text); link.find(); checked++) {
                    if (!anchors(file).contains(link.group(1))) {
                        broken.add(file + ": #" + link.group(1) + " has no such section");
                    }
                }
            }
        }
        System.out.printf("DOCS %d references checked%n", checked);
        assertTrue(checked > 50, "the scan found the references: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsAreGithubsSlugs() {
        assertEquals("8-the-test-databases", slug("§8 The test databases"));
        assertEquals("tls", slug("TLS"));
        assertEquals("ports-and-what-they-serve", slug("Ports, and what they serve"));
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String root : List.of("docs", "src/main", "src/test/java", "src/demo", "docker")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).filter(path -> !path.toString().contains("node_modules"))
                        .filter(path -> path.toString().matches(".*\\.(md|java|js|html|css|properties|ya?ml|service|sh|json)$")
                                || path.getFileName().toString().startsWith("Dockerfile"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static List<String> headings(Path markdown) {
        List<String> found = new ArrayList<>();
        HEADING.matcher(read(markdown)).results().forEach(match -> found.add(match.group(1)));
        return found;
    }

    private static Set<String> anchors(Path markdown) {
        Set<String> found = new HashSet<>();
        for (String heading : headings(markdown)) {
            found.add(slug(heading));
        }
        return found;
    }

    private static Set<String> sectionNumbers(Path markdown) {
        Set<String> found = new HashSet<>();
        SECTION_NUMBER.matcher(read(markdown)).results().forEach(match -> found.add(match.group(1)));
        return found;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
