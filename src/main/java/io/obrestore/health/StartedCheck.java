package io.obrestore.health;

import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once Quarkus has finished its start-up observers (configuration read, routes installed). */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    private volatile boolean started;

    void onStart(@Observes @Priority(StartupOrder.STARTED) StartupEvent event) {
        started = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("started").status(started).build();
    }
}
