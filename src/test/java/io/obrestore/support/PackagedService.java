package io.obrestore.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as an operator starts it: {@code java -jar target/quarkus-app/quarkus-run.jar}, or the native
 * executable when the build made one ({@code -Dnative}), in a process of its own with the environment given.
 */
public final class PackagedService {

    /**
     * The fast-jar's directory: this build's, or another build's with {@code -Dtest.service.app=DIR} (how the attack
     * tests measured the service before the defences they prove, docs/reliability.md).
     */
    public static final Path APP = Path.of(System.getProperty("test.service.app", "target/quarkus-app"));

    private PackagedService() {
    }

    /** What a start that should fail printed, and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /** The command line: the native executable if there is one, else the jar. */
    public static List<String> command() {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return List.of(nativeImage);
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                APP.resolve("quarkus-run.jar").toString());
    }

    /** Starts the service with {@code env} on top of a clean environment and returns the process. */
    public static Process start(Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Only what the test gives: no OBRESTORE_* or QUARKUS_* of the machine leaks in.
        builder.environment().keySet().removeIf(key -> key.startsWith("OBRESTORE_") || key.startsWith("QUARKUS_"));
        // Its own management port unless the test chose one: two instances must not both take the default 9000.
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(Ports.fresh()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the service expecting it to give up; fails the test if it is still running after 60 s. */
    public static Outcome startExpectingFailure(Map<String, String> env, Path output) throws Exception {
        Process process = start(env, output);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service did not stop within 60 s with " + env);
        }
        return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The first answer of {@code uri} from a service still starting (bounded: 30 s); fails if it never answers. */
    public static HttpResponse<String> awaitAnswer(HttpClient client, URI uri, Process service) throws Exception {
        for (int attempt = 0; attempt < 300 && service.isAlive(); attempt++) {
            try {
                return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYetListening) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the service did not answer " + uri);
    }

    /** Lines of {@code text} that look like a stack trace. */
    public static List<String> stackTraceLines(String text) {
        List<String> frames = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.matches("\\s+at [\\w$.<>/]+\\(.*") || line.startsWith("Caused by:") || line.contains("Exception in thread")) {
                frames.add(line);
            }
        }
        return frames;
    }
}
