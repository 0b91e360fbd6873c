package io.obrestore.health;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class HealthEndpointsTest {

    @Test
    void readinessProbesTheRestoreViews() {
        management().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("oceanbase-restore-views"));
    }

    @Test
    void livenessAndStartedAreUp() {
        management().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("process"));
        management().get("/q/health/started").then().statusCode(200).body("checks.name", hasItem("started"));
    }
}
