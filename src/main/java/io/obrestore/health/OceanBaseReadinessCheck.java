package io.obrestore.health;

import io.obrestore.config.ServiceConfig;
import io.obrestore.restore.DatabaseFailures;
import io.obrestore.restore.RestoreJobRepository;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when one time-bounded statement on the three restore views succeeds: that proves the database is reachable
 * and the account can read what the overview needs. Never blocks the event loop.
 */
@Readiness
@ApplicationScoped
public class OceanBaseReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "oceanbase-restore-views";

    private final RestoreJobRepository repository;
    private final DatabaseFailures failures;
    private final ServiceConfig config;

    public OceanBaseReadinessCheck(RestoreJobRepository repository, DatabaseFailures failures, ServiceConfig config) {
        this.repository = repository;
        this.failures = failures;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return repository.probe()
                .ifNoItem().after(config.readinessTimeout()).fail()
                .invoke(failures::recovered)
                .map(ignored -> HealthCheckResponse.up(NAME))
                // Only the error code is shown: the probe endpoint needs no auth, so no driver text goes out.
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("errCode", failures.classify(failure).code().errCode())
                        .build());
    }
}
