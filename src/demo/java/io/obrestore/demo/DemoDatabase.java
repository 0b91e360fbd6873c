package io.obrestore.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
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
            // Dev mode restarts the application on every change; the database outlives those restarts.
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

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
