package io.obrestore.watch;

import io.obrestore.api.Rfc3339;
import io.obrestore.restore.RestoreOverview;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;

/** Samples of one job's counters over a sliding time window, and the estimates they give. Not thread-safe. */
final class RateWindow {

    private record Sample(long nanos, long bytes, long tablets) {
    }

    private final long windowNanos;
    private final int maxSamples;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long jobId = -1;

    RateWindow(Duration window, Duration pollInterval) {
        this.windowNanos = window.toNanos();
        // One sample per poll fills the window; the bound holds even if polls come faster than configured.
        this.maxSamples = (int) Math.min(10_000, window.toMillis() / Math.max(1, pollInterval.toMillis()) + 2);
    }

    /** Records the job's counters as seen at {@code nanos} (System.nanoTime). */
    void add(RestoreOverview job, long nanos) {
        Sample last = samples.peekLast();
        // Another job, or counters that went backwards (a retried phase): the old samples no longer describe it.
        if (job.jobId() != jobId || (last != null
                && (job.finishBytes() < last.bytes() || job.finishTabletCount() < last.tablets()))) {
            samples.clear();
            jobId = job.jobId();
        }
        samples.addLast(new Sample(nanos, job.finishBytes(), job.finishTabletCount()));
        while (samples.size() > maxSamples || nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** The estimate for {@code job} at {@code now}; rates need two samples at least a second apart. */
    ProgressEstimate estimate(RestoreOverview job, Instant now, ZoneId zone) {
        if (samples.size() < 2 || job.jobId() != jobId) {
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

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
