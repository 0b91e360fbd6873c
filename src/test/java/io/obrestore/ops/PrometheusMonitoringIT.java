package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.PrometheusServer;
import io.obrestore.support.RestoreJobs;
import io.obrestore.support.ServiceProcess;
import io.obrestore.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring bundle on a real Prometheus scraping the packaged service's management port with the metrics token,
 * while one restore moves and then fails (one of its log streams first) and the fixture's running restore stalls:
 * every Grafana panel query returns series, and the stalled, failed and failed-log-stream alerts of the rule file fire
 * (docs/operations.md, "Monitoring"). Without the token the metrics are refused; the probes need none.
 */
class PrometheusMonitoringIT {

    private static final String PASSWORD = "P@ssw0rd!";
    private static final String TOKEN = "prometheus-reads-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void dashboardQueriesReturnSeriesAndTheAlertsFire() throws Exception {
        TestDatabase.shared();
        RestoreJobs.startRunning("mon_moving", 3110, 951);
        try (ServiceProcess service = ServiceProcess.start(dir, "monitored", Map.of(
                "OBRESTORE_AUTH_PASSWORD", PASSWORD,
                "OBRESTORE_WATCH_POLL_INTERVAL", "500ms",
                "OBRESTORE_WATCH_STALL_AFTER", "3s",
                "OBRESTORE_AUTH_METRICS_TOKEN", TOKEN));
                PrometheusServer prometheus = PrometheusServer.start(dir, "127.0.0.1:" + service.managementPort(),
                        MonitoringRulesTest.MONITORING.resolve("ob-restore-overview.rules.yml"), TOKEN)) {
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = URI.create("http://127.0.0.1:" + service.managementPort() + "/q/metrics");
            assertEquals(401, http.send(HttpRequest.newBuilder(metrics).build(), BodyHandlers.ofString()).statusCode());
            assertEquals(401, http.send(HttpRequest.newBuilder(metrics).header("Authorization", "Bearer wrong").build(),
                    BodyHandlers.ofString()).statusCode());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort()
                    + "/q/health/live")).build(), BodyHandlers.ofString()).statusCode(), "probes need no token");
            String scraped = http.send(HttpRequest.newBuilder(metrics).header("Authorization", "Bearer " + TOKEN).build(),
                    BodyHandlers.ofString()).body();
            // Every auth series a rule or panel reads exists from the start, at 0, with its HELP text.
            assertTrue(scraped.contains("obrestore_auth_failures_total{errCode=\"Security.Authentication.Replayed\"} 0.0"),
                    scraped);
            assertTrue(scraped.contains("# HELP obrestore_auth_failures"), scraped);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> prometheus.query("up{job=\"ob-restore-overview\",cluster=\"test\"} == 1").size() == 1);
            // Traffic for the HTTP panels; the moving restore advances for the throughput and ETA panels.
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(service.publicKey());
            String uri = "/api/v1/tenant/rt2/restore/overview";
            for (int step = 1; step <= 5; step++) {
                assertEquals(200, service.get(uri, "X-OCS-Header", sdk.go(PASSWORD, uri)).statusCode());
                RestoreJobs.advance("mon_moving", step * 100_000L, step * 10L);
                Thread.sleep(1_000);
            }

            JsonNode dashboard = Json.parse(Files.readString(MonitoringRulesTest.MONITORING.resolve("grafana-dashboard.json")));
            Map<String, Integer> seriesByQuery = new LinkedHashMap<>();
            List<String> empty = new ArrayList<>();
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText().replace("$cluster", ".*")
                            .replace("$__rate_interval", "5s").replace("$__range", "5m");
                    int series = prometheus.query(expr).size();
                    seriesByQuery.put(panel.get("title").asText() + " " + target.get("refId").asText(), series);
                    if (series == 0) {
                        empty.add(panel.get("title").asText() + ": " + expr);
                    }
                }
            }
            assertEquals(List.of(), empty, "every dashboard query returns series");

            // One of its log streams fails, and the job with it.
            RestoreJobs.addLogStream("mon_moving", 1001, "10.0.0.13:2882", OceanBaseRestoreRows.LS_RESTORE_MAJOR_DATA,
                    10, 1, 1000, 100);
            RestoreJobs.failLogStream("mon_moving", 1001, "10.0.0.13:2882", -9011, "cannot find backup file",
                    "YB42-MON");
            RestoreJobs.finish("mon_moving", "FAIL");
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                    prometheus.query("ALERTS{alertname=\"ObRestoreStalled\",alertstate=\"firing\",tenant=\"rt_running\"}")
                            .size() == 1
                    && prometheus.query("ALERTS{alertname=\"ObRestoreFailed\",alertstate=\"firing\",cluster=\"test\"}")
                            .size() == 1
                    && prometheus.query("ALERTS{alertname=\"ObRestoreLogStreamFailed\",alertstate=\"firing\","
                            + "cluster=\"test\"}").size() == 1);
            JsonNode firing = prometheus.query("ALERTS{alertstate=\"firing\"}");
            List<String> alerts = new ArrayList<>();
            firing.forEach(alert -> alerts.add(alert.get("metric").get("alertname").asText()
                    + alert.get("metric").path("tenant").asText("")));
            System.out.printf("MONITORING on Prometheus: %d panel queries, series per query %s; firing %s%n",
                    seriesByQuery.size(), seriesByQuery.values(), alerts);
            assertTrue(alerts.contains("ObRestoreStalledrt_running"), alerts.toString());
            assertTrue(!alerts.contains("ObRestoreStalledmon_moving"), "the moving restore is not stalled: " + alerts);
            assertTrue(alerts.contains("ObRestoreLogStreamFailed"), alerts.toString());
        } finally {
            RestoreJobs.remove("mon_moving");
        }
    }
}
