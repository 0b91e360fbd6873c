package io.obrestore.db;

import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Opens the first pooled connection when the service starts, without delaying the start: an unreachable database is
 * logged once here (with what to check) and reported by readiness, and requests still connect on demand.
 */
@ApplicationScoped
public class PoolWarmup {

    private static final Logger LOG = Logger.getLogger(PoolWarmup.class);

    private final DatabaseProbe probe;
    private final DatabaseFailures failures;
    private final ServiceConfig config;

    public PoolWarmup(DatabaseProbe probe, DatabaseFailures failures, ServiceConfig config) {
        this.probe = probe;
        this.failures = failures;
        this.config = config;
    }

    void onStart(@Observes @Priority(StartupOrder.POOL_WARMUP) StartupEvent event) {
        long started = System.nanoTime();
        probe.probe()
                .ifNoItem().after(config.queryTimeout()).fail()
                .subscribe().with(
                        ignored -> LOG.infof("Database pool warmed in %d ms", (System.nanoTime() - started) / 1_000_000),
                        // classify() logs the one clear line saying what is wrong.
                        failure -> failures.classify(failure));
    }
}
