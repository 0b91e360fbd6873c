package io.obrestore.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.restore.RestoreOverview;
import io.obrestore.restore.RestoreOverviewService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The one poller behind every watch stream and the restore gauges. Each tick reads all running jobs with one
 * statement; a watched tenant that is not among them (its job just finished, or it is in trouble) costs one
 * overview statement more. So the database sees the same statements for 1 subscriber as for 500, and for 1
 * watched tenant as for 50. The timer runs only while a tenant is watched or the gauges are enabled.
 */
@ApplicationScoped
public class RestorePoller {

    private static final Logger LOG = Logger.getLogger(RestorePoller.class);

    private final RestoreOverviewService service;
    private final RestoreMetrics metrics;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final ServiceConfig.Watch config;
    private final ZoneId zone;
    private final Counter polls;
    private final Counter pollFailures;

    private final Map<String, WatchedTenant> tenants = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    // Guarded by this.
    private long timer = -1;
    private long lastHeartbeat;

    public RestorePoller(RestoreOverviewService service, RestoreMetrics metrics, ObjectMapper mapper, Vertx vertx,
            ServiceConfig config, MeterRegistry registry) {
        this.service = service;
        this.metrics = metrics;
        this.mapper = mapper;
        this.vertx = vertx;
        this.config = config.watch();
        this.zone = config.zone();
        this.polls = Counter.builder("obrestore.watch.polls").description("Polls of the running restore jobs")
                .register(registry);
        this.pollFailures = Counter.builder("obrestore.watch.poll.failures")
                .description("Polls that failed (database unreachable, slow or refusing)").register(registry);
        Gauge.builder("obrestore.watch.subscribers", tenants,
                        all -> all.values().stream().mapToInt(WatchedTenant::subscriberCount).sum())
                .description("Open restore watch streams").register(registry);
        Gauge.builder("obrestore.watch.tenants", tenants, Map::size)
                .description("Tenants watched by at least one stream").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (config.metricsEnabled()) {
            ensureRunning();
            tick(); // gauges from the start, not one interval later
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        tenants.values().forEach(tenant -> tenant.subscribers().forEach(WatchSubscriber::close));
    }

    /**
     * Opens a stream for {@code name}: fails like the overview (before any byte of the stream is sent) when the
     * tenant cannot be watched; otherwise the sink gets the current state at once. A tenant already watched costs
     * no statement.
     */
    public Uni<Void> subscribe(String name, SseEventSink sink, Sse sse) {
        WatchedTenant known = tenants.get(name);
        if (known != null && known.hasState()) {
            Uni<Void> attached = attach(known, sink, sse);
            if (attached != null) {
                return attached;
            }
            // Retired between the look-up and the attach: start afresh below.
        }
        if (known == null && tenants.size() >= config.maxTenants()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.WATCH_LIMIT, config.maxTenants()));
        }
        return service.overview(name).chain(overview -> {
            WatchedTenant tenant = tenants.compute(name,
                    (key, current) -> current == null || current.isRetired() ? newTenant(key, sse) : current);
            tenant.update(overview, System.nanoTime());
            Uni<Void> attached = attach(tenant, sink, sse);
            if (tenant.isFinished()) {
                tenants.remove(name, tenant);
            } else {
                ensureRunning();
            }
            // Retired meanwhile (its last other subscriber left): once more, which then creates a fresh tenant.
            return attached != null ? attached : subscribe(name, sink, sse);
        });
    }

    private WatchedTenant newTenant(String name, Sse sse) {
        return new WatchedTenant(name, sse, mapper, zone,
                new RateWindow(config.rateWindow(), config.pollInterval()));
    }

    /**
     * Subscribes the sink to the tenant; fails with {@link StreamEndedAtOnce} when the job is already over; null
     * when the tenant was retired meanwhile.
     */
    private Uni<Void> attach(WatchedTenant tenant, SseEventSink sink, Sse sse) {
        WatchSubscriber[] holder = new WatchSubscriber[1];
        WatchSubscriber subscriber = new WatchSubscriber(sink, () -> detach(tenant, holder[0]));
        holder[0] = subscriber;
        return switch (tenant.add(subscriber)) {
            case SUBSCRIBED -> {
                // The broadcaster only reports the client going away (Quarkus REST installs that hook once the
                // stream's head is sent, after this); events are sent per subscriber, latest-only.
                SseBroadcaster closeWatcher = sse.newBroadcaster();
                closeWatcher.register(sink);
                closeWatcher.onClose(closedSink -> subscriber.close());
                yield Uni.createFrom().voidItem();
            }
            case ENDED -> Uni.createFrom().failure(new StreamEndedAtOnce(tenant.endedStream()));
            case RETIRED -> null;
        };
    }

    private void detach(WatchedTenant tenant, WatchSubscriber subscriber) {
        if (tenant.remove(subscriber)) {
            tenants.remove(tenant.name(), tenant);
            stopIfIdle();
        }
    }

    private synchronized void ensureRunning() {
        if (timer < 0) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
            lastHeartbeat = System.nanoTime();
        }
    }

    private synchronized void stopIfIdle() {
        if (tenants.isEmpty() && !config.metricsEnabled() && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        heartbeatIfDue();
        // A poll still running (slow database) is not stacked with another one.
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        polls.increment();
        service.runningJobs()
                .onItem().transformToUni(this::apply)
                .onFailure().invoke(this::failedPoll)
                .onTermination().invoke(() -> polling.set(false))
                .subscribe().with(done -> stopIfIdle(), failure -> stopIfIdle());
    }

    private Uni<Void> apply(Map<String, RestoreOverview> running) {
        long now = System.nanoTime();
        if (config.metricsEnabled()) {
            metrics.update(running.values());
        }
        List<Uni<Void>> lookups = new ArrayList<>();
        for (WatchedTenant tenant : tenants.values()) {
            RestoreOverview job = running.get(tenant.name());
            if (job != null) {
                tenant.update(job, now);
            } else {
                // Not running any more (or never was): its overview says whether it finished.
                lookups.add(service.overview(tenant.name())
                        .invoke(overview -> tenant.update(overview, now))
                        .onFailure(ApiException.class).invoke(failure -> tenant.failed((ApiException) failure))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid());
            }
        }
        Uni<Void> looked = lookups.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(lookups).andCollectFailures().replaceWithVoid();
        // Finished tenants have closed their streams; the poller forgets them once, after every update.
        return looked.invoke(() -> tenants.values().removeIf(WatchedTenant::isFinished));
    }

    private void failedPoll(Throwable failure) {
        pollFailures.increment();
        if (failure instanceof ApiException api) {
            tenants.values().forEach(tenant -> tenant.failed(api));
        } else {
            LOG.errorf(failure, "Restore poll failed unexpectedly");
        }
    }

    private void heartbeatIfDue() {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastHeartbeat < config.heartbeatInterval().toNanos()) {
                return;
            }
            lastHeartbeat = now;
        }
        tenants.values().forEach(WatchedTenant::heartbeat);
    }
}
