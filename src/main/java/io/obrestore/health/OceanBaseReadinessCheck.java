package io.obrestore.health;

import io.obrestore.config.ServiceConfig;
import io.obrestore.db.DatabaseFailures;
import io.obrestore.db.DatabaseProbe;
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

    private final DatabaseProbe probe;
    private final DatabaseFailures failures;
    private final ServiceConfig config;

    public OceanBaseReadinessCheck(DatabaseProbe probe, DatabaseFailures failures, ServiceConfig config) {
        this.probe = probe;
        this.failures = failures;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe()
                .ifNoItem().after(config.readinessTimeout()).fail()
                .invoke(failures::recovered)
                .map(ignored -> HealthCheckResponse.up(NAME))
                // Only the error code is shown: the probe endpoint needs no auth, so no driver text goes out.
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("errCode", failures.classify(failure).code().errCode())
                        .build());
    }
}
