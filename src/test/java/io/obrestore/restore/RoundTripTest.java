package io.obrestore.restore;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        try (Connection admin = TestDatabase.admin(); Statement statement = admin.createStatement()) {
            // Each SHOW is itself one question: measure that overhead instead of assuming it.
            long overhead = questions(statement) - questions(statement);
            long executesBefore = counter(statement, "Com_stmt_execute");
            long before = questions(statement);
            for (int i = 0; i < REQUESTS; i++) {
                given().get("/api/v1/tenant/" + tenant + "/restore/overview").then().statusCode(status);
            }
            long after = questions(statement);
            long executes = counter(statement, "Com_stmt_execute") - executesBefore;
            long statements = (after - before) + overhead;
            System.out.printf("statements per overview (%s): %.2f%n", tenant, statements / (double) REQUESTS);
            assertEquals(REQUESTS, statements, "statements for " + REQUESTS + " overviews of " + tenant);
            assertEquals(REQUESTS, executes, "prepared executions for " + REQUESTS + " overviews of " + tenant);
        }
    }

    @org.junit.jupiter.api.Test
    void sysCostsNoStatementAtAll() throws SQLException {
        try (Connection admin = TestDatabase.admin(); Statement statement = admin.createStatement()) {
            long overhead = questions(statement) - questions(statement);
            long before = questions(statement);
            given().get("/api/v1/tenant/sys/restore/overview").then().statusCode(400);
            assertEquals(0, questions(statement) - before + overhead);
        }
    }

    private static long questions(Statement statement) throws SQLException {
        return counter(statement, "Questions");
    }

    private static long counter(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
