package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.StatementCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exactly one statement reaches the database per overview (obshell sends three or four), whatever the outcome.
 * Measured with MariaDB's server-wide counters; {@code Questions} counts executed statements (COM_QUERY and
 * COM_STMT_EXECUTE) but not the protocol's PREPARE/CLOSE.
 */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class RoundTripTest {

    private static final int REQUESTS = 20;

    @ParameterizedTest
    @CsvSource({"rt2, 200", "rt_running, 200", "tenant1, 404", "no_such_tenant, 400"})
    void oneStatementPerOverview(String tenant, int status) throws SQLException {
        given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(status);
        try (StatementCounter counters = new StatementCounter()) {
            long executesBefore = counters.read("Com_stmt_execute");
            long before = counters.read();
            for (int i = 0; i < REQUESTS; i++) {
                given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(status);
            }
            long statements = counters.since(before);
            long executes = counters.read("Com_stmt_execute") - executesBefore;
            System.out.printf("statements per overview (%s): %.2f%n", tenant, statements / (double) REQUESTS);
            assertEquals(REQUESTS, statements, "statements for " + REQUESTS + " overviews of " + tenant);
            assertEquals(REQUESTS, executes, "prepared executions for " + REQUESTS + " overviews of " + tenant);
        }
    }

    @Test
    void sysCostsNoStatementAtAll() throws SQLException {
        try (StatementCounter counters = new StatementCounter()) {
            long before = counters.read();
            given().get("/api/v1/tenant/sys/restore/overview").then().statusCode(400);
            assertEquals(0, counters.since(before));
        }
    }

    @Test
    void aNameLongerThanAnyTenantCostsNoStatement() throws SQLException {
        try (StatementCounter counters = new StatementCounter()) {
            long before = counters.read();
            given().get("/api/v1/tenant/" + "a".repeat(129) + "/restore/overview").then().statusCode(400);
            assertEquals(0, counters.since(before), "a 129-character name cannot exist: no query");
        }
    }
}
