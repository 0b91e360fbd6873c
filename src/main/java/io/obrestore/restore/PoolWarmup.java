package io.obrestore.restore;

import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Warms the database pool when the service starts, without delaying the start: an unreachable database is
 * logged once here and reported by readiness, and requests still connect on demand.
 */
@ApplicationScoped
public class PoolWarmup {

    private static final Logger LOG = Logger.getLogger(PoolWarmup.class);

    private final RestoreJobRepository repository;
    private final DatabaseFailures failures;
    private final ServiceConfig config;

    public PoolWarmup(RestoreJobRepository repository, DatabaseFailures failures, ServiceConfig config) {
        this.repository = repository;
        this.failures = failures;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        repository.warmUp()
                .ifNoItem().after(config.queryTimeout()).fail()
                .subscribe().with(
                        ignored -> LOG.infof("Database pool warmed in %d ms", (System.nanoTime() - started) / 1_000_000),
                        // classify() logs the one clear line saying what is wrong.
                        failure -> failures.classify(failure));
    }
}
