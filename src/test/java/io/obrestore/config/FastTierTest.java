package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast tier ({@code ./mvnw -B test -Pfast}) names its classes in pom.xml; this keeps that list and the classes
 * tagged {@code fast} the same, so a new unit test cannot silently miss the tier, nor a Quarkus test slip into it.
 */
@Tag("fast")
class FastTierTest {

    private static final Pattern FAST = Pattern.compile("^@Tag\\(\"fast\"\\)$", Pattern.MULTILINE);
    private static final Pattern QUARKUS = Pattern.compile("^@Quarkus(Integration)?Test$", Pattern.MULTILINE);

    @Test
    void thePomListsExactlyTheClassesTaggedFast() throws IOException {
        Set<String> tagged;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            tagged = files.filter(file -> file.toString().endsWith(".java")).filter(FastTierTest::taggedFast)
                    .map(file -> file.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Matcher listed = Pattern.compile("<id>fast</id>.*?<test>([^<]+)</test>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertEquals(true, listed.find(), "pom.xml has a fast profile with a test list");
        assertEquals(tagged, new TreeSet<>(Arrays.asList(listed.group(1).trim().split(","))));
    }

    private static boolean taggedFast(Path file) {
        try {
            String text = Files.readString(file);
            return FAST.matcher(text).find() && !QUARKUS.matcher(text).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
