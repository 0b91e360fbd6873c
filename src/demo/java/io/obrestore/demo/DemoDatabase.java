package io.obrestore.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo: in dev mode with the {@code demo} Maven profile, when the datasource still points at the demo address,
 * starts a real MariaDB there with the fixture's tenants and two simulated restores ({@link DemoRestores}), so
 * {@code ./mvnw quarkus:dev -Pdemo} works on a machine with only a JDK and shows restores that move. Compiled only in that profile (and for the tests), never into the service artifact.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DemoDatabase {

    private static final Logger LOG = Logger.getLogger(DemoDatabase.class);

    /** The dev profile's default datasource (application.properties); anything else means "use that database". */
    static final String DEMO_URL = "mysql://127.0.0.1:3316";
    static final Path SCRIPTS = Path.of("src/test/resources", OceanBaseScripts.DIRECTORY);

    private DemoRestores restores;

    // Runs before the service's own start-up work (e.g. warming the pool) needs the database.
    void start(@Observes @Priority(1) StartupEvent event, Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        if (!DEMO_URL.equals(url)) {
            LOG.infof("Datasource configured (%s): not starting the demo database", URI.create(url).getHost());
            return;
        }
        int port = URI.create(url).getPort();
        if (isListening(port)) {
            // Dev mode restarts the application on every change; the database outlives those restarts. But the port
            // may be held by something else: say so in one line instead of simulating restores into it.
            String notOurs = notTheDemoDatabase(vertx, port, password);
            if (notOurs != null) {
                LOG.warnf("Port %d is in use by something that is not the demo database (%s): stop it, or set"
                        + " QUARKUS_DATASOURCE_REACTIVE_URL to a database of your own", port, notOurs);
                return;
            }
            LOG.infof("Demo database already running on port %d", port);
        } else {
            LOG.infof("Starting the demo MariaDB on port %d with the fixture (about 15 s the first time)", port);
            EmbeddedMariaDb db = EmbeddedMariaDb.start(port, password, OceanBaseScripts.NEWEST.fromDirectory(SCRIPTS));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "demo-mariadb-stop"));
        }
        restores = DemoRestores.start(vertx, port, password);
        LOG.infof("Demo ready: open http://localhost:%1$d/ (the dashboard), or"
                + "  curl -N localhost:%1$d/api/v1/tenant/demo_moving/restore/overview/stream", httpPort);
    }

    // Dev mode restarts the application on every change: the next start makes its own simulation.
    void stop(@Observes ShutdownEvent event) {
        if (restores != null) {
            restores.close();
        }
    }

    /** Null when the demo database answers on {@code port} with its restore tables; else what went wrong. */
    private static String notTheDemoDatabase(Vertx vertx, int port, String password) {
        MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(port)
                .setUser(EmbeddedMariaDb.ADMIN_USER).setPassword(password).setConnectTimeout(2000);
        try {
            // Dev mode only, once at start: waiting here keeps the start's order simple.
            MySQLConnection.connect(vertx, options)
                    .compose(connection -> connection.query("SELECT 1 FROM oceanbase.__all_virtual_restore_job LIMIT 1")
                            .execute().eventually(() -> connection.close()))
                    .toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "no MySQL answer within 3 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
