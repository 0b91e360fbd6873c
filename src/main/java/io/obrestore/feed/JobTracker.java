package io.obrestore.feed;

import io.obrestore.api.Rfc3339;
import io.obrestore.restore.LogStream;
import io.obrestore.restore.RestoreOverview;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * @param streams each replica of the job's log streams as last polled, with when it last moved, by
 *     {@link LogStream#key()}
 */
record JobTracker(List<Sample> samples, long progressBytes, long progressTablets, String progressStatus,
        long progressNanos, Instant progressAt, Map<String, StreamMark> streams) {

    /** A replica of a log stream as last polled, and when its step or counters last changed. */
    record StreamMark(LogStream stream, long movedNanos, Instant movedAt) {

        boolean sameAs(LogStream polled) {
            return stream.statusCode() == polled.statusCode() && stream.finishBytes() == polled.finishBytes()
                    && stream.finishTabletCount() == polled.finishTabletCount();
        }
    }

    /** Most samples sent to the dashboard per job: enough for a small chart, evenly picked from the window. */
    static final int MAX_CHART_SAMPLES = 60;

    /** One poll's counters of the job. */
    record Sample(long nanos, long epochMillis, long bytes, long tablets) {
    }

    /** A job first seen now: its progress counts as moving now. */
    static JobTracker first(RestoreOverview job, List<LogStream> logStreams, long nanos, Instant now,
            FeedSettings settings) {
        return new JobTracker(List.of(), -1, -1, null, nanos, now, Map.of()).add(job, logStreams, nanos, now,
                settings);
    }

    /**
     * The tracker after the job was polled at {@code nanos} ({@code now} on the wall clock) with its log streams
     * {@code logStreams}.
     */
    JobTracker add(RestoreOverview job, List<LogStream> logStreams, long nanos, Instant now, FeedSettings settings) {
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
        // A log stream that changed step or counters is progress too: early steps move no job counter.
        Map<String, StreamMark> marks = new HashMap<>();
        boolean streamMoved = false;
        for (LogStream stream : logStreams) {
            StreamMark previous = streams.get(stream.key());
            boolean same = previous != null && previous.sameAs(stream);
            streamMoved |= previous != null && !same;
            marks.put(stream.key(), same ? new StreamMark(stream, previous.movedNanos(), previous.movedAt())
                    : new StreamMark(stream, nanos, now));
        }
        boolean moved = job.finishBytes() != progressBytes || job.finishTabletCount() != progressTablets
                || !job.status().equals(progressStatus) || streamMoved;
        return moved
                ? new JobTracker(List.copyOf(kept), job.finishBytes(), job.finishTabletCount(), job.status(), nanos, now,
                        Map.copyOf(marks))
                : new JobTracker(List.copyOf(kept), progressBytes, progressTablets, progressStatus, progressNanos,
                        progressAt, Map.copyOf(marks));
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
     * Stalled once finished bytes, finished tablets, status and every log stream have stayed the same for
     * {@code stall-after}, counted from when this service first saw the job if it never saw them move; a stalled job
     * names its unfinished log streams that did not move for as long (slowest first, as polled).
     */
    Diagnostics diagnostics(long nanos, FeedSettings settings, ZoneId zone) {
        long stallAfterNanos = settings.stallAfter().toNanos();
        boolean stalled = nanos - progressNanos >= stallAfterNanos;
        List<StalledLogStream> stuck = new ArrayList<>();
        if (stalled) {
            streams.values().stream()
                    .filter(mark -> !mark.stream().done() && nanos - mark.movedNanos() >= stallAfterNanos)
                    .sorted((a, b) -> LogStream.FAILED_AND_SLOWEST_FIRST.compare(a.stream(), b.stream()))
                    .forEach(mark -> stuck.add(new StalledLogStream(mark.stream().lsId(), mark.stream().server(),
                            mark.stream().status(), Rfc3339.format(mark.movedAt(), zone))));
        }
        return new Diagnostics(stalled, Rfc3339.format(progressAt, zone), stallAfterNanos / 1_000_000_000L,
                List.copyOf(stuck));
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
