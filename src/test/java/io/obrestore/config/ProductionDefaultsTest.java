package io.obrestore.config;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.EmbeddedMariaDb;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ProductionDefaultsProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Starts with the production defaults: no time zone configured means the database session's zone (+08:00 on the test
 * server), as obshell reads times in the observer's zone.
 */
@QuarkusTest
@Tag("reliability") // a start of its own (prod profile): ./mvnw -B verify -Preliability
@TestProfile(ProductionDefaultsProfile.class)
@WithTestResource(MariaDbTestResource.class)
class ProductionDefaultsTest {

    @Test
    void servesWithTheDefaultZone() {
        JsonNode body = Json.parse(given().get("/api/v1/tenant/rt2/restore/overview").then().statusCode(200)
                .extract().asString());
        OffsetDateTime start = OffsetDateTime.parse(body.get("data").get("start_timestamp").asText());
        // The fixture's wall-clock time, labelled with the database session's zone.
        assertEquals("2024-10-14T15:25:18.092782", start.toLocalDateTime().toString());
        assertEquals(EmbeddedMariaDb.ZONE, start.getOffset());
        management().get("/q/health/ready").then().statusCode(200);
    }
}
