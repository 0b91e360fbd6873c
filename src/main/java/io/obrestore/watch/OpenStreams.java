package io.obrestore.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open event stream, tenant and running-restores alike: one heartbeat timer for all of them (running only while
 * one is open) and the subscriber gauge.
 */
@ApplicationScoped
public class OpenStreams {

    private final Vertx vertx;
    private final long heartbeatMillis;
    private final Set<WatchSubscriber> open = ConcurrentHashMap.newKeySet();

    // Guarded by this.
    private long timer = -1;
    private OutboundSseEvent heartbeat;

    public OpenStreams(Vertx vertx, ServiceConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.heartbeatMillis = config.watch().heartbeatInterval().toMillis();
        Gauge.builder("obrestore.watch.subscribers", open, Set::size)
                .description("Open restore event streams").register(registry);
    }

    /** Tracks an opened stream; {@code sse} builds the heartbeat comment the first time. */
    synchronized void opened(WatchSubscriber subscriber, Sse sse) {
        open.add(subscriber);
        if (heartbeat == null) {
            heartbeat = sse.newEventBuilder().comment("heartbeat").build();
        }
        if (timer < 0) {
            timer = vertx.setPeriodic(heartbeatMillis, id -> beat());
        }
    }

    /** Forgets a closed stream; the last one stops the heartbeat timer. */
    synchronized void closed(WatchSubscriber subscriber) {
        open.remove(subscriber);
        if (open.isEmpty() && timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Closes every stream (shutdown). */
    void closeAll(@Observes ShutdownEvent event) {
        open.forEach(WatchSubscriber::close);
    }

    private void beat() {
        OutboundSseEvent comment;
        synchronized (this) {
            comment = heartbeat;
        }
        open.forEach(subscriber -> subscriber.heartbeat(comment));
    }
}
