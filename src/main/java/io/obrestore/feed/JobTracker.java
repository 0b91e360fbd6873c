package io.obrestore.feed;

import io.obrestore.api.Rfc3339;
import io.obrestore.restore.RestoreOverview;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feed remembers of one running job between polls, immutable: its counters over a sliding time window (for
 * rates, ETA and the dashboard's chart) and when its progress last moved (for the stall diagnosis). Elapsed time comes
 * from the monotonic clock ({@code nanos}); wall-clock times are only labels, so a clock step never bends a rate.
 *
 * @param samples the window's samples, oldest first
 * @param progressBytes finished bytes when progress last moved
 * @param progressTablets finished tablets when progress last moved
 * @param progressStatus status when progress last moved
 * @param progressNanos when progress last moved, on the monotonic clock
 * @param progressAt the same moment on the wall clock
 */
record JobTracker(List<Sample> samples, long progressBytes, long progressTablets, String progressStatus,
        long progressNanos, Instant progressAt) {

    /** Most samples sent to the dashboard per job: enough for a small chart, evenly picked from the window. */
    static final int MAX_CHART_SAMPLES = 60;

    /** One poll's counters of the job. */
    record Sample(long nanos, long epochMillis, long bytes, long tablets) {
    }

    /** A job first seen now: its progress counts as moving now. */
    static JobTracker first(RestoreOverview job, long nanos, Instant now, FeedSettings settings) {
        return new JobTracker(List.of(), -1, -1, null, nanos, now).add(job, nanos, now, settings);
    }

    /** The tracker after the job was polled at {@code nanos} ({@code now} on the wall clock). */
    JobTracker add(RestoreOverview job, long nanos, Instant now, FeedSettings settings) {
        List<Sample> kept = new ArrayList<>(samples.size() + 1);
        Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        // Counters that went backwards (a retried phase): the old samples no longer describe the job.
        if (last == null || (job.finishBytes() >= last.bytes() && job.finishTabletCount() >= last.tablets())) {
            kept.addAll(samples);
        }
        kept.add(new Sample(nanos, now.toEpochMilli(), job.finishBytes(), job.finishTabletCount()));
        while (kept.size() > settings.maxSamples() || nanos - kept.get(0).nanos() > settings.rateWindow().toNanos()) {
            kept.remove(0);
        }
        boolean moved = job.finishBytes() != progressBytes || job.finishTabletCount() != progressTablets
                || !job.status().equals(progressStatus);
        return moved
                ? new JobTracker(List.copyOf(kept), job.finishBytes(), job.finishTabletCount(), job.status(), nanos, now)
                : new JobTracker(List.copyOf(kept), progressBytes, progressTablets, progressStatus, progressNanos,
                        progressAt);
    }

    /** Rates and time left for {@code job} at {@code now}; null until two samples lie at least a second apart. */
    ProgressEstimate estimate(RestoreOverview job, Instant now, ZoneId zone) {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
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
    Diagnostics diagnostics(long nanos, FeedSettings settings, ZoneId zone) {
        long stallAfterNanos = settings.stallAfter().toNanos();
        return new Diagnostics(nanos - progressNanos >= stallAfterNanos, Rfc3339.format(progressAt, zone),
                stallAfterNanos / 1_000_000_000L);
    }

    /** At most {@link #MAX_CHART_SAMPLES} samples of the window, evenly spread, oldest first, the newest always in. */
    List<ProgressSample> chartSamples() {
        int count = Math.min(samples.size(), MAX_CHART_SAMPLES);
        List<ProgressSample> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sample sample = samples.get(count == 1 ? samples.size() - 1 : (int) ((long) i * (samples.size() - 1) / (count - 1)));
            picked.add(new ProgressSample(sample.epochMillis(), sample.bytes(), sample.tablets()));
        }
        return picked;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
