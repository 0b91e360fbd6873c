package io.obrestore.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.obrestore.restore.RestoreOverview;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges for every running restore, labelled {@code tenant} and {@code status}. The shared poller sets
 * them; a scrape reads the last values and never queries the database. A restore that stops running loses its
 * series at the next poll. Log-stream counts are not exported: OceanBase keeps them in CDB_OB_RESTORE_HISTORY
 * only, i.e. once the restore is over.
 */
@ApplicationScoped
public class RestoreMetrics {

    private final List<Series> gauges = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<Tags, RestoreOverview> latest = new ConcurrentHashMap<>();

    public RestoreMetrics(MeterRegistry registry) {
        gauge(registry, "obrestore.restore.progress.ratio", "Data restore progress, 0-1 (RESTORE_PROGRESS / 100)",
                job -> percent(job.restoreProgress()));
        gauge(registry, "obrestore.restore.recover.progress.ratio", "Log recovery progress, 0-1 (RECOVER_PROGRESS / 100)",
                job -> percent(job.recoverProgress()));
        gauge(registry, "obrestore.restore.finished.bytes", "Bytes restored so far (FINISH_BYTES)", job -> job.finishBytes());
        gauge(registry, "obrestore.restore.total.bytes", "Bytes to restore (TOTAL_BYTES)", job -> job.totalBytes());
        gauge(registry, "obrestore.restore.finished.tablets", "Tablets restored so far (FINISH_TABLET_COUNT)",
                job -> job.finishTabletCount());
        gauge(registry, "obrestore.restore.total.tablets", "Tablets to restore (TABLET_COUNT)", job -> job.tabletCount());
        gauge(registry, "obrestore.restore.start.time.seconds", "Job start (START_TIMESTAMP), Unix seconds",
                job -> epochSeconds(job.startTimestamp()));
        Gauge.builder("obrestore.restore.running", running, AtomicInteger::get)
                .description("Restore jobs running in the cluster (sys job rows)").register(registry);
    }

    /**
     * Makes the series those of the jobs of one poll. Series that stay are never re-registered (a scrape between a
     * removal and a re-registration would miss them): they read the job of the latest poll from {@link #latest}.
     */
    void update(Collection<RestoreOverview> jobs) {
        Map<Tags, RestoreOverview> polled = new LinkedHashMap<>();
        for (RestoreOverview job : jobs) {
            polled.put(Tags.of("tenant", job.restoreTenantName(), "status", job.status()), job);
        }
        latest.putAll(polled);
        latest.keySet().retainAll(polled.keySet());
        running.set(polled.size());
        for (Series gauge : gauges) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>(polled.size());
            polled.forEach((tags, job) -> {
                // An absent figure is no series rather than a misleading 0.
                if (!Double.isNaN(gauge.value().applyAsDouble(job))) {
                    rows.add(MultiGauge.Row.of(tags, latest, current -> {
                        RestoreOverview now = current.get(tags);
                        return now == null ? Double.NaN : gauge.value().applyAsDouble(now);
                    }));
                }
            });
            gauge.series().register(rows, false);
        }
    }

    private record Series(MultiGauge series, ToDoubleFunction<RestoreOverview> value) {
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<RestoreOverview> value) {
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
