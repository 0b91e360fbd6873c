package io.obrestore.support;

import io.obrestore.demo.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Points the service's datasource at the real MariaDB holding the OceanBase fixture ({@link SharedMariaDb}: one server
 * for the whole run). The server is reachable from tests through {@link TestDatabase}.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int managementPort;

    /** The management port (probes, metrics) of the service the last start of this resource configured. */
    public static int managementPort() {
        return managementPort;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> start() {
        Object shared = System.getProperties().get(SharedMariaDb.KEY);
        if (!(shared instanceof Supplier<?> supplier)) {
            throw new IllegalStateException("no shared MariaDB: the JUnit launcher session listener "
                    + SharedMariaDb.class.getName() + " is not registered (META-INF/services)");
        }
        Map<String, Object> server = (Map<String, Object>) supplier.get();
        TestDatabase.attach(server);
        // A fresh port for every start of the service: Quarkus would reuse the port it picked for the first packaged-jar
        // start in every later one (its test configuration is read once per run), and an outgoing connection may hold
        // it by then. test-port serves @QuarkusTest; the packaged jar takes quarkus.http.port (given after Quarkus'
        // own -Dquarkus.http.port, so it wins) and the tests find it in the jar's "Listening on" line.
        String port = String.valueOf(Ports.fresh());
        managementPort = Ports.fresh();
        return Map.of(
                "quarkus.http.test-port", port,
                "quarkus.http.port", port,
                "quarkus.management.test-port", String.valueOf(managementPort),
                "quarkus.management.port", String.valueOf(managementPort),
                "quarkus.datasource.reactive.url", (String) server.get("reactiveUrl"),
                "quarkus.datasource.username", EmbeddedMariaDb.SERVICE_USER,
                "quarkus.datasource.password", (String) server.get("password"));
    }

    @Override
    public void stop() {
        // The server outlives this application: the next one (another test profile) uses it too.
    }
}
