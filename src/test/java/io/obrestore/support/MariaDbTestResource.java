package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

/**
 * Starts one real MariaDB holding the OceanBase fixture for the Quarkus tests and points the service's datasource at
 * it. The server is reachable from tests through {@link TestDatabase}.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String password = "pw-" + UUID.randomUUID();
        try (InputStream fixture = MariaDbTestResource.class.getResourceAsStream(TestDatabase.FIXTURE)) {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(freePort(), password, fixture);
            TestDatabase.attach(db);
            return Map.of(
                    "quarkus.datasource.reactive.url", db.reactiveUrl(),
                    "quarkus.datasource.username", EmbeddedMariaDb.SERVICE_USER,
                    "quarkus.datasource.password", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        TestDatabase.detach();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
