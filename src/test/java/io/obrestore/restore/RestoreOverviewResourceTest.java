package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture tenant against the real MariaDB: status, errCode, message and the exact data (values and types). */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class RestoreOverviewResourceTest {

    /** Every name the fixture and docs/restore-views.md mention, URL-encoded as a client sends it. */
    static final List<String> ALL_PATH_NAMES = List.of("sys", "SYS", "META%241002", "tenant1", "rt2", "RT2", "rt_multi",
            "rt_failed", "rt-4_x~y%2Bz%231", "t_recreated", "rt_unparsable", "rt_running", "rt_ghost", "rt_dropped",
            "rt_xss", "no_such_tenant");

    static Response overview(String encodedName) {
        return given().urlEncodingEnabled(false)
                .when().get("/api/v1/tenant/" + encodedName + "/restore/overview");
    }

    @ParameterizedTest
    @CsvSource({
        "rt2, rt2",
        "rt_running, rt_running",
        "rt_multi, rt_multi",
        "rt_failed, rt_failed",
        "rt-4_x~y%2Bz%231, rt-4_x_y_z_1",
        "t_recreated, t_recreated",
        "rt_unparsable, rt_unparsable",
        "rt_xss, rt_xss",
    })
    void fixtureTenantAnswersTheExpectedOverview(String pathName, String expectedFile) {
        Response response = overview(pathName);
        response.then().statusCode(200).contentType(startsWith("application/json"));
        JsonNode body = Json.parse(response.asString());
        JsonNode expected = Json.resource("/expected/" + expectedFile + ".json");

        assertEnvelope(body, 200, true);
        JsonNode data = body.get("data");
        // JsonNode equality compares node types too: 1 vs "1", or a long vs a double, would differ.
        assertEquals(expected, data);
        assertEquals(Json.keys(expected), Json.keys(data), "obshell's key order");
        assertFalse(body.has("error"));
    }

    @Test
    void scnsBeyondTwoToThe53AreExactIntegersOnTheWire() {
        String raw = overview("rt_running").then().statusCode(200).extract().asString();
        // A double would print 1729470600123456800.
        assertTrue(raw.contains("\"restore_scn\":1729470600123456789"), raw);
        assertTrue(raw.contains("\"recover_scn\":1729468800000000000"), raw);
        // DECIMAL(6,2) keeps its scale: OceanBase truncates 41.5999... to 41.59.
        assertTrue(raw.contains("\"restore_progress\":\"41.59\""), raw);
    }

    @Test
    void rt2EqualsTheSeedExampleFieldForField() {
        JsonNode seed = Json.resource("/expected/seed-example-response.json").get("data");
        JsonNode data = Json.parse(overview("rt2").then().statusCode(200).extract().asString()).get("data");
        assertEquals(30, seed.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = seed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            assertEquals(field.getValue(), data.get(field.getKey()), field.getKey());
        }
        // The only additions are obshell's two always-empty URIs; backup_dest (access keys) is never sent.
        assertEquals(32, data.size());
        assertEquals("", data.get("backup_data_uri").asText());
        assertEquals("", data.get("backup_log_uri").asText());
        assertFalse(data.has("backup_dest"));
    }

    @Test
    void sysIsRejectedBeforeAnySql() {
        assertError(overview("sys"), 400, "OB.Tenant.SysOperationNotAllowed",
                "System tenant is not allowed to perform this operation");
    }

    @ParameterizedTest
    @CsvSource({
        "SYS, SYS",
        "RT2, RT2",
        "META%241002, META$1002",
        "rt_ghost, rt_ghost",
        "rt_dropped, rt_dropped",
        "no_such_tenant, no_such_tenant",
    })
    void unknownTenantIs400NotExist(String pathName, String decodedName) {
        assertError(overview(pathName), 400, "OB.Tenant.NotExist", "Tenant '" + decodedName + "' does not exist.");
    }

    @Test
    void tenantWithoutRestoreIs404() {
        assertError(overview("tenant1"), 404, "Common.NotFound", "Element not found: restore task");
    }

    @Test
    void overlongNameIsNotExistWithoutQuerying() {
        String name = "x".repeat(RestoreOverviewService.MAX_TENANT_NAME_LENGTH + 1);
        assertError(overview(name), 400, "OB.Tenant.NotExist", "Tenant '" + name + "' does not exist.");
    }

    @ParameterizedTest
    @CsvSource({"rt2%20, 'rt2 '", "rt2%20%20, 'rt2  '", "tenant1%20, 'tenant1 '"})
    void trailingSpacesDoNotFindAnotherTenant(String pathName, String decodedName) {
        // MariaDB's utf8mb4_bin is PAD SPACE, so the SQL finds rt2 for 'rt2 ' (obshell would answer rt2's restore);
        // we require the stored name to be exactly the requested one.
        assertError(overview(pathName), 400, "OB.Tenant.NotExist", "Tenant '" + decodedName + "' does not exist.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v1/tenant/rt2/restore", "/api/v1/tenant/rt2/restore/overview/extra"})
    void unknownRoutesUnderApiAre404Envelopes(String path) {
        Response response = given().when().get(path);
        assertError(response, 404, "Common.NotFound", "Element not found: 404 not found");
    }

    @Test
    void callerTraceIdIsEchoed() {
        Response response = given().header("X-OBSHELL-Trace-ID", "abc123trace")
                .when().get("/api/v1/tenant/rt2/restore/overview");
        assertEquals("abc123trace", Json.parse(response.asString()).get("traceId").asText());
    }

    @Test
    void noResponseCarriesASecret() {
        for (String name : ALL_PATH_NAMES) {
            String body = overview(name).asString();
            for (String marker : List.of("SECRET", "FAKE", "access_key", "access_id", "encrypt_key")) {
                assertFalse(body.contains(marker), name + " leaked " + marker + ": " + body);
            }
        }
    }

    static void assertError(Response response, int status, String errCode, String message) {
        response.then().statusCode(status).contentType(startsWith("application/json"));
        JsonNode body = Json.parse(response.asString());
        assertEnvelope(body, status, false);
        JsonNode error = body.get("error");
        assertEquals(errCode, error.get("errCode").asText());
        assertEquals(message, error.get("message").asText());
        // Only auth errors carry obshell's legacy numeric code; 0 is omitted, as Go's omitempty does.
        assertFalse(error.has("code"), body.toString());
    }

    static void assertEnvelope(JsonNode body, int status, boolean successful) {
        assertEquals(List.of("successful", "timestamp", "duration", "status", "traceId"),
                Json.keys(body).subList(0, 5));
        assertEquals(successful, body.get("successful").asBoolean());
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.get("duration").isIntegralNumber() && body.get("duration").asLong() >= 0);
        assertTrue(body.get("traceId").asText().matches("[0-9a-f]{16}"), body.get("traceId").asText());
        // RFC 3339 with seconds and offset: what Go's time.Time parser accepts.
        String timestamp = body.get("timestamp").asText();
        assertTrue(timestamp.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)"),
                timestamp);
        OffsetDateTime.parse(timestamp);
    }
}
