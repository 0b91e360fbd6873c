package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.RestoreJobs;
import io.obrestore.support.SseClient;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/v1/tenant/{name}/restore/log-streams} on the real-shape test database: a running job whose streams
 * are in different steps, a failed job with its failed stream (kept in the progress table), a successful job from the
 * history table, a restore moving through all of it, the overview's errors, and a cluster without the log streams'
 * tables (the endpoint says so, everything else works).
 */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class RestoreLogStreamsResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL root;

    static Response logStreams(String encodedName) {
        return given().urlEncodingEnabled(false).when().get("/api/v1/tenant/" + encodedName + "/restore/log-streams");
    }

    private static JsonNode data(String name) {
        Response response = logStreams(name);
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode body = Json.parse(response.asString());
        assertTrue(body.get("successful").asBoolean());
        assertFalse(body.get("traceId").asText().isEmpty(), "stamped like every envelope");
        return body.get("data");
    }

    private static List<String> order(JsonNode streams) {
        List<String> keys = new ArrayList<>();
        streams.forEach(stream -> keys.add(stream.get("ls_id").asLong() + "@" + stream.get("server").asText()));
        return keys;
    }

    @Test
    void aRunningJobShowsEveryReplicaInItsStepSlowestFirst() {
        JsonNode data = data("rt_running");
        assertEquals("rt_running", data.get("restore_tenant_name").asText());
        assertEquals(1028, data.get("restore_tenant_id").asLong());
        assertEquals(11, data.get("job_id").asLong());
        assertTrue(data.get("running").asBoolean());
        assertEquals("WAIT_TENANT_RESTORE_FINISH", data.get("job_status").asText(), "the sys row's, as the overview");
        assertEquals("__all_ls_restore_progress", data.get("table").asText());
        assertEquals("", data.get("job_comment").asText());
        JsonNode summary = data.get("summary");
        assertEquals(3, summary.get("log_streams").asInt());
        assertEquals(1, summary.get("done").asInt(), "LS 1 is done on all three servers");
        assertEquals(0, summary.get("failed").asInt());
        assertEquals(9, summary.get("replicas").asInt());
        JsonNode streams = data.get("log_streams");
        assertEquals(9, streams.size());
        // Earliest step first (RESTORE_MAJOR_DATA 11 before WAIT_RESTORE_MAJOR_DATA 12), less data done first, the
        // finished replicas last.
        assertEquals(List.of("1002@10.10.10.2:2882", "1001@10.10.10.1:2882", "1002@10.10.10.1:2882",
                "1002@10.10.10.3:2882", "1001@10.10.10.2:2882", "1001@10.10.10.3:2882", "1@10.10.10.1:2882",
                "1@10.10.10.2:2882", "1@10.10.10.3:2882"), order(streams));
        JsonNode slowest = streams.get(0);
        assertEquals("RESTORE_MAJOR_DATA", slowest.get("status").asText());
        assertEquals(11, slowest.get("status_code").asInt());
        assertEquals("10.10.10.2", slowest.get("svr_ip").asText());
        assertEquals(2882, slowest.get("svr_port").asInt());
        assertEquals(600, slowest.get("tablet_count").asLong());
        assertEquals(126, slowest.get("finish_tablet_count").asLong());
        assertEquals(26306674688L, slowest.get("total_bytes").asLong());
        assertEquals(10260088115L, slowest.get("finish_bytes").asLong());
        assertEquals(0, slowest.get("result").asLong());
        assertEquals("", slowest.get("result_name").asText());
        assertEquals("YB420A0A0A02-000624C0D1E2F3A4-0-0", slowest.get("trace_id").asText());
        assertFalse(slowest.get("done").asBoolean());
        assertFalse(slowest.get("failed").asBoolean());
        assertEquals("2024-10-21T09:41:09+08:00", slowest.get("modified").asText());
        JsonNode done = streams.get(8);
        assertEquals("NONE", done.get("status").asText());
        assertTrue(done.get("done").asBoolean());
        String raw = logStreams("rt_running").asString();
        // SCNs exact beyond 2^53; the replay SCNs are set in this fixture, so they are shown.
        assertTrue(raw.contains("\"restore_scn\":1729470600123456789"), raw);
        assertTrue(raw.contains("\"start_replay_scn\":1729466100000000000"), raw);
        assertTrue(raw.contains("\"last_replay_scn\":1729468800000000000"), raw);
    }

    @Test
    void aFailedJobShowsWhichStreamFailedWhereAndWhyFirst() {
        JsonNode data = data("rt_failed");
        assertEquals(6, data.get("job_id").asLong());
        assertFalse(data.get("running").asBoolean());
        assertEquals("FAIL", data.get("job_status").asText());
        assertEquals("__all_ls_restore_progress", data.get("table").asText(), "a failed job's rows stay there");
        assertTrue(data.get("job_comment").asText().startsWith("LS_ID:1002"), data.get("job_comment").asText());
        JsonNode summary = data.get("summary");
        assertEquals(3, summary.get("log_streams").asInt());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(List.of("10.10.10.3:2882"), List.of(summary.get("failed_on").get(0).asText()));
        JsonNode failed = data.get("log_streams").get(0);
        assertEquals(1002, failed.get("ls_id").asLong());
        assertEquals("10.10.10.3:2882", failed.get("server").asText());
        assertEquals("RESTORE_FAILED", failed.get("status").asText());
        assertEquals(13, failed.get("status_code").asInt());
        assertTrue(failed.get("failed").asBoolean());
        assertEquals(-4016, failed.get("result").asLong());
        assertEquals("OB_ERR_UNEXPECTED", failed.get("result_name").asText());
        assertEquals("(SERVER)ls_id: 1002, addr: 10.10.10.3:2882, module: RESTORE_DATA, result: -4016(Internal error),"
                + " trace_id: YB420A0A0A03-000624B7C8D9E0F1-0-0", failed.get("comment").asText());
        assertEquals("YB420A0A0A03-000624B7C8D9E0F1-0-0", failed.get("trace_id").asText());
    }

    @Test
    void aSuccessfulJobShowsItsStreamsFromTheHistoryTable() {
        JsonNode data = data("rt2");
        assertEquals(1, data.get("job_id").asLong());
        assertEquals("SUCCESS", data.get("job_status").asText());
        assertEquals("__all_ls_restore_history", data.get("table").asText());
        assertEquals(2, data.get("summary").get("log_streams").asInt());
        assertEquals(2, data.get("summary").get("done").asInt());
        for (JsonNode stream : data.get("log_streams")) {
            assertEquals("NONE", stream.get("status").asText(), "finished: the history has no STATUS");
            assertTrue(stream.get("done").asBoolean());
            assertEquals(stream.get("tablet_count"), stream.get("finish_tablet_count"));
        }
        assertEquals(List.of("1@10.10.10.1:2882", "1001@10.10.10.1:2882"), order(data.get("log_streams")));
    }

    @Test
    void aJobWithoutLogStreamRowsHasAnEmptyList() {
        JsonNode data = data("rt_multi");
        assertEquals(4, data.get("job_id").asLong());
        assertEquals("", data.get("table").asText());
        assertEquals(0, data.get("log_streams").size());
        assertEquals(0, data.get("summary").get("log_streams").asInt());
    }

    @ParameterizedTest
    @CsvSource({"no_such_tenant, 400, OB.Tenant.NotExist", "tenant1, 404, Common.NotFound",
            "sys, 400, OB.Tenant.SysOperationNotAllowed", "rt2%20, 400, OB.Tenant.NotExist",
            "rt_ghost, 400, OB.Tenant.NotExist"})
    void errorsAreTheOverviews(String name, int status, String errCode) {
        Response response = logStreams(name);
        assertEquals(status, response.statusCode(), response.asString());
        JsonNode body = Json.parse(response.asString());
        assertFalse(body.get("successful").asBoolean());
        assertEquals(errCode, body.get("error").get("errCode").asText());
        assertEquals(Json.parse(RestoreOverviewResourceTest.overview(name).asString()).get("error"), body.get("error"));
    }

    @Test
    void aRestoreMovesThroughItsStepsFailsAStreamAndEndsWithItsComment() throws Exception {
        String name = "ls_moving";
        RestoreJobs.startRunning(name, 3410, 981);
        try {
            RestoreJobs.addLogStream(name, 1, "10.0.0.11:2882", OceanBaseRestoreRows.LS_NONE, 10, 10, 1000, 1000);
            RestoreJobs.addLogStream(name, 1001, "10.0.0.11:2882", OceanBaseRestoreRows.LS_RESTORE_SYS_TABLETS, 40, 0,
                    500_000, 0);
            RestoreJobs.addLogStream(name, 1001, "10.0.0.12:2882", OceanBaseRestoreRows.LS_RESTORE_TABLETS_META, 40, 5,
                    500_000, 1000);
            RestoreJobs.addLogStream(name, 1002, "10.0.0.13:2882", OceanBaseRestoreRows.LS_QUICK_RESTORE, 50, 20,
                    498_000, 200_000);
            JsonNode running = data(name);
            assertEquals(List.of("1001@10.0.0.11:2882", "1001@10.0.0.12:2882", "1002@10.0.0.13:2882",
                    "1@10.0.0.11:2882"), order(running.get("log_streams")));
            assertEquals(List.of("RESTORE_SYS_TABLETS", "RESTORE_TABLETS_META", "QUICK_RESTORE", "NONE"),
                    statuses(running.get("log_streams")));
            assertFalse(running.get("log_streams").get(0).has("start_replay_scn"), "0: never set, so left out");

            RestoreJobs.advanceLogStream(name, 1001, "10.0.0.11:2882", 42, 10, 100_000);
            RestoreJobs.failLogStream(name, 1002, "10.0.0.13:2882", -9011, "cannot find backup file",
                    "YB420A00000D-0006-0-0");
            JsonNode failing = data(name);
            assertEquals("1002@10.0.0.13:2882", order(failing.get("log_streams")).get(0));
            assertEquals("OB_BACKUP_FILE_NOT_EXIST", failing.get("log_streams").get(0).get("result_name").asText());
            assertEquals("42", failing.get("log_streams").get(2).get("status").asText(),
                    "a step the service does not know is shown as its number");
            assertEquals(List.of("10.0.0.13:2882"), List.of(failing.get("summary").get("failed_on").get(0).asText()));

            RestoreJobs.finish(name, "FAIL");
            JsonNode failed = data(name);
            assertFalse(failed.get("running").asBoolean());
            assertEquals("FAIL", failed.get("job_status").asText());
            assertEquals("(SERVER)ls_id: 1002, addr: 10.0.0.13:2882, module: RESTORE_DATA, result: -9011(cannot find"
                    + " backup file), trace_id: YB420A00000D-0006-0-0;", failed.get("job_comment").asText(),
                    "OceanBase's job comment: the failed streams' comments, each followed by ';'");
            assertEquals(4, failed.get("log_streams").size(), "a failed job's streams stay in the progress table");
        } finally {
            RestoreJobs.remove(name);
        }
    }

    @Test
    void aSuccessfulRestoresStreamsMoveToTheHistory() throws Exception {
        String name = "ls_success";
        RestoreJobs.startRunning(name, 3412, 982);
        try {
            RestoreJobs.addLogStream(name, 1, "10.0.0.11:2882", OceanBaseRestoreRows.LS_NONE, 10, 10, 1000, 1000);
            RestoreJobs.addLogStream(name, 1001, "10.0.0.11:2882", OceanBaseRestoreRows.LS_WAIT_RESTORE_MAJOR_DATA, 40,
                    30, 500_000, 400_000);
            assertEquals("__all_ls_restore_progress", data(name).get("table").asText());
            RestoreJobs.finish(name, "SUCCESS");
            JsonNode done = data(name);
            assertEquals("SUCCESS", done.get("job_status").asText());
            assertEquals("__all_ls_restore_history", done.get("table").asText());
            assertEquals(2, done.get("summary").get("done").asInt());
            assertEquals(500_000, done.get("log_streams").get(1).get("finish_bytes").asLong(),
                    "moved with its counters finished");
        } finally {
            RestoreJobs.remove(name);
        }
    }

    @Test
    void aClusterWithoutTheLogStreamTablesSaysSoAndEverythingElseWorks() throws Exception {
        SseClient sse = new SseClient();
        try {
            rename("__all_virtual_ls_restore_progress", "ls_progress_away", "__all_virtual_ls_restore_history",
                    "ls_history_away");
            Response refused = logStreams("rt_running");
            assertEquals(501, refused.statusCode(), refused.asString());
            JsonNode error = Json.parse(refused.asString()).get("error");
            assertEquals("Restore.LogStreams.Unavailable", error.get("errCode").asText());
            assertTrue(error.get("message").asText().contains("does not exist"), error.toString());
            assertFalse(refused.asString().contains("Table '"), "no driver text: " + refused.asString());

            assertEquals(200, RestoreOverviewResourceTest.overview("rt_running").statusCode());
            given().get("/api/v1/restore/tasks?status=SUCCESS,FAIL").then().statusCode(200);
            try (SseClient.Stream stream = sse.open(URI.create(root + "api/v1/tenant/rt_running/restore/overview/stream"),
                    Map.of())) {
                assertEquals(200, stream.status(WAIT));
                assertEquals("overview", stream.next(WAIT).name());
            }
            try (SseClient.Stream list = sse.open(URI.create(root + "api/v1/restore/running/stream"), Map.of())) {
                assertEquals(200, list.status(WAIT));
                SseClient.Event running = list.next(WAIT);
                assertEquals("running", running.name(), "the poll goes on without the log streams: " + list.raw());
                assertFalse(running.data().contains("log_stream_summary"), running.data());
            }
        } finally {
            rename("ls_progress_away", "__all_virtual_ls_restore_progress", "ls_history_away",
                    "__all_virtual_ls_restore_history");
        }
        // The tables answer again: the endpoint, and the poll after it, read them.
        await().atMost(WAIT).until(() -> logStreams("rt_running").statusCode() == 200);
    }

    private static List<String> statuses(JsonNode streams) {
        List<String> statuses = new ArrayList<>();
        streams.forEach(stream -> statuses.add(stream.get("status").asText()));
        return statuses;
    }

    private static void rename(String from, String to, String from2, String to2) throws Exception {
        try (Connection admin = TestDatabase.admin(); Statement sql = admin.createStatement()) {
            sql.execute("RENAME TABLE oceanbase." + from + " TO oceanbase." + to + ", oceanbase." + from2
                    + " TO oceanbase." + to2);
        }
    }
}
