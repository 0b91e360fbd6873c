package io.obrestore.watch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.obrestore.api.Rfc3339;
import io.obrestore.feed.RunningRestore;
import io.obrestore.feed.RunningRestores;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreOverview;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.ZoneId;
import java.util.List;

/**
 * The data of a {@code running} event.
 *
 * @param running every running restore: overview (the overview endpoint's payload), estimate, diagnostics, samples
 * @param orphaned tenants left in RESTORE status without a running job
 * @param ended the final overview of each job that ended within the rate window, newest first
 * @param polledAt when the feed's statement answered, RFC 3339 in the service's zone
 */
@RegisterForReflection
public record RunningEvent(
        @JsonProperty("running") List<RunningRestore> running,
        @JsonProperty("orphaned") List<OrphanedTenant> orphaned,
        @JsonProperty("ended") List<RestoreOverview> ended,
        @JsonProperty("polled_at") String polledAt) {

    static RunningEvent of(RunningRestores restores, ZoneId zone) {
        return new RunningEvent(restores.running(), restores.orphaned(), restores.ended(),
                Rfc3339.format(restores.polledAt(), zone));
    }
}
