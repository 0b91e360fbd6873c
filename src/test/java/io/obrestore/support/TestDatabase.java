package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The tests' handle on the real MariaDB: admin SQL, status counters, stopping and restarting the server. */
public final class TestDatabase {

    static final String FIXTURE = "/fixtures/oceanbase-restore.sql";

    private static volatile EmbeddedMariaDb db;

    private TestDatabase() {
    }

    static void attach(EmbeddedMariaDb started) {
        db = started;
    }

    static void detach() {
        EmbeddedMariaDb current = db;
        db = null;
        if (current != null) {
            current.close();
        }
    }

    /** The running server; fails if no test resource started one. */
    public static EmbeddedMariaDb server() {
        EmbeddedMariaDb current = db;
        if (current == null) {
            throw new IllegalStateException("no MariaDB: annotate the test with @WithTestResource(MariaDbTestResource.class)");
        }
        return current;
    }

    /** A JDBC connection as the admin account (not the service's read-only one). */
    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(server().jdbcUrl(), EmbeddedMariaDb.ADMIN_USER, server().password());
    }
}
