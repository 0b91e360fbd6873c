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
        return Map.of(
                "quarkus.datasource.reactive.url", (String) server.get("reactiveUrl"),
                "quarkus.datasource.username", EmbeddedMariaDb.SERVICE_USER,
                "quarkus.datasource.password", (String) server.get("password"));
    }

    @Override
    public void stop() {
        // The server outlives this application: the next one (another test profile) uses it too.
    }
}
