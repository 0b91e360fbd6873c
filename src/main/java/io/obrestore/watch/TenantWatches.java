package io.obrestore.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.feed.RunningRestore;
import io.obrestore.feed.RunningRestores;
import io.obrestore.feed.RunningRestoresFeed;
import io.obrestore.restore.RestoreOverview;
import io.obrestore.restore.RestoreOverviewService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-tenant live watch ({@code .../restore/overview/stream}): one {@link WatchedTenant} per watched name, fed by
 * the running-restores feed. A watched tenant that the feed neither sees running nor sees end (its job vanished, the
 * tenant was dropped) costs one overview statement to learn what became of it; normally the feed's own poll tells.
 */
@ApplicationScoped
public class TenantWatches implements RunningRestoresFeed.Listener {

    private final RestoreOverviewService service;
    private final RunningRestoresFeed feed;
    private final OpenStreams streams;
    private final ObjectMapper mapper;
    private final int maxTenants;
    private final Map<String, WatchedTenant> tenants = new ConcurrentHashMap<>();

    public TenantWatches(RestoreOverviewService service, RunningRestoresFeed feed, OpenStreams streams,
            ObjectMapper mapper, ServiceConfig config, MeterRegistry registry) {
        this.service = service;
        this.feed = feed;
        this.streams = streams;
        this.mapper = mapper;
        this.maxTenants = config.watch().maxTenants();
        Gauge.builder("obrestore.watch.tenants", tenants, Map::size)
                .description("Tenants watched by at least one stream").register(registry);
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
        if (known == null && tenants.size() >= maxTenants) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.WATCH_LIMIT, maxTenants));
        }
        return service.overview(name).chain(overview -> {
            WatchedTenant tenant = tenants.compute(name, (key, current) -> current == null || current.isRetired()
                    ? new WatchedTenant(key, new EventWriter(sse, mapper)) : current);
            // The feed's latest poll adds estimate and diagnosis when it saw this very job running.
            Optional<RunningRestore> polled = Optional.ofNullable(feed.latest())
                    .flatMap(restores -> restores.running(name))
                    .filter(restore -> restore.overview().jobId() == overview.jobId());
            if (polled.isPresent()) {
                tenant.update(polled.get());
            } else {
                tenant.update(overview);
            }
            Uni<Void> attached = attach(tenant, sink, sse);
            if (tenant.isFinished()) {
                tenants.remove(name, tenant);
            } else {
                subscribeToFeed();
            }
            // Retired meanwhile (its last other subscriber left): once more, which then creates a fresh tenant.
            return attached != null ? attached : subscribe(name, sink, sse);
        });
    }

    @Override
    public void polled(RunningRestores restores) {
        List<Uni<Void>> lookups = new ArrayList<>();
        for (WatchedTenant tenant : tenants.values()) {
            Optional<RunningRestore> running = restores.running(tenant.name());
            Optional<RestoreOverview> ended = restores.ended(tenant.name());
            if (running.isPresent()) {
                tenant.update(running.get());
            } else if (ended.isPresent()) {
                tenant.update(ended.get());
            } else {
                // Neither running nor seen ending: its overview says what became of it.
                lookups.add(service.overview(tenant.name())
                        .invoke(tenant::update)
                        .onFailure(ApiException.class).invoke(failure -> tenant.failed((ApiException) failure))
                        .onFailure().recoverWithNull()
                        .replaceWithVoid());
            }
        }
        Uni<Void> looked = lookups.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(lookups).andCollectFailures().replaceWithVoid();
        // Finished tenants have closed their streams; they are forgotten once, after every update.
        looked.subscribe().with(done -> forgetFinished(), failure -> forgetFinished());
    }

    @Override
    public void pollFailed(ApiException failure) {
        tenants.values().forEach(tenant -> tenant.failed(failure));
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
                streams.opened(subscriber, sse);
                closeWithClient(subscriber, sink, sse);
                yield Uni.createFrom().voidItem();
            }
            case ENDED -> Uni.createFrom().failure(new StreamEndedAtOnce(tenant.endedStream()));
            case RETIRED -> null;
        };
    }

    /**
     * The broadcaster only reports the client going away (Quarkus REST installs that hook once the stream's head is
     * sent, after this); events are sent per subscriber, latest-only.
     */
    static void closeWithClient(WatchSubscriber subscriber, SseEventSink sink, Sse sse) {
        SseBroadcaster closeWatcher = sse.newBroadcaster();
        closeWatcher.register(sink);
        closeWatcher.onClose(closedSink -> subscriber.close());
    }

    private void detach(WatchedTenant tenant, WatchSubscriber subscriber) {
        streams.closed(subscriber);
        if (tenant.remove(subscriber)) {
            tenants.remove(tenant.name(), tenant);
            unsubscribeIfIdle();
        }
    }

    private void forgetFinished() {
        if (tenants.values().removeIf(WatchedTenant::isFinished)) {
            unsubscribeIfIdle();
        }
    }

    // Synchronized with each other: a tenant added while the last one leaves must not lose the feed.
    private synchronized void subscribeToFeed() {
        feed.subscribe(this);
    }

    private synchronized void unsubscribeIfIdle() {
        if (tenants.isEmpty()) {
            feed.unsubscribe(this);
        }
    }
}
