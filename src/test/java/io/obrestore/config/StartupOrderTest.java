package io.obrestore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link StartupOrder} stays the one list of what runs at start: every Quarkus {@code @Startup} bean and every
 * {@code StartupEvent} observer in the service names its step there, so the order is read in one place.
 */
@Tag("fast")
class StartupOrderTest {

    private static final Pattern STARTUP_BEAN = Pattern.compile("^@Startup\\b.*$", Pattern.MULTILINE);
    private static final Pattern OBSERVER = Pattern.compile("@Observes[^)]*StartupEvent");

    @Test
    void everyStartStepIsOnTheList() throws IOException {
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String text = read(file);
                boolean quarkusStartup = text.contains("import io.quarkus.runtime.Startup;");
                STARTUP_BEAN.matcher(text).results().map(match -> match.group())
                        .filter(line -> quarkusStartup && !line.contains("StartupOrder."))
                        .forEach(line -> unlisted.add(file.getFileName() + ": " + line));
                OBSERVER.matcher(text).results().map(match -> match.group())
                        .filter(observer -> !observer.contains("StartupOrder."))
                        .forEach(observer -> unlisted.add(file.getFileName() + ": " + observer));
            });
        }
        assertEquals(List.of(), unlisted);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
