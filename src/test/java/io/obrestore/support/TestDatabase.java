package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

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

    /**
     * A JDBC connection as the admin account (not the service's read-only one). The driver is called directly:
     * DriverManager only offers drivers registered by the caller's class loader, and each Quarkus test application
     * has its own, so after a restart it would find none ("No suitable driver").
     */
    public static Connection admin() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", EmbeddedMariaDb.ADMIN_USER);
        login.setProperty("password", server().password());
        return new org.mariadb.jdbc.Driver().connect(server().jdbcUrl(), login);
    }
}
