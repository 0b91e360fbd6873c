package io.obrestore.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Prometheus (Debian's {@code prometheus}, which .ci/run installs) on a fresh loopback port, scraping the
 * targets and evaluating the rule file given, every second; stopped by the test. Queried through its HTTP API.
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Prometheus scraping {@code target}'s /q/metrics as job ob-restore-overview with label cluster=test, sending
     * {@code token} as its bearer credentials (as docker/monitoring/prometheus.example.yml does).
     */
    public static PrometheusServer start(Path dir, String target, Path rules, String token) throws Exception {
        int port = Ports.fresh();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: ob-restore-overview
                    metrics_path: /q/metrics
                    authorization:
                      credentials: "%s"
                    static_configs:
                      - targets: ["%s"]
                        labels:
                          cluster: test
                """.formatted(rules.toAbsolutePath(), token, target));
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer prometheus = new PrometheusServer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (prometheus.http.send(HttpRequest.newBuilder(URI.create(prometheus.base() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return prometheus;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        prometheus.close();
        throw new AssertionError("prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** An instant query: the {@code data.result} array of /api/v1/query. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.parse(answer.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("query failed: " + promql + ": " + answer.body());
        }
        return body.get("data").get("result");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
