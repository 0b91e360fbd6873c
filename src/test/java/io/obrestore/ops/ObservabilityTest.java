package io.obrestore.ops;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Prometheus metrics and the OpenAPI document. */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class ObservabilityTest {

    @Test
    void metricsCoverRoutesPoolAndAuthFailures() {
        given().get("/api/v1/tenant/rt2/restore/overview").then().statusCode(200);
        given().get("/api/v1/tenant/tenant1/restore/overview").then().statusCode(404);
        given().header("X-OCS-Header", "not-a-header").get("/api/v1/tenant/rt2/restore/overview").then().statusCode(401);
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        // Timings by route template (not by tenant name) and status.
        assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/api/v1/tenant/{name}/restore/overview\"}"), metrics);
        assertTrue(metrics.contains("status=\"404\",uri=\"/api/v1/tenant/{name}/restore/overview\""), metrics);
        assertTrue(!metrics.contains("rt2"), "tenant names must not become label values");
        // The reactive pool: connections in use, wait queue, queue delay.
        assertTrue(metrics.contains("mysql_current"), "pool usage");
        assertTrue(metrics.contains("mysql_queue_size"), "pool wait queue");
        assertTrue(metrics.contains("obrestore_auth_failures_total{errCode=\"Security.Authentication.Header.DecryptFailed\"}"),
                metrics);
    }

    @Test
    void openApiDescribesTheEndpointsAndErrors() {
        String doc = given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String expected : new String[] {"/api/v1/tenant/{name}/restore/overview", "/api/v1/info", "/api/v1/secret",
            "OB.Tenant.NotExist", "Security.Authentication.Header.DecryptFailed", "Agent.OceanBase.Useless",
            "RestoreOverview", "restore_scn", "ApiResponse", "traceId", "/api/v1/tenant/{name}/restore/log-streams",
            "RestoreLogStreams", "Restore.LogStreams.Unavailable", "result_name"}) {
            assertTrue(doc.contains(expected), expected + " missing from OpenAPI");
        }
    }

    @Test
    void openApiIsYamlByDefaultAndJsonOnRequest() {
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("application/yaml"))
                .body(startsWith("---"));
        for (var request : new io.restassured.specification.RequestSpecification[] {
            given().queryParam("format", "json"), given().accept("application/json")}) {
            String json = request.get("/q/openapi").then().statusCode(200)
                    .contentType(containsString("application/json")).extract().asString();
            assertTrue(io.obrestore.support.Json.parse(json).get("paths").has("/api/v1/restore/tasks"), json);
        }
    }
}
