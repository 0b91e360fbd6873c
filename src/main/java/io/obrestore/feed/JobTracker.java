package io.obrestore.feed;

import io.obrestore.api.Rfc3339;
import io.obrestore.restore.RestoreOverview;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the feed remembers of one running job between polls: its counters over a sliding time window (for rates, ETA
 * and the dashboard's chart) and when its progress last moved (for the stall diagnosis). Used by the feed's poll only,
 * one poll at a time, so not thread-safe.
 */
final class JobTracker {

    /** Most samples sent to the dashboard per job: enough for a small chart, evenly picked from the window. */
    static final int MAX_CHART_SAMPLES = 60;

    private record Sample(long nanos, long epochMillis, long bytes, long tablets) {
    }

    private final long windowNanos;
    private final int maxSamples;
    private final long stallAfterNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    // The progress that counts for the stall diagnosis: finished bytes, finished tablets, status.
    private long progressBytes = -1;
    private long progressTablets = -1;
    private String progressStatus;
    private long progressNanos;
    private Instant progressAt;

    JobTracker(Duration window, Duration pollInterval, Duration stallAfter) {
        this.windowNanos = window.toNanos();
        // One sample per poll fills the window; the bound holds even if polls come faster than configured.
        this.maxSamples = (int) Math.min(10_000, window.toMillis() / Math.max(1, pollInterval.toMillis()) + 2);
        this.stallAfterNanos = stallAfter.toNanos();
    }

    /** Records the job as polled at {@code nanos} (System.nanoTime), which is {@code now} on the wall clock. */
    void add(RestoreOverview job, long nanos, Instant now) {
        Sample last = samples.peekLast();
        // Counters that went backwards (a retried phase): the old samples no longer describe the job.
        if (last != null && (job.finishBytes() < last.bytes() || job.finishTabletCount() < last.tablets())) {
            samples.clear();
        }
        samples.addLast(new Sample(nanos, now.toEpochMilli(), job.finishBytes(), job.finishTabletCount()));
        while (samples.size() > maxSamples || nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
        if (job.finishBytes() != progressBytes || job.finishTabletCount() != progressTablets
                || !job.status().equals(progressStatus)) {
            progressBytes = job.finishBytes();
            progressTablets = job.finishTabletCount();
            progressStatus = job.status();
            progressNanos = nanos;
            progressAt = now;
        }
    }

    /** Rates and time left for {@code job} at {@code now}; null until two samples lie at least a second apart. */
    ProgressEstimate estimate(RestoreOverview job, Instant now, ZoneId zone) {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        if (seconds < 1) {
            return null;
        }
        double bytesPerSecond = (last.bytes() - first.bytes()) / seconds;
        double tabletsPerSecond = (last.tablets() - first.tablets()) / seconds;
        long bytesLeft = job.totalBytes() - job.finishBytes();
        Long etaSeconds = null;
        String eta = null;
        if (bytesPerSecond > 0 && bytesLeft >= 0 && job.totalBytes() > 0) {
            etaSeconds = (long) Math.ceil(bytesLeft / bytesPerSecond);
            eta = Rfc3339.format(now.plusSeconds(etaSeconds), zone);
        }
        return new ProgressEstimate(round(seconds), round(bytesPerSecond), round(tabletsPerSecond), etaSeconds, eta);
    }

    /**
     * Stalled once finished bytes, finished tablets and status have stayed the same for {@code stall-after}, counted
     * from when this service first saw the job if it never saw them move.
     */
    Diagnostics diagnostics(long nanos, ZoneId zone) {
        return new Diagnostics(nanos - progressNanos >= stallAfterNanos, Rfc3339.format(progressAt, zone),
                stallAfterNanos / 1_000_000_000L);
    }

    /** At most {@link #MAX_CHART_SAMPLES} samples of the window, evenly spread, oldest first, the newest always in. */
    List<ProgressSample> chartSamples() {
        List<Sample> all = new ArrayList<>(samples);
        int count = Math.min(all.size(), MAX_CHART_SAMPLES);
        List<ProgressSample> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sample sample = all.get(count == 1 ? all.size() - 1 : (int) ((long) i * (all.size() - 1) / (count - 1)));
            picked.add(new ProgressSample(sample.epochMillis(), sample.bytes(), sample.tablets()));
        }
        return picked;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
