package io.obrestore.watch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
