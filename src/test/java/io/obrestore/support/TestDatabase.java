package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.demo.OceanBaseRestoreRows.Statement;
import io.obrestore.demo.OceanBaseScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** The tests' handle on the real MariaDB: admin SQL, status counters, stopping and restarting the server. */
public final class TestDatabase {

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

    /** The running server: the one a test resource attached, else the run's shared one (started if need be). */
    public static Server server() {
        Map<String, Object> current = server;
        return current == null ? shared() : new Server(current);
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

    /** Runs OceanBase-style row statements ({@link OceanBaseRestoreRows}) as the admin, in one transaction. */
    public static void run(List<Statement> statements) throws SQLException {
        try (Connection admin = admin()) {
            admin.setAutoCommit(false);
            for (Statement statement : statements) {
                try (PreparedStatement prepared = admin.prepareStatement(statement.sql())) {
                    for (int i = 0; i < statement.parameters().size(); i++) {
                        prepared.setObject(i + 1, statement.parameters().get(i));
                    }
                    prepared.executeUpdate();
                }
            }
            admin.commit();
        }
    }

    /**
     * Gives the views of {@code shape} to the database (OceanBase's base tables and rows stay): the views file run
     * statement by statement, as the mariadb client would.
     */
    public static void installViews(OceanBaseScripts shape) throws SQLException, IOException {
        String script;
        try (InputStream in = shape.viewsFromClasspath()) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        try (Connection admin = admin(); java.sql.Statement statement = admin.createStatement()) {
            for (String sql : withoutComments.toString().split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }
}
