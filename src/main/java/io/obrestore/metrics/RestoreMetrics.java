package io.obrestore.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Counter;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.obrestore.feed.FeedUpdate;
import io.obrestore.feed.PolledRestore;
import io.obrestore.feed.RestoreFeed;
import io.obrestore.feed.RestoresPoll;
import io.obrestore.restore.LogStream;
import io.obrestore.restore.LogStreamSummary;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreOverview;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges for every running restore (labelled {@code tenant} and {@code status}) and every orphaned tenant
 * (labelled {@code tenant}), set from the feed's polls: a scrape reads the last values and never queries the
 * database. A restore that stops running loses its series at the next poll. Its log streams are counted per tenant
 * (total, done, failed; read from OceanBase's log-stream tables, no series where the cluster does not show them),
 * never one series per stream. Each job seen ending counts once in {@code obrestore_restore_ended_total{status}} and
 * each failed log-stream replica seen once in {@code obrestore_restore_log_stream_failures_total}, both present at 0
 * from the start, so "a restore failed" and "a log stream failed" can alert even when the failure lasts less than a
 * scrape interval.
 */
@ApplicationScoped
public class RestoreMetrics {

    private final RestoreFeed feed;
    private final MeterRegistry registry;
    private final boolean enabled;
    private final List<Series> gauges = new ArrayList<>();
    private final MultiGauge orphans;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger orphanCount = new AtomicInteger();
    private final Map<Tags, PolledRestore> latest = new ConcurrentHashMap<>();
    // Used by the one subscription to the feed, one poll at a time: the ended jobs already counted, and the failed
    // log-stream replicas (job and replica) already counted.
    private final Set<Long> counted = new HashSet<>();
    private final Set<String> countedStreams = new HashSet<>();
    private Cancellable subscription;

    public RestoreMetrics(RestoreFeed feed, ServiceConfig config, MeterRegistry registry) {
        this.feed = feed;
        this.registry = registry;
        this.enabled = config.watch().metricsEnabled();
        gauge(registry, "obrestore.restore.progress.ratio", "Data restore progress, 0-1 (RESTORE_PROGRESS / 100)",
                restore -> percent(restore.overview().restoreProgress()));
        gauge(registry, "obrestore.restore.recover.progress.ratio", "Log recovery progress, 0-1 (RECOVER_PROGRESS / 100)",
                restore -> percent(restore.overview().recoverProgress()));
        gauge(registry, "obrestore.restore.finished.bytes", "Bytes restored so far (FINISH_BYTES)",
                restore -> restore.overview().finishBytes());
        gauge(registry, "obrestore.restore.total.bytes", "Bytes to restore (TOTAL_BYTES)",
                restore -> restore.overview().totalBytes());
        gauge(registry, "obrestore.restore.finished.tablets", "Tablets restored so far (FINISH_TABLET_COUNT)",
                restore -> restore.overview().finishTabletCount());
        gauge(registry, "obrestore.restore.total.tablets", "Tablets to restore (TABLET_COUNT)",
                restore -> restore.overview().tabletCount());
        gauge(registry, "obrestore.restore.start.time.seconds", "Job start (START_TIMESTAMP), Unix seconds",
                restore -> epochSeconds(restore.overview().startTimestamp()));
        gauge(registry, "obrestore.restore.log.streams", "Log streams of the restore (__all_ls_restore_progress)",
                restore -> logStreams(restore, LogStreamSummary::logStreams));
        gauge(registry, "obrestore.restore.log.streams.done", "Log streams whose every replica finished restoring",
                restore -> logStreams(restore, LogStreamSummary::done));
        gauge(registry, "obrestore.restore.log.streams.failed", "Log streams with a replica in RESTORE_FAILED",
                restore -> logStreams(restore, LogStreamSummary::failed));
        gauge(registry, "obrestore.restore.stalled",
                "1 when finished bytes, tablets and status have not changed for obrestore.watch.stall-after",
                restore -> restore.diagnostics().stalled() ? 1 : 0);
        Gauge.builder("obrestore.restore.running", running, AtomicInteger::get)
                .description("Restore jobs running in the cluster (sys job rows)").register(registry);
        orphans = MultiGauge.builder("obrestore.restore.orphaned")
                .description("1 per tenant left in RESTORE status without a running restore job").register(registry);
        Gauge.builder("obrestore.restore.orphaned.tenants", orphanCount, AtomicInteger::get)
                .description("Tenants left in RESTORE status without a running restore job").register(registry);
    }

    void start(@Observes @Priority(StartupOrder.RESTORE_GAUGES) StartupEvent event) {
        if (enabled) {
            // Keeps the feed polling without any stream open.
            subscription = feed.updates().subscribe().with(this::updated);
            // Registered at start, so an alert on the counter has a series (0) before the first restore ends.
            for (String status : List.of("SUCCESS", "FAIL")) {
                endedCounter(status);
            }
            streamFailures();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private void updated(FeedUpdate update) {
        // A failed poll keeps the gauges at the last poll's values; the poll-failure counter tells they are stale.
        if (!update.failed()) {
            polled(update.poll());
        }
    }

    private Counter streamFailures() {
        return Counter.builder("obrestore.restore.log.stream.failures")
                .description("Log-stream replicas seen failing (RESTORE_FAILED), each counted once; which one, where"
                        + " and why: GET /api/v1/tenant/{name}/restore/log-streams").register(registry);
    }

    private Counter endedCounter(String status) {
        return Counter.builder("obrestore.restore.ended").tag("status", status)
                .description("Restore jobs seen ending, by final status (SUCCESS or FAIL)").register(registry);
    }

    /**
     * Makes the series those of one poll. Series that stay are never re-registered (a scrape between a removal and a
     * re-registration would miss them): they read the restore of the latest poll from {@link #latest}.
     */
    void polled(RestoresPoll restores) {
        Set<Long> stillListed = new HashSet<>();
        for (RestoreOverview job : restores.ended()) {
            stillListed.add(job.jobId());
            if (counted.add(job.jobId())) {
                endedCounter(job.status()).increment();
            }
        }
        counted.retainAll(stillListed);
        Set<String> failedStreams = new HashSet<>();
        for (PolledRestore restore : restores.running()) {
            restore.logStreams().stream().filter(LogStream::failed)
                    .forEach(stream -> failedStreams.add(restore.overview().jobId() + "/" + stream.key()));
        }
        restores.endedLogStreams().forEach((job, streams) -> streams.stream().filter(LogStream::failed)
                .forEach(stream -> failedStreams.add(job + "/" + stream.key())));
        for (String stream : failedStreams) {
            if (countedStreams.add(stream)) {
                streamFailures().increment();
            }
        }
        countedStreams.retainAll(failedStreams);
        Map<Tags, PolledRestore> polled = new LinkedHashMap<>();
        for (PolledRestore restore : restores.running()) {
            polled.put(Tags.of("tenant", restore.tenant(), "status", restore.overview().status()), restore);
        }
        latest.putAll(polled);
        latest.keySet().retainAll(polled.keySet());
        running.set(polled.size());
        for (Series gauge : gauges) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>(polled.size());
            polled.forEach((tags, restore) -> {
                // An absent figure is no series rather than a misleading 0.
                if (!Double.isNaN(gauge.value().applyAsDouble(restore))) {
                    rows.add(MultiGauge.Row.of(tags, latest, current -> {
                        PolledRestore now = current.get(tags);
                        return now == null ? Double.NaN : gauge.value().applyAsDouble(now);
                    }));
                }
            });
            gauge.series().register(rows, false);
        }
        List<MultiGauge.Row<?>> orphanRows = new ArrayList<>();
        for (OrphanedTenant tenant : restores.orphaned()) {
            orphanRows.add(MultiGauge.Row.of(Tags.of("tenant", tenant.tenantName()), 1));
        }
        orphans.register(orphanRows, false);
        orphanCount.set(orphanRows.size());
    }

    private record Series(MultiGauge series, ToDoubleFunction<PolledRestore> value) {
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<PolledRestore> value) {
        gauges.add(new Series(MultiGauge.builder(name).description(description).register(registry), value));
    }

    private static double logStreams(PolledRestore restore, ToDoubleFunction<LogStreamSummary> count) {
        return restore.logStreamSummary() == null ? Double.NaN : count.applyAsDouble(restore.logStreamSummary());
    }

    private static double percent(String value) {
        return value == null || value.isEmpty() ? Double.NaN : new BigDecimal(value).movePointLeft(2).doubleValue();
    }

    private static double epochSeconds(String rfc3339) {
        return rfc3339 == null || rfc3339.isEmpty() ? Double.NaN
                : OffsetDateTime.parse(rfc3339).toInstant().toEpochMilli() / 1000.0;
    }
}
