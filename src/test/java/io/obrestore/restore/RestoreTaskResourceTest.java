package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.StatementCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/v1/restore/tasks} against the fixture: 2 running sys jobs (12 rt_ghost, 11 rt_running) and 11
 * finished ones (job 13, rt_xss, started first of all); running first, newest start first.
 */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class RestoreTaskResourceTest {

    private static final String TASKS = "/api/v1/restore/tasks";

    @Test
    void listsRunningThenFinishedSysJobsNewestFirst() {
        JsonNode data = tasks(Map.of());
        assertEquals(List.of(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 13L), jobIds(data));
        assertEquals(Json.parse("{\"total_elements\":13,\"total_pages\":1,\"size\":2147483647,\"number\":1}"),
                data.get("page"));
        // The tenant-side copy of job 11 (TENANT_ID 1028) is not listed.
        for (JsonNode task : data.get("contents")) {
            assertEquals(1, task.get("tenant_id").asLong());
        }
    }

    @Test
    void eachTaskIsTheOverviewPayload() {
        JsonNode contents = tasks(Map.of()).get("contents");
        assertEquals(overview("rt_running"), contents.get(1), "job 11, running");
        assertEquals(overview("rt2"), contents.get(11), "job 1, finished");
        assertEquals(Json.keys(overview("rt2")), Json.keys(contents.get(0)), "same 32 keys in the same order");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status=SUCCESS | 10,7,5,4,1",
        "status=fail,success | 10,9,8,7,6,5,4,3,2,1,13",
        "status=WAIT_TENANT_RESTORE_FINISH | 11",
        "status=FAIL,%20SUCCESS | 10,9,8,7,6,5,4,3,2,1,13",
        "status=SUCCESS,, | 10,7,5,4,1",
        "start_time=2024-10-18T00:00:00%2B08:00 | 12,11,10,9,8,7",
        "start_time=2024-10-17T16:00:00Z | 12,11,10,9,8,7",
        "start_time=2024-10-18T00:00:00+08:00 | 12,11,10,9,8,7",
        "end_time=2024-10-16T12:00:00%2B08:00 | 5,4,3,2,1,13",
        "start_time=2024-10-15T00:00:00%2B08:00&end_time=2024-10-16T10:00:00%2B08:00&status=FAIL | 3,2",
        "page=2&size=5 | 7,6,5,4,3",
        "page=3&size=5 | 2,1,13",
        "page=4&size=5 | ''",
        "page=0&size=3 | 12,11,10",
        "size=0 | 12,11,10,9,8,7,6,5,4,3,2,1,13",
        "page=99999999999999&size=99999999999 | ''",
        "status=CANCELED | ''"})
    void filtersAndPages(String query, String expected) {
        JsonNode data = given().urlEncodingEnabled(false).get(TASKS + "?" + query).then().statusCode(200)
                .extract().body().as(JsonNode.class).get("data");
        List<Long> want = new ArrayList<>();
        for (String id : expected.isEmpty() ? new String[0] : expected.split(",")) {
            want.add(Long.parseLong(id));
        }
        assertEquals(want, jobIds(data), query);
    }

    @Test
    void pagingFiguresDescribeTheWholeList() {
        JsonNode page = given().get(TASKS + "?page=2&size=5").then().statusCode(200).extract().body()
                .as(JsonNode.class).get("data").get("page");
        assertEquals(Json.parse("{\"total_elements\":13,\"total_pages\":3,\"size\":5,\"number\":2}"), page);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "page=4&size=5 | 13 | 3",
        "page=99999999999999&size=99999999999 | 13 | 1",
        "status=SUCCESS&page=9&size=2 | 5 | 3",
        "status=CANCELED&page=2&size=2 | 0 | 0"})
    void aPagePastTheEndStillCountsTheWholeList(String query, long total, long pages) {
        JsonNode page = given().urlEncodingEnabled(false).get(TASKS + "?" + query).then().statusCode(200).extract()
                .body().as(JsonNode.class).get("data").get("page");
        assertEquals(total, page.get("total_elements").asLong(), query);
        assertEquals(pages, page.get("total_pages").asLong(), query);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "start_time=yesterday | start_time", "end_time=2024-10-16 | end_time", "page=-1 | page", "size=abc | size",
        "page=1.5 | page", "status=SUCC%27ESS | status", "status=SUCC-ESS | status"})
    void malformedParametersAreIllegalArguments(String query, String parameter) {
        JsonNode body = given().urlEncodingEnabled(false).get(TASKS + "?" + query).then().statusCode(400)
                .extract().body().as(JsonNode.class);
        assertEquals("Common.IllegalArgument", body.get("error").get("errCode").asText());
        assertEquals(true, body.get("error").get("message").asText().contains("'" + parameter + "'"));
        assertFalse(body.get("traceId").asText().isEmpty());
    }

    @Test
    void noSecretInTheList() {
        String body = given().get(TASKS).then().statusCode(200).extract().asString();
        for (String marker : List.of("SECRET", "FAKE", "access_key", "access_id")) {
            assertFalse(body.contains(marker), marker);
        }
    }

    @Test
    void oneStatementPerList() throws Exception {
        given().get(TASKS).then().statusCode(200);
        try (StatementCounter statements = new StatementCounter()) {
            long before = statements.read();
            for (int i = 0; i < 10; i++) {
                given().get(TASKS + "?status=SUCCESS&page=1&size=2").then().statusCode(200);
            }
            assertEquals(10, statements.since(before));
        }
    }

    private static JsonNode tasks(Map<String, String> query) {
        return given().queryParams(query).get(TASKS).then().statusCode(200).extract().body().as(JsonNode.class)
                .get("data");
    }

    private static JsonNode overview(String tenant) {
        return given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(200).extract().body()
                .as(JsonNode.class).get("data");
    }

    private static List<Long> jobIds(JsonNode data) {
        List<Long> ids = new ArrayList<>();
        data.get("contents").forEach(task -> ids.add(task.get("job_id").asLong()));
        return ids;
    }
}
