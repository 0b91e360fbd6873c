package io.obrestore.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.EmbeddedMariaDb;
import io.obrestore.support.DocumentedCommands;
import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.PackagedService;
import io.obrestore.support.Ports;
import io.obrestore.support.RedisServer;
import io.obrestore.support.ShippedShapes;
import io.obrestore.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every shipped way to run the service starts with the variables and flags it documents, read from the shipping files
 * themselves: both Dockerfiles' defaults (with the variables their headers pass to {@code docker run}), the Deployment
 * and the observer sidecar on top of their images' defaults, and both systemd units. No Docker here, so each runs the
 * packaged service as the shape would: the JVM image's ENTRYPOINT through {@code sh} on a JDK 25 (its base image's),
 * in a copy of the fast-jar where its build step trained the AOT cache exactly as the Dockerfile's RUN line does, and
 * with {@code -XX:AOTMode=on} appended, so it starts only if that cache is usable with the shape's flags; the native
 * shapes run the native executable when the build made one, else the jar with the same runtime options. Only
 * what is specific to this machine is replaced, by variable name: the database, ports, data directories, secrets,
 * the pod IP and Redis. Each must start, pass its probes, and answer an overview (with a header where it sets a
 * password), with no "not a setting", error or stack trace in its log and, for the JVM image, no AOT cache warning.
 */
@Execution(ExecutionMode.CONCURRENT)
class ShippedShapesIT {

    private static final Path JDK25 = Path.of(System.getProperty("test.jdk25.home",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";
    private static final String ROOT_PASSWORD = "root-" + UUID.randomUUID();
    private static final String AGENT_PASSWORD = "agent-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static Path deployments;
    private static RedisServer redis;
    private static String privateKey;

    /** The JVM image's /deployments: the fast-jar, and the AOT cache its Dockerfile's RUN line trains. */
    @BeforeAll
    static void buildTheJvmImagesDirectory() throws Exception {
        ShippedShapes.Image jvm = ShippedShapes.image("Dockerfile.jvm");
        assertTrue(jvm.baseImage().startsWith("eclipse-temurin:25"), "the JVM image runs JDK 25: " + jvm.baseImage());
        assertTrue(Files.isExecutable(JDK25.resolve("bin/java")), "a JDK 25 at " + JDK25 + " (-Dtest.jdk25.home)");
        deployments = dir.resolve("deployments");
        copyKeepingTimes(PackagedService.APP, deployments);
        String train = jvm.runs().stream().filter(run -> run.contains("aot-train.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("Dockerfile.jvm trains no AOT cache"));
        Map<String, String> env = new LinkedHashMap<>(jvm.env());
        Process training = shell(train.replace("aot-train.sh", Path.of("docker/aot-train.sh").toAbsolutePath().toString())
                .replace("/deployments", deployments.toString()), env, dir.resolve("aot-train.log"));
        assertTrue(training.waitFor(3, TimeUnit.MINUTES), "training ends");
        String log = Files.readString(dir.resolve("aot-train.log"));
        assertEquals(0, training.exitValue(), log);
        assertTrue(Files.size(deployments.resolve("app.aot")) > 1_000_000, log);
        redis = RedisServer.start(dir);
        privateKey = DocumentedCommands.run(DocumentedCommands.keyCommand());
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theJvmImageWithItsDefaults() throws Exception {
        ShippedShapes.Image jvm = ShippedShapes.image("Dockerfile.jvm");
        Map<String, String> env = new LinkedHashMap<>(jvm.env());
        documentedDockerRun("Dockerfile.jvm").forEach(name -> env.put(name, "documented"));
        runJvmImage("jvm-image", env, Map.of());
    }

    @Test
    void theNativeImageWithItsDefaults() throws Exception {
        ShippedShapes.Image image = ShippedShapes.image("Dockerfile.native");
        Map<String, String> env = new LinkedHashMap<>(image.env());
        documentedDockerRun("Dockerfile.native").forEach(name -> env.put(name, "documented"));
        assertEquals(List.of("./application"), image.entrypoint());
        run("native-image", nativeCommand(image.cmd()), env, Map.of());
    }

    @Test
    void theDeploymentOnTheJvmImage() throws Exception {
        ShippedShapes.Container container = single(ShippedShapes.containers("deployment.yaml"));
        assertEquals("ob-restore-overview:jvm", container.image());
        assertEquals(List.of(), container.args(), "the JVM image's entrypoint takes no arguments");
        Map<String, String> env = new LinkedHashMap<>(ShippedShapes.image("Dockerfile.jvm").env());
        env.putAll(resolve(container));
        // The container's memory limit, as the JVM sees it in the pod (its heap is a share of it).
        assertTrue(container.memoryLimit().endsWith("Mi"), container.memoryLimit());
        env.put("JAVA_OPTS_APPEND", "-XX:MaxRAM=" + container.memoryLimit().replace("Mi", "m"));
        runJvmImage("deployment", env, container.probes());
    }

    @Test
    void theObserverSidecarOnTheNativeImage() throws Exception {
        ShippedShapes.Container container = single(ShippedShapes.containers("observer-sidecar.yaml"));
        assertEquals("ob-restore-overview:native", container.image());
        ShippedShapes.Image image = ShippedShapes.image("Dockerfile.native");
        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.putAll(resolve(container));
        run("sidecar", nativeCommand(container.args().isEmpty() ? image.cmd() : container.args()), env,
                container.probes());
    }

    @Test
    void theNativeSystemdUnit() throws Exception {
        ShippedShapes.Unit unit = ShippedShapes.unit("ob-restore-overview.service");
        assertEquals("/usr/local/bin/ob-restore-overview", unit.execStart().get(0));
        run("systemd-native", nativeCommand(unit.execStart().subList(1, unit.execStart().size())), unitEnv(unit),
                Map.of());
    }

    @Test
    void theJvmSystemdUnit() throws Exception {
        ShippedShapes.Unit unit = ShippedShapes.unit("ob-restore-overview-jvm.service");
        List<String> exec = unit.execStart();
        assertEquals("/usr/bin/java", exec.get(0));
        assertEquals("/opt/ob-restore-overview/quarkus-run.jar", exec.get(exec.size() - 1));
        // "a Java 17+ runtime": the test's own JDK 17.
        List<String> command = new ArrayList<>(exec);
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.set(command.size() - 1, PackagedService.APP.resolve("quarkus-run.jar").toString());
        run("systemd-jvm", command, unitEnv(unit), Map.of());
    }

    private static void runJvmImage(String name, Map<String, String> env, Map<String, String> probes)
            throws Exception {
        List<String> entrypoint = ShippedShapes.image("Dockerfile.jvm").entrypoint();
        assertEquals(List.of("sh", "-c"), entrypoint.subList(0, 2), entrypoint.toString());
        String script = entrypoint.get(2).replace("/deployments", deployments.toString());
        Map<String, String> withJdk = new LinkedHashMap<>(env);
        withJdk.put("PATH", JDK25.resolve("bin") + ":" + System.getenv("PATH"));
        // Strict: a JVM that cannot use the trained cache with these flags refuses to start instead of starting slow.
        withJdk.put("JAVA_OPTS_APPEND", (env.getOrDefault("JAVA_OPTS_APPEND", "") + " -XX:AOTMode=on").strip());
        String log = run(name, List.of("sh", "-c", script), withJdk, probes);
        assertFalse(log.contains("[aot]"), "the trained AOT cache is accepted with these flags:\n" + log);
    }

    /** The native executable with {@code args} if the build made one, else the jar with them as runtime options. */
    private static List<String> nativeCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            command.add(nativeImage);
            command.addAll(args);
            return command;
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : args) {
            assertTrue(arg.startsWith("-X") || arg.startsWith("-D"), "a runtime option both accept: " + arg);
            command.add(arg);
        }
        command.addAll(List.of("-jar", PackagedService.APP.resolve("quarkus-run.jar").toString()));
        return command;
    }

    /** Starts a shape, checks it as its probes and a client would, and returns its log. */
    private static String run(String name, List<String> command, Map<String, String> shapeEnv,
            Map<String, String> probes) throws Exception {
        Map<String, String> env = localise(name, shapeEnv);
        Path log = dir.resolve(name + ".log");
        Process service = start(command, env, log);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String management = "http://127.0.0.1:" + env.get("QUARKUS_MANAGEMENT_PORT");
            HttpResponse<String> started = PackagedService.awaitAnswer(http,
                    URI.create(management + probes.getOrDefault("startupProbe", "/q/health/started")), service);
            assertEquals(200, started.statusCode(), name + ":\n" + Files.readString(log));
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http,
                    management + probes.getOrDefault("readinessProbe", "/q/health/ready"), null) == 200);
            assertEquals(200, status(http, management + probes.getOrDefault("livenessProbe", "/q/health/live"), null));
            String api = "http://127.0.0.1:" + env.get("QUARKUS_HTTP_PORT");
            String header = null;
            if (env.containsKey("OBRESTORE_AUTH_PASSWORD")) {
                String publicKey = Json.parse(get(http, api + "/api/v1/secret", null).body()).get("data")
                        .get("public_key").asText();
                header = new ObshellSdkHeaders(publicKey).go(env.get("OBRESTORE_AUTH_PASSWORD"), RT2);
                assertEquals(400, get(http, api + RT2, null).statusCode(), "a header is required: " + name);
            }
            HttpResponse<String> overview = get(http, api + RT2, header);
            assertEquals(200, overview.statusCode(), name + ": " + overview.body() + "\n" + Files.readString(log));
            JsonNode data = Json.parse(overview.body()).get("data");
            assertEquals("rt2", data.get("restore_tenant_name").asText());
        } catch (AssertionError failed) {
            throw new AssertionError(name + ": " + failed.getMessage() + "\n" + Files.readString(log), failed);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(output.contains("is not a setting"), output);
        assertEquals(List.of(), PackagedService.stackTraceLines(output), output);
        assertFalse(output.contains("\"exception\"") || output.contains("\"level\":\"ERROR\"")
                || output.contains(" ERROR "), name + ":\n" + output);
        return output;
    }

    /**
     * The shape's variables with what belongs to this machine replaced: every variable the shape sets stays set, only
     * its value changes. Ports and the database account are always given (the shapes rely on 2886, 9000 and root).
     */
    private static Map<String, String> localise(String name, Map<String, String> shapeEnv) throws IOException {
        TestDatabase.Server database = TestDatabase.shared();
        Map<String, String> env = new LinkedHashMap<>(shapeEnv);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(Ports.fresh()));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(Ports.fresh()));
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedMariaDb.SERVICE_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        assertTrue(shapeEnv.containsKey("OBRESTORE_AUTH_DATA_DIR"),
                name + " sets where the clients that authenticated are kept across restarts");
        Path data = dir.resolve(name + "-data");
        Files.createDirectories(data);
        env.put("OBRESTORE_AUTH_DATA_DIR", data.toString());
        env.replaceAll((variable, value) -> switch (variable) {
            case "OBRESTORE_AUTH_PASSWORD" -> ROOT_PASSWORD;
            case "OBRESTORE_AUTH_AGENT_PASSWORD" -> AGENT_PASSWORD;
            case "OBRESTORE_AUTH_PRIVATE_KEY" -> privateKey;
            case "QUARKUS_REDIS_HOSTS" -> redis.url();
            case "OBRESTORE_AGENT_IP" -> "127.0.0.1";
            default -> value;
        });
        return env;
    }

    /** A manifest's variables: literal values, secrets from the example Secret's keys, the pod IP field. */
    private static Map<String, String> resolve(ShippedShapes.Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.env().forEach((variable, entry) -> {
            if (entry.has("value")) {
                env.put(variable, entry.get("value").asText());
            } else if (entry.path("valueFrom").has("secretKeyRef")) {
                env.put(variable, "from the Secret's "
                        + entry.path("valueFrom").path("secretKeyRef").path("key").asText());
            } else if (entry.path("valueFrom").path("fieldRef").path("fieldPath").asText().equals("status.podIP")) {
                env.put(variable, "the pod IP");
            } else {
                throw new AssertionError(container.manifest() + ": " + variable + " has a source the test cannot give: "
                        + entry);
            }
        });
        return env;
    }

    /** A unit's Environment= lines and the variables its EnvironmentFile is documented to hold. */
    private static Map<String, String> unitEnv(ShippedShapes.Unit unit) {
        Map<String, String> env = new LinkedHashMap<>(unit.env());
        assertTrue(unit.environmentFile().contains("QUARKUS_DATASOURCE_PASSWORD"), unit.environmentFile().toString());
        unit.environmentFile().forEach(variable -> env.put(variable, "from the environment file"));
        return env;
    }

    /** The variables a Dockerfile's header passes to {@code docker run} ({@code -e NAME=...}, up to the image name). */
    private static List<String> documentedDockerRun(String dockerfile) throws IOException {
        String header = Files.readString(Path.of("docker", dockerfile)).lines().takeWhile(line -> line.startsWith("#"))
                .map(line -> line.substring(1).strip()).reduce("", (a, b) -> a + " " + b);
        Matcher run = Pattern.compile("docker run (.*?) ob-restore-overview:\\w+").matcher(header);
        assertTrue(run.find(), dockerfile + " shows a docker run command: " + header);
        List<String> names = new ArrayList<>();
        Matcher option = Pattern.compile("-e ([A-Z][A-Z0-9_]+)=").matcher(run.group(1));
        while (option.find()) {
            names.add(option.group(1));
        }
        assertTrue(names.contains("QUARKUS_DATASOURCE_PASSWORD"), dockerfile + " documents: " + names);
        return names;
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OBRESTORE_") || key.startsWith("QUARKUS_")
                || key.startsWith("JAVA_OPTS"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Process shell(String script, Map<String, String> env, Path log) throws IOException {
        Map<String, String> withJdk = new LinkedHashMap<>(env);
        withJdk.put("PATH", JDK25.resolve("bin") + ":" + System.getenv("PATH"));
        return start(List.of("sh", "-c", script), withJdk, log);
    }

    private static int status(HttpClient http, String uri, String header) throws Exception {
        return get(http, uri, header).statusCode();
    }

    private static HttpResponse<String> get(HttpClient http, String uri, String header)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10));
        if (header != null) {
            request.header("X-OCS-Header", header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    /** A copy with the files' modification times, which the JVM checks before it uses an AOT cache. */
    private static void copyKeepingTimes(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
