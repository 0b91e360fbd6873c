package io.obrestore.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.obrestore.api.ApiException;
import io.obrestore.config.ServiceConfig;
import io.obrestore.feed.RunningRestore;
import io.obrestore.feed.RunningRestores;
import io.obrestore.feed.RunningRestoresFeed;
import io.obrestore.restore.OrphanedTenant;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges for every running restore (labelled {@code tenant} and {@code status}) and every orphaned tenant
 * (labelled {@code tenant}), set from the feed's polls: a scrape reads the last values and never queries the
 * database. A restore that stops running loses its series at the next poll. Log-stream counts are not exported:
 * OceanBase keeps them in CDB_OB_RESTORE_HISTORY only, i.e. once the restore is over.
 */
@ApplicationScoped
public class RestoreMetrics implements RunningRestoresFeed.Listener {

    /** After the start-up checks: a start that fails must not have queried the database first. */
    static final int AFTER_START_CHECKS = Integer.MAX_VALUE - 1;

    private final RunningRestoresFeed feed;
    private final boolean enabled;
    private final List<Series> gauges = new ArrayList<>();
    private final MultiGauge orphans;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger orphanCount = new AtomicInteger();
    private final Map<Tags, RunningRestore> latest = new ConcurrentHashMap<>();

    public RestoreMetrics(RunningRestoresFeed feed, ServiceConfig config, MeterRegistry registry) {
        this.feed = feed;
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

    void start(@Observes @Priority(AFTER_START_CHECKS) StartupEvent event) {
        if (enabled) {
            feed.subscribe(this); // keeps the feed polling without any stream open
        }
    }

    /**
     * Makes the series those of one poll. Series that stay are never re-registered (a scrape between a removal and a
     * re-registration would miss them): they read the restore of the latest poll from {@link #latest}.
     */
    @Override
    public void polled(RunningRestores restores) {
        Map<Tags, RunningRestore> polled = new LinkedHashMap<>();
        for (RunningRestore restore : restores.running()) {
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
                        RunningRestore now = current.get(tags);
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

    /** The gauges keep the last poll's values; the poll-failure counter tells that they are stale. */
    @Override
    public void pollFailed(ApiException failure) {
    }

    private record Series(MultiGauge series, ToDoubleFunction<RunningRestore> value) {
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<RunningRestore> value) {
        gauges.add(new Series(MultiGauge.builder(name).description(description).register(registry), value));
    }

    private static double percent(String value) {
        return value == null || value.isEmpty() ? Double.NaN : new BigDecimal(value).doubleValue() / 100;
    }

    private static double epochSeconds(String rfc3339) {
        return rfc3339 == null || rfc3339.isEmpty() ? Double.NaN
                : OffsetDateTime.parse(rfc3339).toInstant().toEpochMilli() / 1000.0;
    }
}
