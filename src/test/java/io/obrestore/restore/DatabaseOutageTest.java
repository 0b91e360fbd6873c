package io.obrestore.restore;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back while the service keeps running: errors come in the envelope within the
 * query timeout (2 s in the test profile), readiness follows the database, and no restart is needed.
 */
@QuarkusTest
@Tag("reliability") // stops the database: ./mvnw -B verify -Preliability
@WithTestResource(MariaDbTestResource.class)
class DatabaseOutageTest {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void outageIsReportedPromptlyAndRecoveredWithoutRestart() {
        overview().then().statusCode(200);
        management().get("/q/health/ready").then().statusCode(200);

        TestDatabase.server().stopServer();
        try {
            long started = System.nanoTime();
            Response failed = overview();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, failed.statusCode(), failed.asString());
            assertTrue(millis < QUERY_TIMEOUT.toMillis() + 1000, "answered after " + millis + " ms");
            JsonNode body = Json.parse(failed.asString());
            assertFalse(body.get("successful").asBoolean());
            assertTrue(Set.of("Agent.OceanBase.Useless", "Agent.OceanBase.Timeout")
                    .contains(body.get("error").get("errCode").asText()), failed.asString());
            // No driver text, host or exception name reaches the client.
            String raw = failed.asString();
            for (String leak : Set.of("Exception", "refused", "127.0.0.1", "obrestore@", "jdbc", "mysql://")) {
                assertFalse(raw.contains(leak), leak + " in " + raw);
            }

            Response ready = management().get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.asString());
            assertFalse(ready.asString().contains("refused"), ready.asString());
            // Liveness does no I/O: an outage must not get the pod restarted.
            management().get("/q/health/live").then().statusCode(200);
        } finally {
            TestDatabase.server().restart();
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> overview().statusCode() == 200);
        JsonNode data = Json.parse(overview().asString()).get("data");
        assertEquals("rt2", data.get("restore_tenant_name").asText());
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> management().get("/q/health/ready").statusCode() == 200);
    }

    private static Response overview() {
        return given().get("/api/v1/tenant/rt2/restore/overview");
    }
}
