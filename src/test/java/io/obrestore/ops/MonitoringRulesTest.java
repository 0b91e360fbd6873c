package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring bundle as Prometheus' own tool sees it: the rule file is valid, every alert has a unit test and they
 * pass, the example configuration is valid; the Grafana dashboard's panels all query Prometheus.
 */
class MonitoringRulesTest {

    static final Path MONITORING = Path.of("docker", "monitoring");

    @TempDir
    Path installed;

    private static String promtool(String... args) throws Exception {
        return promtool(MONITORING, args);
    }

    private static String promtool(Path directory, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    @Test
    void theRulesAreValidAndEveryAlertIsUnitTested() throws Exception {
        assertTrue(promtool("check", "rules", "ob-restore-overview.rules.yml").contains("SUCCESS: 8 rules found"));
        assertTrue(promtool("test", "rules", "ob-restore-overview.rules.test.yml").contains("SUCCESS"));
        // The example as installed: next to its rules and the metrics token file it names (promtool checks it exists).
        for (String file : new String[] {"prometheus.example.yml", "ob-restore-overview.rules.yml"}) {
            Files.copy(MONITORING.resolve(file), installed.resolve(file));
        }
        Files.writeString(installed.resolve("ob-restore-overview-metrics-token"), "token");
        promtool(installed, "check", "config", "prometheus.example.yml");
        String rules = Files.readString(MONITORING.resolve("ob-restore-overview.rules.yml"));
        String tests = Files.readString(MONITORING.resolve("ob-restore-overview.rules.test.yml"));
        Set<String> alerts = new HashSet<>();
        rules.lines().filter(line -> line.trim().startsWith("- alert: "))
                .forEach(line -> alerts.add(line.trim().substring("- alert: ".length())));
        assertEquals(8, alerts.size(), alerts.toString());
        for (String alert : alerts) {
            assertTrue(tests.contains("alertname: " + alert), "no unit test for " + alert);
        }
    }

    @Test
    void everyDashboardPanelQueriesPrometheusWithTheClusterVariable() throws Exception {
        JsonNode dashboard = Json.parse(Files.readString(MONITORING.resolve("grafana-dashboard.json")));
        int queries = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText();
                assertTrue(expr.contains("cluster=~\"$cluster\""), panel.get("title") + ": " + expr);
                queries++;
            }
        }
        assertTrue(queries >= 15, "queries: " + queries);
        assertEquals("cluster", dashboard.get("templating").get("list").get(1).get("name").asText());
    }
}
