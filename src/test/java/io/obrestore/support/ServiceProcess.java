package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged service started as an operator starts it, on fresh ports, reading the run's shared MariaDB (the
 * fixture), with the environment a test gives; closed (stopped) by the test. For tests that start several instances
 * or settings no Quarkus test profile can give.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The guess throttle opened wide (per address, per network, in all): for tests whose attack is not guessing and
     * whose junk headers must all be checked and recorded; the throttle is tested on its own.
     */
    public static final Map<String, String> NO_THROTTLE = Map.of(
            "OBRESTORE_AUTH_THROTTLE_FAILURES", "1000000",
            "OBRESTORE_AUTH_THROTTLE_NETWORK_FAILURES_PER_MINUTE", "1000000",
            "OBRESTORE_AUTH_THROTTLE_GLOBAL_FAILURES_PER_MINUTE", "1000000");

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the service with {@code env} on top of a port, the database and a data directory in {@code dir}. */
    public static ServiceProcess start(Path dir, String name, Map<String, String> env) throws Exception {
        TestDatabase.Server database = TestDatabase.shared();
        int port = Ports.fresh();
        int managementPort = Ports.fresh();
        Map<String, String> all = new HashMap<>();
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        all.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        all.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        all.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedMariaDb.SERVICE_USER);
        all.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        all.put("OBRESTORE_AUTH_DATA_DIR", dir.resolve(name + "-data").toString());
        all.putAll(env);
        Path log = dir.resolve(name + ".log");
        ServiceProcess service = new ServiceProcess(PackagedService.start(all, log), log, port, managementPort);
        HttpResponse<String> first = PackagedService.awaitAnswer(service.http, service.uri("/api/v1/secret"), service.process);
        if (first.statusCode() != 200) {
            service.close();
            throw new AssertionError("the service did not start:\n" + service.log());
        }
        return service;
    }

    public int port() {
        return port;
    }

    /** The operating-system process id of the service. */
    public long pid() {
        return process.pid();
    }

    /** The management interface's port (probes, metrics). */
    public int managementPort() {
        return managementPort;
    }

    public URI uri(String requestTarget) {
        return URI.create("http://127.0.0.1:" + port + requestTarget);
    }

    /** A GET of {@code requestTarget} with the headers given as name, value, name, value ... */
    public HttpResponse<String> get(String requestTarget, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(requestTarget)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code path} on the management interface (probes, metrics). */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET, its body left unread: for streams, which never end when they open. */
    public int status(String requestTarget, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(requestTarget)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<java.io.InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer.statusCode();
    }

    /** The RSA public key the service serves. */
    public String publicKey() throws IOException, InterruptedException {
        return Json.parse(get("/api/v1/secret").body()).get("data").get("public_key").asText();
    }

    /** What the service printed so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
