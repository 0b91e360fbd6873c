package io.obrestore.watch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.RestoreJobs;
import io.obrestore.support.SseClient;
import io.obrestore.support.StatementCounter;
import io.obrestore.support.TestDatabase;
import io.obrestore.support.WatchProfile;
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
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live watch against the real fixture database: changes, the final event, errors, and the shared poller. */
@QuarkusTest
@TestProfile(WatchProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RestoreWatchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL root;

    private final SseClient client = new SseClient();

    @Test
    void streamDeliversEachChangeThenTheFinalEventAndCloses() throws Exception {
        RestoreJobs.startRunning("watch_move", 3010, 901);
        try (SseClient.Stream stream = client.open(stream("watch_move"), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());

            SseClient.Event first = stream.next(WAIT);
            assertNotNull(first, "the current overview is sent at once");
            assertEquals("overview", first.name());
            JsonNode overview = Json.parse(first.data()).get("overview");
            // The event's overview is the overview endpoint's payload, key for key.
            assertEquals(overviewOf("watch_move"), overview);
            assertEquals(100, overview.get("finish_bytes").asLong());

            // Give the rate window more than a second of samples before the counters move.
            double polls = Metrics.value("obrestore_watch_polls_total");
            await().atMost(WAIT).until(() -> Metrics.value("obrestore_watch_polls_total") >= polls + 12);
            RestoreJobs.advance("watch_move", 500_000, 50);

            SseClient.Event change = stream.next(WAIT);
            assertNotNull(change, "the change is delivered");
            assertEquals("overview", change.name());
            JsonNode changed = Json.parse(change.data());
            assertEquals(500_000, changed.get("overview").get("finish_bytes").asLong());
            assertEquals(50, changed.get("overview").get("finish_tablet_count").asLong());
            assertEquals("50.00", changed.get("overview").get("restore_progress").asText());
            JsonNode estimate = changed.get("estimate");
            assertNotNull(estimate, "a change after a second of samples carries estimates: " + change.data());
            assertTrue(estimate.get("bytes_per_second").asDouble() > 0, estimate.toString());
            assertTrue(estimate.get("tablets_per_second").asDouble() > 0, estimate.toString());
            assertTrue(estimate.get("window_seconds").asDouble() >= 1, estimate.toString());
            assertTrue(estimate.get("eta_seconds").asLong() > 0, estimate.toString());
            assertFalse(estimate.get("eta").asText().isEmpty());
            assertTrue(Long.parseLong(change.id()) > Long.parseLong(first.id()), "event ids increase");

            RestoreJobs.finish("watch_move", "SUCCESS");
            SseClient.Event last = stream.next(WAIT);
            assertNotNull(last, "the terminal status is delivered");
            assertEquals("final", last.name());
            JsonNode done = Json.parse(last.data()).get("overview");
            assertEquals("SUCCESS", done.get("status").asText());
            assertFalse(done.get("finish_timestamp").asText().isEmpty());
            await().atMost(WAIT).until(stream::ended);
            assertSecretFree(stream.raw());
        } finally {
            RestoreJobs.remove("watch_move");
        }
    }

    @Test
    void aFinishedRestoreIsOneFinalEvent() throws Exception {
        try (SseClient.Stream stream = client.open(stream("rt2"), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            SseClient.Event only = stream.next(WAIT);
            assertNotNull(only);
            assertEquals("final", only.name());
            assertEquals(overviewOf("rt2"), Json.parse(only.data()).get("overview"));
            await().atMost(WAIT).until(stream::ended);
            assertEquals(null, stream.next(Duration.ZERO));
        }
    }

    @ParameterizedTest
    @CsvSource({"no_such_tenant, 400, OB.Tenant.NotExist", "tenant1, 404, Common.NotFound",
            "sys, 400, OB.Tenant.SysOperationNotAllowed"})
    void errorsAreTheOverviewsEnvelopesWithoutAStream(String tenant, int status, String errCode) throws Exception {
        try (SseClient.Stream stream = client.open(stream(tenant), Map.of())) {
            assertEquals(status, stream.status(WAIT));
            assertTrue(stream.contentType().startsWith("application/json"), stream.contentType());
            await().atMost(WAIT).until(stream::ended);
            JsonNode envelope = Json.parse(stream.raw());
            assertFalse(envelope.get("successful").asBoolean());
            assertEquals(status, envelope.get("status").asInt());
            assertEquals(errCode, envelope.get("error").get("errCode").asText());
            assertFalse(envelope.get("traceId").asText().isEmpty(), "stamped like every envelope");
            assertFalse(envelope.get("timestamp").asText().isEmpty());
        }
        assertEquals(0, (int) Metrics.value("obrestore_watch_tenants"), "a refused stream watches nothing");
    }

    @Test
    @Tag("reliability") // stops the database
    void aDatabaseOutageIsAnErrorEventAndTheStreamResumes() throws Exception {
        try (SseClient.Stream stream = client.open(stream("rt_running"), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            assertEquals("overview", stream.next(WAIT).name());
            TestDatabase.server().stopServer();
            SseClient.Event error;
            try {
                error = stream.next(WAIT);
                // The first poll may answer before the server is down (its shutdown takes a few hundred ms) and bring
                // news first: the log streams, which the opening look-up does not carry. An overview, never the end.
                while (error != null && error.name().equals("overview")) {
                    error = stream.next(WAIT);
                }
            } finally {
                TestDatabase.server().restart();
            }
            assertNotNull(error, "the outage is reported on the stream");
            assertEquals("error", error.name());
            JsonNode failure = Json.parse(error.data()).get("error");
            assertTrue(Set.of("Agent.OceanBase.Useless", "Agent.OceanBase.Timeout")
                    .contains(failure.get("errCode").asText()), error.data());
            assertFalse(stream.ended(), "an outage does not end the stream");
            // Back to normal: the current state again, no reconnect needed (another errCode may come first, e.g. a
            // timeout while the server restarts).
            SseClient.Event resumed = stream.next(Duration.ofSeconds(60));
            while (resumed != null && resumed.name().equals("error")) {
                resumed = stream.next(Duration.ofSeconds(60));
            }
            assertNotNull(resumed, "the stream resumes once the database answers");
            assertEquals("overview", resumed.name());
            assertEquals(overviewOf("rt_running"), Json.parse(resumed.data()).get("overview"));
            assertFalse(stream.raw().contains("127.0.0.1") || stream.raw().contains("Exception"), stream.raw());
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamTalking() throws Exception {
        try (SseClient.Stream stream = client.open(stream("rt_running"), Map.of())) {
            assertEquals(200, stream.status(WAIT));
            assertNotNull(stream.next(WAIT));
            await().atMost(WAIT).until(() -> stream.comments() >= 2);
            assertTrue(stream.raw().contains(":heartbeat"), stream.raw());
        }
    }

    /** 50 streams in the regular suite, 500 in the reliability profile ({@code -Preliability}). */
    static final int WATCHERS = Integer.getInteger("test.watchers", 50);

    @Test
    @Tag("scaled")
    void theDatabaseSeesOnePollWhateverTheNumberOfWatchers() throws Exception {
        RestoreJobs.startRunning("watch_many", 3012, 902);
        List<SseClient.Stream> streams = new ArrayList<>();
        try (StatementCounter statements = new StatementCounter()) {
            streams.add(client.open(stream("watch_many"), Map.of()));
            assertNotNull(streams.get(0).next(WAIT));
            double[] one = statements.perPoll();

            double pollsBefore = Metrics.value("obrestore_watch_polls_total");
            long before = statements.read();
            for (int i = 1; i < WATCHERS; i++) {
                streams.add(client.open(stream("watch_many"), Map.of()));
            }
            for (SseClient.Stream stream : streams.subList(1, streams.size())) {
                assertEquals(200, stream.status(WAIT));
                assertNotNull(stream.next(WAIT), "every watcher gets the current state at once");
            }
            // A tenant already watched is answered from the shared state: the opens add nothing to the polls.
            long opening = statements.since(before);
            double pollsWhileOpening = Metrics.value("obrestore_watch_polls_total") - pollsBefore;
            assertTrue(opening <= pollsWhileOpening + 1, opening + " statements for " + pollsWhileOpening + " polls");
            assertEquals(WATCHERS, (int) Metrics.value("obrestore_watch_subscribers"));
            double[] many = statements.perPoll();
            System.out.printf("WATCH statements per poll: 1 watcher %.2f (%.1f/s), %d watchers %.2f (%.1f/s)%n",
                    one[0], one[1], WATCHERS, many[0], many[1]);
            assertEquals(1.0, one[0], 0.1, "one statement per poll with one watcher");
            assertEquals(1.0, many[0], 0.1, "one statement per poll with " + WATCHERS + " watchers");
        } finally {
            streams.forEach(SseClient.Stream::close);
        }
        // The last watcher gone, the poller stops: no more polls, hence no more statements.
        await().atMost(WAIT).until(() -> Metrics.value("obrestore_watch_tenants") == 0);
        double stopped = Metrics.value("obrestore_watch_polls_total");
        await().during(Duration.ofSeconds(1)).atMost(WAIT)
                .until(() -> Metrics.value("obrestore_watch_polls_total") == stopped);
        RestoreJobs.remove("watch_many");
    }

    static void assertSecretFree(String text) {
        for (String marker : List.of("SECRET", "FAKE", "access_key", "access_id")) {
            assertFalse(text.contains(marker), "stream output contains " + marker);
        }
    }

    private URI stream(String tenant) {
        return URI.create(root.toString()).resolve("api/v1/tenant/" + tenant + "/restore/overview/stream");
    }

    private static JsonNode overviewOf(String tenant) {
        return Json.parse(given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(200)
                .extract().asString()).get("data");
    }
}
