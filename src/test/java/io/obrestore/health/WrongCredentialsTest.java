package io.obrestore.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.LogCapture;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.WrongDatabasePasswordProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Wrong database credentials: the service runs, is not ready, says once and clearly why, and leaks nothing. */
@QuarkusTest
@TestProfile(WrongDatabasePasswordProfile.class)
@WithTestResource(MariaDbTestResource.class)
class WrongCredentialsTest {

    @Test
    void startsUnreadyWithOneClearLogLine() {
        try (LogCapture log = LogCapture.install()) {
            given().get("/q/health/live").then().statusCode(200);
            String ready = given().get("/q/health/ready").then().statusCode(503).extract().asString();
            assertTrue(ready.contains("Agent.OceanBase.Useless"), ready);
            for (int i = 0; i < 20; i++) {
                String body = given().get("/api/v1/tenant/rt2/restore/overview").then().statusCode(503).extract().asString();
                assertEquals("Agent.OceanBase.Useless", Json.parse(body).get("error").get("errCode").asText());
                assertFalse(body.contains("denied") || body.contains("obrestore"), body);
            }
            given().get("/q/health/ready").then().statusCode(503);
            String text = log.text();
            // 22 failing calls, at most one line (the start-up warm-up may already have logged it before capture).
            assertTrue(log.count("refused the login") <= 1, text);
            assertFalse(text.contains(WrongDatabasePasswordProfile.WRONG_PASSWORD), text);
            System.out.printf("RELIABILITY wrong database credentials: readiness DOWN, 20 overviews 503, %d log line(s)"
                    + " during them, no password in the log%n", log.count("refused the login"));
        }
    }
}
