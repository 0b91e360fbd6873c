package io.obrestore.watch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.support.DashboardProfile;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.RestoreJobs;
import io.obrestore.support.SseClient;
import io.obrestore.support.StatementCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The running-restores stream and the diagnostics against the real fixture database: every running restore, how the
 * jobs that stop running ended, stalled restores, orphaned tenants, and one statement per poll however many streams.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RunningRestoresStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/restore/running/stream")
    URL running;

    @TestHTTPResource("/")
    URL root;

    private final SseClient client = new SseClient();

    @Test
    void listsEveryRunningRestoreAndTheOrphansWithoutSecrets() throws Exception {
        try (SseClient.Stream stream = client.open(URI.create(running.toString()), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            JsonNode event = nextMatching(stream, data -> data.get("orphaned").size() > 0);
            List<String> tenants = new ArrayList<>();
            event.get("running").forEach(restore -> tenants.add(restore.get("overview").get("restore_tenant_name").asText()));
            assertTrue(tenants.containsAll(List.of("rt_running", "rt_ghost")), tenants.toString());
            JsonNode restore = find(event.get("running"), "rt_running");
            // The overview is the overview endpoint's payload, key for key (TENANT_ID = 1 row, not the tenant's copy).
            assertEquals(overviewOf("rt_running"), restore.get("overview"));
            assertEquals(3, restore.get("diagnostics").get("stall_after_seconds").asLong(), "this profile's stall-after");
            assertTrue(restore.get("samples").size() >= 1);
            assertEquals(3, restore.get("samples").get(0).size(), "[unix_ms, finish_bytes, finish_tablets]");
            JsonNode orphan = event.get("orphaned").get(0);
            assertEquals("rt_failed", orphan.get("tenant_name").asText());
            assertEquals(1016, orphan.get("tenant_id").asLong());
            assertEquals("RESTORE", orphan.get("tenant_status").asText());
            assertEquals(6, orphan.get("last_job_id").asLong());
            assertEquals(1, event.get("orphaned").size(), "rt_running is in RESTORE status but its job runs");
            RestoreWatchTest.assertSecretFree(stream.raw());
        }
    }

    @Test
    void aJobThatEndsLeavesTheListWithItsFinalOverview() throws Exception {
        RestoreJobs.startRunning("feed_end", 3310, 971);
        try (SseClient.Stream stream = client.open(URI.create(running.toString()), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            nextMatching(stream, data -> find(data.get("running"), "feed_end") != null);
            RestoreJobs.advance("feed_end", 400_000, 40);
            JsonNode moved = nextMatching(stream, data -> {
                JsonNode job = find(data.get("running"), "feed_end");
                return job != null && job.get("overview").get("finish_bytes").asLong() == 400_000;
            });
            assertEquals("40.00", find(moved.get("running"), "feed_end").get("overview").get("restore_progress").asText());

            try (StatementCounter statements = new StatementCounter()) {
                RestoreJobs.finish("feed_end", "FAIL");
                // Counted from the commit on, so this test's own writes are not in the figure.
                double pollsBefore = Metrics.value("obrestore_watch_polls_total");
                long before = statements.read();
                JsonNode ended = nextMatching(stream, data -> data.get("ended").size() > 0);
                long executed = statements.since(before);
                double polls = Metrics.value("obrestore_watch_polls_total") - pollsBefore;
                // The poll that no longer saw it run also found how it ended: no statement beyond one per poll.
                assertTrue(executed <= polls + 1, executed + " statements for " + polls + " polls");
                assertEquals(null, find(ended.get("running"), "feed_end"));
                JsonNode last = ended.get("ended").get(0);
                assertEquals("FAIL", last.get("status").asText());
                assertEquals(971, last.get("job_id").asLong());
                assertEquals(overviewOf("feed_end"), last);
            }
            // A failed restore leaves its tenant in RESTORE status: an orphan, from the second poll on.
            nextMatching(stream, data -> data.get("orphaned").toString().contains("\"feed_end\""));
            await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_orphaned{tenant=\"feed_end\"}") == 1.0);
            assertTrue(Metrics.value("obrestore_restore_orphaned_tenants") >= 2);
        } finally {
            RestoreJobs.remove("feed_end");
        }
        await().atMost(WAIT).until(() -> !Metrics.scrape().contains("tenant=\"feed_end\""));
    }

    @Test
    void aRestoreThatDoesNotMoveIsStalledUntilItMovesAgain() throws Exception {
        RestoreJobs.startRunning("feed_stall", 3312, 972);
        URI tenantStream = URI.create(root + "api/v1/tenant/feed_stall/restore/overview/stream");
        try (SseClient.Stream stream = client.open(tenantStream, Map.of())) {
            assertEquals(200, stream.status(WAIT));
            JsonNode stalled = nextMatching(stream, data -> data.has("diagnostics")
                    && data.get("diagnostics").get("stalled").asBoolean());
            assertEquals(3, stalled.get("diagnostics").get("stall_after_seconds").asLong());
            assertFalse(stalled.get("diagnostics").get("last_progress").asText().isEmpty());
            String series = "obrestore_restore_stalled{status=\"WAIT_TENANT_RESTORE_FINISH\",tenant=\"feed_stall\"}";
            await().atMost(WAIT).until(() -> Metrics.value(series) == 1.0);

            RestoreJobs.advance("feed_stall", 200_000, 20);
            JsonNode moving = nextMatching(stream, data -> !data.get("diagnostics").get("stalled").asBoolean());
            assertEquals(200_000, moving.get("overview").get("finish_bytes").asLong());
            await().atMost(WAIT).until(() -> Metrics.value(series) == 0.0);
        } finally {
            RestoreJobs.remove("feed_stall");
        }
    }

    @Test
    void fiftyOpenStreamsCostOneStatementPerPoll() throws Exception {
        List<SseClient.Stream> streams = new ArrayList<>();
        try (StatementCounter statements = new StatementCounter()) {
            streams.add(client.open(URI.create(running.toString()), Map.of("Accept", "text/event-stream")));
            assertNotNull(streams.get(0).next(WAIT));
            double[] one = statements.perPoll();
            double pollsBefore = Metrics.value("obrestore_watch_polls_total");
            long before = statements.read();
            for (int i = 1; i < 50; i++) {
                streams.add(client.open(URI.create(running.toString()), Map.of("Accept", "text/event-stream")));
            }
            for (SseClient.Stream stream : streams) {
                assertEquals(200, stream.status(WAIT));
            }
            for (SseClient.Stream stream : streams.subList(1, streams.size())) {
                assertNotNull(stream.next(WAIT), "every stream gets the current state at once");
            }
            // A new stream gets the feed's latest poll: opening them adds nothing to the polls.
            long opening = statements.since(before);
            double pollsWhileOpening = Metrics.value("obrestore_watch_polls_total") - pollsBefore;
            assertTrue(opening <= pollsWhileOpening + 1, opening + " statements for " + pollsWhileOpening + " polls");
            double[] fifty = statements.perPoll();
            System.out.printf("RUNNING STREAM statements per poll: 1 stream %.2f (%.1f/s), 50 streams %.2f (%.1f/s)%n",
                    one[0], one[1], fifty[0], fifty[1]);
            assertEquals(1.0, one[0], 0.1);
            assertEquals(1.0, fifty[0], 0.1);
        } finally {
            streams.forEach(SseClient.Stream::close);
        }
    }

    @Test
    void theStreamsCarryTheLogStreamsTheStallNamesThemAndTheFinalEventSaysWhichFailed() throws Exception {
        String name = "feed_streams";
        RestoreJobs.startRunning(name, 3314, 973);
        RestoreJobs.addLogStream(name, 1, "10.0.0.11:2882", OceanBaseRestoreRows.LS_NONE, 10, 10, 1000, 1000);
        RestoreJobs.addLogStream(name, 1001, "10.0.0.12:2882", OceanBaseRestoreRows.LS_RESTORE_MAJOR_DATA, 40, 10,
                500_000, 100_000);
        RestoreJobs.addLogStream(name, 1002, "10.0.0.13:2882", OceanBaseRestoreRows.LS_QUICK_RESTORE, 50, 0, 498_000, 0);
        URI tenantStream = URI.create(root + "api/v1/tenant/" + name + "/restore/overview/stream");
        try (SseClient.Stream list = client.open(URI.create(running.toString()), Map.of());
                SseClient.Stream stream = client.open(tenantStream, Map.of())) {
            // Counted once every row is in (a poll may fall between the inserts).
            JsonNode listed = nextMatching(list, data -> find(data.get("running"), name) != null
                    && find(data.get("running"), name).get("log_stream_summary").get("replicas").asInt() == 3);
            JsonNode summary = find(listed.get("running"), name).get("log_stream_summary");
            assertEquals(3, summary.get("log_streams").asInt());
            assertEquals(1, summary.get("done").asInt());
            assertFalse(find(listed.get("running"), name).has("log_streams"), "the list carries the summary only");

            JsonNode first = nextMatching(stream, data -> data.has("log_streams") && data.get("log_streams").size() == 3);
            assertEquals(3, first.get("log_streams").size());
            assertEquals("QUICK_RESTORE", first.get("log_streams").get(0).get("status").asText(), "slowest first");

            // Nothing moves: the stall names the unfinished streams and their servers.
            JsonNode stalled = nextMatching(stream, data -> data.has("diagnostics")
                    && data.get("diagnostics").get("stalled").asBoolean()
                    && data.get("diagnostics").has("stalled_log_streams"));
            JsonNode stuck = stalled.get("diagnostics").get("stalled_log_streams");
            assertEquals(2, stuck.size(), stuck.toString());
            assertEquals("10.0.0.13:2882", stuck.get(0).get("server").asText());
            assertEquals(1002, stuck.get(0).get("ls_id").asLong());
            assertEquals("QUICK_RESTORE", stuck.get(0).get("status").asText());
            assertEquals("10.0.0.12:2882", stuck.get(1).get("server").asText());

            // A stream moves: the event carries it (the overview itself did not change).
            RestoreJobs.advanceLogStream(name, 1002, "10.0.0.13:2882", OceanBaseRestoreRows.LS_RESTORE_MAJOR_DATA, 20,
                    200_000);
            JsonNode moved = nextMatching(stream, data -> data.has("log_streams")
                    && data.get("log_streams").toString().contains("\"finish_bytes\":200000"));
            assertFalse(moved.get("diagnostics").get("stalled").asBoolean(), "a stream's step is progress");

            RestoreJobs.failLogStream(name, 1002, "10.0.0.13:2882", -9011, "cannot find backup file", "YB42-FAILED");
            JsonNode failing = nextMatching(list, data -> find(data.get("running"), name) != null
                    && find(data.get("running"), name).get("log_stream_summary").get("failed").asInt() == 1);
            assertEquals("10.0.0.13:2882", find(failing.get("running"), name).get("log_stream_summary")
                    .get("failed_on").get(0).asText());
            RestoreJobs.finish(name, "FAIL");
            JsonNode last = nextMatching(stream, data -> "FAIL".equals(data.get("overview").get("status").asText()));
            assertEquals(1, last.get("log_streams").size(), "the final event names the failed stream: " + last);
            JsonNode failed = last.get("log_streams").get(0);
            assertEquals(1002, failed.get("ls_id").asLong());
            assertEquals("10.0.0.13:2882", failed.get("server").asText());
            assertEquals("OB_BACKUP_FILE_NOT_EXIST", failed.get("result_name").asText());
            assertEquals("YB42-FAILED", failed.get("trace_id").asText());
            assertTrue(failed.get("comment").asText().contains("result: -9011(cannot find backup file)"));
            assertEquals("(SERVER)ls_id: 1002, addr: 10.0.0.13:2882, module: RESTORE_DATA, result: -9011(cannot find"
                    + " backup file), trace_id: YB42-FAILED;", last.get("overview").get("comment").asText());
            await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_log_stream_failures_total") >= 1);
        } finally {
            RestoreJobs.remove(name);
        }
    }

    /** The data of the first event whose data matches, skipping others (the stream sends every change). */
    private static JsonNode nextMatching(SseClient.Stream stream, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event event = stream.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && event.data() != null) {
                JsonNode data = Json.parse(event.data());
                if (wanted.test(data)) {
                    return data;
                }
            }
        }
        throw new AssertionError("no matching event within " + WAIT + ": " + stream.raw());
    }

    private static JsonNode find(JsonNode running, String tenant) {
        for (JsonNode restore : running) {
            if (restore.get("overview").get("restore_tenant_name").asText().equals(tenant)) {
                return restore;
            }
        }
        return null;
    }

    private static JsonNode overviewOf(String tenant) {
        return Json.parse(given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(200)
                .extract().asString()).get("data");
    }
}
