package io.obrestore.feed;

import io.obrestore.restore.LogStream;
import io.obrestore.restore.LogStreamSummary;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreJobRepository.PollRows;
import io.obrestore.restore.RestoreOverview;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the feed knows between polls, and how one poll changes it: {@link #next} is a pure function of this state, the
 * poll's rows and the clock, returning the next state and the poll's result. Nothing here touches the database, a
 * timer or a lock, so every rule (stall, recovery, orphans, ended and vanished jobs) is tested on its own.
 *
 * @param settings poll interval, rate window, stall threshold, zone
 * @param trackers the jobs running at the last poll, by job id
 * @param vanished jobs that stopped running without a history row yet, with the polls left to look for one
 * @param recentlyEnded jobs seen ending within the rate window, newest first
 * @param orphanCandidates tenants the last poll found in RESTORE status without a running job
 */
public record FeedState(FeedSettings settings, Map<Long, JobTracker> trackers, Map<Long, Integer> vanished,
        List<Ended> recentlyEnded, Set<String> orphanCandidates) {

    /**
     * A job seen ending, kept for one rate window so a client that missed one event still learns of it, with its
     * failed log-stream replicas.
     */
    record Ended(RestoreOverview overview, List<LogStream> failedLogStreams, long nanos) {
    }

    /** The next state and what the poll showed. */
    public record Transition(FeedState state, RestoresPoll poll) {
    }

    /** Before the first poll. */
    public static FeedState initial(FeedSettings settings) {
        return new FeedState(settings, Map.of(), Map.of(), List.of(), Set.of());
    }

    /** The jobs whose history rows the next poll reads: those running at the last poll and those still vanished. */
    public Set<Long> jobsToLookUp() {
        Set<Long> ids = new HashSet<>(trackers.keySet());
        ids.addAll(vanished.keySet());
        return ids;
    }

    /**
     * One poll: {@code rows} answered at {@code nanos} on the monotonic clock, which is {@code now} on the wall clock;
     * times are shown in {@code zone}.
     */
    public Transition next(PollRows rows, long nanos, Instant now, ZoneId zone) {
        Map<Long, JobTracker> nextTrackers = new HashMap<>();
        List<PolledRestore> running = new ArrayList<>(rows.running().size());
        for (RestoreOverview job : rows.running()) {
            List<LogStream> streams = rows.logStreamsOf(job.jobId());
            JobTracker previous = trackers.get(job.jobId());
            JobTracker tracker = previous == null ? JobTracker.first(job, streams, nanos, now, settings)
                    : previous.add(job, streams, nanos, now, settings);
            nextTrackers.put(job.jobId(), tracker);
            running.add(new PolledRestore(job, tracker.estimate(job, now, zone),
                    tracker.diagnostics(nanos, settings, zone), tracker.chartSamples(),
                    rows.logStreamsRead() ? LogStreamSummary.of(streams) : null, streams));
        }
        // Jobs that stopped running are looked for in the history for a few polls.
        Map<Long, Integer> nextVanished = new HashMap<>(vanished);
        for (Long stopped : trackers.keySet()) {
            if (!nextTrackers.containsKey(stopped)) {
                nextVanished.put(stopped, FeedSettings.HISTORY_LOOKUPS);
            }
        }
        List<Ended> ended = new ArrayList<>();
        for (RestoreOverview job : rows.finished()) {
            if (nextVanished.remove(job.jobId()) != null) {
                ended.add(new Ended(job, rows.logStreamsOf(job.jobId()).stream().filter(LogStream::failed).toList(),
                        nanos));
            }
        }
        long window = settings.rateWindow().toNanos();
        for (Ended earlier : recentlyEnded) {
            if (nanos - earlier.nanos() <= window) {
                ended.add(earlier);
            }
        }
        List<Ended> endedShown = ended.stream().filter(job -> !nextTrackers.containsKey(job.overview().jobId()))
                .toList();
        List<RestoreOverview> endedJobs = endedShown.stream().map(Ended::overview).toList();
        Map<Long, List<LogStream>> endedStreams = new HashMap<>();
        endedShown.stream().filter(job -> !job.failedLogStreams().isEmpty())
                .forEach(job -> endedStreams.put(job.overview().jobId(), job.failedLogStreams()));
        nextVanished.replaceAll((id, left) -> left - 1);
        nextVanished.values().removeIf(left -> left <= 0);
        // An orphan must show twice in a row: a job that has just left PROGRESS may leave its tenant in RESTORE
        // status for a moment, and that is no orphan.
        List<OrphanedTenant> orphaned = rows.orphaned().stream()
                .filter(tenant -> orphanCandidates.contains(tenant.tenantName())).toList();
        Set<String> candidates = rows.orphaned().stream().map(OrphanedTenant::tenantName).collect(Collectors.toSet());
        FeedState state = new FeedState(settings, Map.copyOf(nextTrackers), Map.copyOf(nextVanished), List.copyOf(ended),
                Set.copyOf(candidates));
        return new Transition(state, new RestoresPoll(now, List.copyOf(running), endedJobs, orphaned,
                Map.copyOf(endedStreams)));
    }
}
