package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import io.obrestore.demo.OceanBaseScripts;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real MariaDB for the whole test run, shared by every Quarkus application the run starts (one per test profile)
 * instead of one per application: a restart then costs the service's start only.
 *
 * <p>Quarkus loads each application, its test resources included, in class loaders of its own that are closed when the
 * application stops, so the server cannot live there. This listener lives in the test JVM's own class loader for the
 * whole run and hands the server out through the system properties, as JDK types only ({@link Supplier}, {@link Map},
 * {@link Runnable}), which every class loader shares. The server starts on first use, so a run of unit tests alone
 * starts none.
 */
public class SharedMariaDb implements LauncherSessionListener {

    /** System property holding a {@code Supplier<Map<String, Object>>} that starts the server once and describes it. */
    static final String KEY = "obrestore.test.mariadb";

    private EmbeddedMariaDb db;
    private Map<String, Object> description;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.getProperties().put(KEY, (Supplier<Map<String, Object>>) this::ensureStarted);
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        System.getProperties().remove(KEY);
        if (db != null) {
            db.close();
            db = null;
        }
    }

    private synchronized Map<String, Object> ensureStarted() {
        if (db == null) {
            String password = "pw-" + UUID.randomUUID();
            db = EmbeddedMariaDb.start(Ports.fresh(), password, OceanBaseScripts.NEWEST.fromClasspath());
            EmbeddedMariaDb server = db;
            description = Map.of(
                    "reactiveUrl", server.reactiveUrl(),
                    "jdbcUrl", server.jdbcUrl(),
                    "password", server.password(),
                    "stop", (Runnable) server::stopServer,
                    "restart", (Runnable) server::restart);
        }
        return description;
    }
}
