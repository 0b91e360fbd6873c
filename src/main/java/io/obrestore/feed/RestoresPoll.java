package io.obrestore.feed;

import io.obrestore.restore.LogStream;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreOverview;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one poll of the feed: every running restore with its estimates, the jobs seen ending, the orphans.
 *
 * @param polledAt when the poll's statement answered
 * @param running every running restore (sys job rows), one per tenant, newest job first
 * @param ended the final overview of each job seen ending within the rate window, newest first
 * @param orphaned tenants in RESTORE status without a running job, seen so in this poll and the one before
 * @param endedLogStreams by job id, the failed replicas of the jobs in {@code ended} (which stream failed, where, why)
 */
public record RestoresPoll(Instant polledAt, List<PolledRestore> running, List<RestoreOverview> ended,
        List<OrphanedTenant> orphaned, Map<Long, List<LogStream>> endedLogStreams) {

    /** The failed replicas of ended job {@code jobId}, failed and slowest first; empty when none failed. */
    public List<LogStream> endedLogStreams(long jobId) {
        return endedLogStreams.getOrDefault(jobId, List.of());
    }

    /** The running restore of {@code tenant}, if any. */
    public Optional<PolledRestore> running(String tenant) {
        return running.stream().filter(restore -> restore.tenant().equals(tenant)).findFirst();
    }

    /** The final overview of {@code tenant}'s job if it was seen ending within the rate window. */
    public Optional<RestoreOverview> ended(String tenant) {
        return ended.stream().filter(job -> job.restoreTenantName().equals(tenant)).findFirst();
    }
}
