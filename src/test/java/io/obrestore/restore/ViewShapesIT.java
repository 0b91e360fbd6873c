package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.OceanBaseScripts;
import io.obrestore.support.GeneratedRestores;
import io.obrestore.support.GeneratedRestores.Restore;
import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.Seeded;
import io.obrestore.support.ServiceProcess;
import io.obrestore.support.SseClient;
import io.obrestore.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on every restore view shape found in OceanBase's sources (docs/restore-views.md, "Shapes"), on
 * restores it has never seen: random values written into OceanBase's base tables as OceanBase writes them
 * ({@link GeneratedRestores}), the expected answers derived from what was written. For each shape: the overview of
 * every restore through both SDKs' header forms, the task list, the running-restores stream (what the dashboard
 * reads), a tenant's stream, the start log and {@code obrestore_oceanbase_info} naming the shape, no 500 anywhere.
 */
@ExtendWith(Seeded.class)
class ViewShapesIT {

    private static final String PASSWORD = "shape-matrix-pw";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyShapeAnswersRightOnRestoresItHasNeverSeen(Seeded random, @TempDir Path dir) throws Exception {
        GeneratedRestores generated = GeneratedRestores.write(random, 8);
        try {
            for (OceanBaseScripts shape : OceanBaseScripts.ALL) {
                TestDatabase.installViews(shape);
                try (ServiceProcess service = ServiceProcess.start(dir, "shape" + shape.shape(),
                        Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD))) {
                    checkShape(service, shape, generated);
                }
            }
        } finally {
            TestDatabase.installViews(OceanBaseScripts.NEWEST);
            generated.remove();
        }
    }

    private static void checkShape(ServiceProcess service, OceanBaseScripts shape, GeneratedRestores generated)
            throws Exception {
        String label = "shape " + shape.shape();
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(service.publicKey());
        Map<Long, JsonNode> expected = new HashMap<>();
        boolean python = true;
        for (Restore restore : generated.restores()) {
            JsonNode want = Json.parse(generated.expected(restore, shape).toString());
            expected.put(restore.jobId(), want);
            String uri = "/api/v1/tenant/" + restore.name() + "/restore/overview";
            String header = python ? sdk.python(PASSWORD, uri) : sdk.go(PASSWORD, uri);
            python = !python;
            HttpResponse<String> answer = service.get(uri, "X-OCS-Header", header);
            assertEquals(200, answer.statusCode(), label + " " + restore.name() + ": " + answer.body());
            assertEquals(want, Json.parse(answer.body()).get("data"), label + " " + restore.name());
            assertEquals(Json.keys(want), Json.keys(Json.parse(answer.body()).get("data")), "obshell's key order");
            checkLogStreams(service, sdk, restore, label);
        }

        String tasks = "/api/v1/restore/tasks?size=100";
        HttpResponse<String> list = service.get(tasks, "X-OCS-Header", sdk.go(PASSWORD, tasks));
        assertEquals(200, list.statusCode(), label + ": " + list.body());
        int listed = 0;
        for (JsonNode task : Json.parse(list.body()).get("data").get("contents")) {
            JsonNode want = expected.get(task.get("job_id").asLong());
            if (want != null) {
                assertEquals(want, task, label + " task " + task.get("job_id"));
                listed++;
            }
        }
        assertEquals(generated.restores().size(), listed, label + ": every generated job in the task list");

        String stream = "/api/v1/restore/running/stream";
        try (SseClient.Stream events = new SseClient().open(service.uri(stream),
                Map.of("X-OCS-Header", sdk.python(PASSWORD, stream)))) {
            assertEquals(200, events.status(WAIT), label);
            JsonNode poll = Json.parse(events.next(WAIT).data());
            int running = 0;
            for (JsonNode restore : poll.get("running")) {
                JsonNode want = expected.get(restore.get("overview").get("job_id").asLong());
                if (want != null) {
                    assertEquals(want, restore.get("overview"), label + " running stream");
                    running++;
                }
            }
            assertEquals(generated.restores().stream().filter(Restore::running).count(), running, label);
        }

        Restore first = generated.restores().get(0);
        String tenantStream = "/api/v1/tenant/" + first.name() + "/restore/overview/stream";
        try (SseClient.Stream events = new SseClient().open(service.uri(tenantStream),
                Map.of("X-OCS-Header", sdk.go(PASSWORD, tenantStream)))) {
            assertEquals(200, events.status(WAIT), label);
            SseClient.Event event = events.next(WAIT);
            assertEquals("overview", event.name(), label + ": " + event.data());
            assertEquals(expected.get(first.jobId()), Json.parse(event.data()).get("overview"), label + " tenant stream");
        }

        String log = service.log();
        assertTrue(log.contains("restore views of shape " + shape.shape() + " "), label + ":\n" + log);
        // The generated restore with a backup tenant id OceanBase would never write: a warning, not an error.
        assertTrue(log.contains("unreadable_value: CDB_OB_RESTORE_PROGRESS.BACKUP_TENANT_ID held a String that is not"
                + " a whole number"), label + ":\n" + log);
        assertFalse(log.contains("ERROR"), label + ":\n" + log);
        String metrics = service.management("/q/metrics").body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("obrestore_oceanbase_info{")
                && line.contains("view_shape=\"" + shape.shape() + "\"") && line.endsWith(" 1.0")), label);
        assertTrue(metrics.contains("obrestore_database_failures_total{cause=\"unreadable_value\"}"), label);
        List<String> failures = metrics.lines().filter(line -> line.startsWith("obrestore_database_failures_total"))
                .filter(line -> !line.contains("unreadable_value") && !line.endsWith(" 0.0")).toList();
        assertEquals(List.of(), failures, label + ": no failed statement on this shape");
    }

    /**
     * The log-stream endpoint on a generated restore: every replica written, from the table OceanBase keeps it in, in
     * the order the service promises (failed, then earliest step, then least data done, finished last), counted.
     */
    private static void checkLogStreams(ServiceProcess service, ObshellSdkHeaders sdk, Restore restore, String label)
            throws Exception {
        String uri = "/api/v1/tenant/" + restore.name() + "/restore/log-streams";
        HttpResponse<String> answer = service.get(uri, "X-OCS-Header", sdk.go(PASSWORD, uri));
        assertEquals(200, answer.statusCode(), label + " " + restore.name() + ": " + answer.body());
        JsonNode data = Json.parse(answer.body()).get("data");
        boolean success = "SUCCESS".equals(restore.finalStatus());
        assertEquals(success ? "__all_ls_restore_history" : "__all_ls_restore_progress", data.get("table").asText(),
                label + " " + restore.name());
        // A successful job's replicas moved to the history with their counters finished: all done.
        List<GeneratedRestores.Replica> expected = restore.replicas().stream().map(replica -> success
                ? new GeneratedRestores.Replica(replica.lsId(), replica.ip(), replica.port(), 0, replica.tablets(),
                        replica.tablets(), replica.bytes(), replica.bytes(), 0, "")
                : replica).sorted(Comparator
                .comparing((GeneratedRestores.Replica replica) -> replica.status() != 13)
                .thenComparing(replica -> replica.status() == 0)
                .thenComparingInt(GeneratedRestores.Replica::status)
                .thenComparingDouble(replica -> replica.bytes() > 0 ? (double) replica.finishBytes() / replica.bytes()
                        : (double) replica.finishTablets() / replica.tablets())
                .thenComparingLong(GeneratedRestores.Replica::lsId)
                .thenComparing(GeneratedRestores.Replica::server)).toList();
        List<String> want = new ArrayList<>();
        expected.forEach(replica -> want.add(replica.lsId() + "@" + replica.server() + " " + replica.status() + " "
                + replica.finishBytes() + " " + (replica.result() == 0 ? "" : GeneratedRestores.errorName(replica.result())
                + " " + replica.comment())));
        List<String> got = new ArrayList<>();
        data.get("log_streams").forEach(stream -> got.add(stream.get("ls_id").asLong() + "@"
                + stream.get("server").asText() + " " + stream.get("status_code").asInt() + " "
                + stream.get("finish_bytes").asLong() + " " + (stream.get("result").asLong() == 0 ? ""
                : stream.get("result_name").asText() + " " + stream.get("comment").asText())));
        assertEquals(want, got, label + " " + restore.name());
        long logStreams = restore.replicas().stream().map(GeneratedRestores.Replica::lsId).distinct().count();
        assertEquals(logStreams, data.get("summary").get("log_streams").asLong(), label);
        assertEquals("FAIL".equals(restore.finalStatus()) ? 1 : 0, data.get("summary").get("failed").asInt(), label);
    }
}
