package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** The tests' handle on the real MariaDB: admin SQL, status counters, stopping and restarting the server. */
public final class TestDatabase {

    static final String FIXTURE = "/fixtures/oceanbase-restore.sql";

    private static volatile Map<String, Object> server;

    private TestDatabase() {
    }

    static void attach(Map<String, Object> shared) {
        server = shared;
    }

    /**
     * The run's shared server, started if need be, for tests that start the packaged service themselves (no Quarkus
     * test resource involved).
     */
    @SuppressWarnings("unchecked")
    public static Server shared() {
        Object supplier = System.getProperties().get(SharedMariaDb.KEY);
        if (!(supplier instanceof java.util.function.Supplier<?> start)) {
            throw new IllegalStateException("no shared MariaDB: " + SharedMariaDb.class.getName() + " is not registered");
        }
        Map<String, Object> description = (Map<String, Object>) start.get();
        attach(description);
        return new Server(description);
    }

    /** The running server; fails if no test resource attached one. */
    public static Server server() {
        Map<String, Object> current = server;
        if (current == null) {
            throw new IllegalStateException("no MariaDB: annotate the test with @WithTestResource(MariaDbTestResource.class)");
        }
        return new Server(current);
    }

    /** The shared server, as the test JVM's listener describes it. */
    public record Server(Map<String, Object> description) {

        public String password() {
            return (String) description.get("password");
        }

        /** The service's datasource URL ({@code mysql://127.0.0.1:port}). */
        public String reactiveUrl() {
            return (String) description.get("reactiveUrl");
        }

        public String jdbcUrl() {
            return (String) description.get("jdbcUrl");
        }

        /** Stops the server process; its data stays, so {@link #restart()} brings the same database back. */
        public void stopServer() {
            ((Runnable) description.get("stop")).run();
        }

        /** Starts it again on the same port and data (a stalled start is retried). */
        public void restart() {
            ((Runnable) description.get("restart")).run();
        }
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
