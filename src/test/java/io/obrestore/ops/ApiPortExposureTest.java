package io.obrestore.ops;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With a password set, nobody without a valid header reads a tenant name or a restore figure from the API port:
 * every route it serves is tried without a header, while the management port shows the running restore's gauges
 * (so the data is there to leak). Probes and metrics answer 404 on the API port.
 */
@QuarkusTest
@TestProfile(ApiPortExposureTest.AuthWithGauges.class)
@WithTestResource(MariaDbTestResource.class)
class ApiPortExposureTest {

    /** Passwords set and the restore gauges on. */
    public static class AuthWithGauges implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new AuthEnabledProfile().getConfigOverrides());
            config.put("obrestore.watch.metrics-enabled", "true");
            config.put("obrestore.watch.poll-interval", "200ms");
            return config;
        }
    }

    /** What a leak would show: tenant names of the fixture and figures of the running restore. */
    private static final List<String> RESTORE_DATA = List.of("rt_running", "rt2", "rt_multi", "rt_failed", "mysql_prod",
            "53687091200", "22333829939", "5.36870912E10", "2.2333829939E10", "WAIT_TENANT_RESTORE_FINISH");

    @Test
    void theApiPortShowsNoRestoreWithoutAHeader() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> management().get("/q/metrics").asString()
                .contains("obrestore_restore_total_bytes{status=\"WAIT_TENANT_RESTORE_FINISH\",tenant=\"rt_running\"}"));

        for (String path : List.of("/", "/dashboard/", "/dashboard/index.html", "/dashboard/app.js", "/dashboard/api.js",
                "/dashboard/auth.json", "/api/v1/info", "/api/v1/secret", "/q/openapi", "/q/metrics", "/q/health",
                "/q/health/ready", "/q/health/live", "/metrics", "/api/v1/restore/tasks",
                "/api/v1/tenant/rt_running/restore/overview", "/api/v1/tenant/rt_running/restore/overview/stream",
                "/api/v1/restore/running/stream", "/api/v1/nope", "/q/dev-ui", "/q/swagger-ui")) {
            Response response = given().redirects().follow(false).get(path);
            String body = response.asString();
            for (String data : RESTORE_DATA) {
                assertFalse(body.contains(data), path + " shows " + data + ": " + body);
            }
            if (path.startsWith("/q/metrics") || path.startsWith("/q/health")) {
                assertEquals(404, response.statusCode(), path + " is on the management port only");
            }
            if (path.startsWith("/api/v1/") && !path.equals("/api/v1/info") && !path.equals("/api/v1/secret")) {
                assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + ": " + body);
            }
        }
        management().get("/q/health/ready").then().statusCode(200);
    }
}
