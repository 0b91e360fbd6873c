package io.obrestore.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Writes a stream's events to one client: latest wins (while one event is being written, a newer state replaces the
 * waiting one, so a client that does not read costs two events of memory and gets the latest state when it reads
 * again), heartbeats from one shared ticking Multi when the stream is idle, the stream closed after a terminal event,
 * and the client going away cancels everything upstream. Also the set of open streams, for the gauge and shutdown.
 */
@Startup(StartupOrder.STREAM_GAUGES) // its gauge is on the metrics page from the start, not from the first stream
@ApplicationScoped
public class SseDelivery {

    /**
     * One event of a stream source, serialised once however many clients get it.
     *
     * @param id increases per source: a client never gets an older one after a newer
     * @param event the event as written
     * @param terminal the stream closes after it
     */
    public record StreamEvent(long id, OutboundSseEvent event, boolean terminal) {

        /** "No event": what a source's step yields when nothing changed (Multis carry no null). */
        static final StreamEvent NONE = new StreamEvent(0, null, false);
    }

    /** The latest event and the latest heartbeat tick (its time on the monotonic clock) a client has not read yet. */
    private record Pending(StreamEvent event, long tickNanos) {
    }

    private final Multi<Long> heartbeats;
    private final Set<Writer> open = ConcurrentHashMap.newKeySet();
    // Built from the first stream's Sse (the same for all): a comment line.
    private volatile OutboundSseEvent heartbeat;

    @Inject
    public SseDelivery(ServiceConfig config, MeterRegistry registry) {
        this(Multi.createFrom().ticks().every(config.watch().heartbeatInterval())
                .onOverflow().drop()
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1), registry);
    }

    SseDelivery(Multi<Long> heartbeats, MeterRegistry registry) {
        this.heartbeats = heartbeats;
        Gauge.builder("obrestore.watch.subscribers", open, Set::size)
                .description("Open restore event streams").register(registry);
    }

    /**
     * Writes {@code events} to {@code sink} until a terminal event is written, the client leaves or writing fails;
     * then {@code onEnd} runs, once.
     */
    public void deliver(Multi<StreamEvent> events, SseEventSink sink, Sse sse, Runnable onEnd) {
        if (heartbeat == null) {
            heartbeat = sse.newEventBuilder().comment("heartbeat").build();
        }
        Writer writer = deliver(events, heartbeats, heartbeat, sink, onEnd);
        // Quarkus REST reports the client going away only to a broadcaster the sink is registered with.
        SseBroadcaster closeWatcher = sse.newBroadcaster();
        closeWatcher.register(sink);
        closeWatcher.onClose(closed -> writer.end());
    }

    /** {@link #deliver} with the ticks and the heartbeat given, for tests that drive time themselves. */
    Writer deliver(Multi<StreamEvent> events, Multi<Long> ticks, OutboundSseEvent heartbeat, SseEventSink sink,
            Runnable onEnd) {
        Writer writer = new Writer(sink, heartbeat, onEnd);
        open.add(writer);
        // A stream stops right after its terminal event, so nothing can replace that event while it waits.
        AtomicBoolean terminalSeen = new AtomicBoolean();
        Multi<StreamEvent> untilTerminal = events.select().first(event -> !terminalSeen.getAndSet(event.terminal()));
        Multi<Long> tickTimes = Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), ticks)
                .map(tick -> System.nanoTime());
        Multi.createBy().combining().streams(untilTerminal, tickTimes).latestItems()
                .using((event, tickNanos) -> new Pending((StreamEvent) event, (Long) tickNanos))
                .onOverflow().invoke((Pending waiting) -> writer.waiting(waiting)).dropPreviousItems()
                .subscribe().withSubscriber(writer);
        return writer;
    }

    /** Passes events with ever larger ids only: a client never gets an older state after a newer one. One per stream. */
    static Predicate<StreamEvent> increasingIds() {
        long[] last = {0};
        return event -> {
            if (event.id() <= last[0]) {
                return false;
            }
            last[0] = event.id();
            return true;
        };
    }

    void closeAll(@Observes ShutdownEvent event) {
        open.forEach(Writer::end);
    }

    /** One client's stream: asks for one pending item at a time and asks again once it is written. */
    /** Whether a write failed because the connection is gone (closed or reset): an I/O failure anywhere in the chain. */
    static boolean connectionGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    final class Writer implements MultiSubscriber<Pending> {

        private final SseEventSink sink;
        private final OutboundSseEvent heartbeat;
        private final Runnable onEnd;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicLong dropped = new AtomicLong();
        private volatile Flow.Subscription upstream;
        private volatile long writtenId;
        private volatile long idleSince;
        private volatile boolean writing;
        private volatile boolean completed;
        // Touched only inside the overflow operator's drain (its notifications and onItem), one call at a time.
        private boolean somethingWaits;

        Writer(SseEventSink sink, OutboundSseEvent heartbeat, Runnable onEnd) {
            this.sink = sink;
            this.heartbeat = heartbeat;
            this.onEnd = onEnd;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            upstream = subscription;
            if (ended.get()) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onItem(Pending pending) {
            somethingWaits = false;
            if (ended.get()) {
                return;
            }
            if (pending.event().id() > writtenId) {
                writtenId = pending.event().id();
                write(pending.event().event(), pending.event().terminal());
            } else if (pending.tickNanos() > idleSince) {
                // A keep-alive only when the tick came while nothing was being written: a busy stream is alive.
                write(heartbeat, false);
            } else {
                upstream.request(1);
            }
        }

        @Override
        public void onFailure(Throwable failure) {
            end();
        }

        @Override
        public void onCompletion() {
            // Nothing more will come: end once the event being written (the terminal one, usually) is out.
            completed = true;
            if (!writing) {
                end();
            }
        }

        /** States that were replaced before the client read them. */
        long dropped() {
            return dropped.get();
        }

        /** The overflow operator holds {@code waiting} for this client: whatever waited before it is superseded. */
        void waiting(Pending waiting) {
            if (somethingWaits) {
                dropped.incrementAndGet();
            }
            somethingWaits = true;
        }

        boolean isEnded() {
            return ended.get();
        }

        private void write(OutboundSseEvent event, boolean last) {
            writing = true;
            try {
                sink.send(event).whenComplete((ignored, failure) -> {
                    writing = false;
                    if (connectionGone(failure)) {
                        end(false);
                    } else if (failure != null || last || completed) {
                        end();
                    } else {
                        idleSince = System.nanoTime();
                        upstream.request(1);
                    }
                });
            } catch (IllegalStateException alreadyClosed) {
                end();
            }
        }

        /** Cancels upstream, closes the sink and runs {@code onEnd}, once. */
        void end() {
            end(true);
        }

        /**
         * Like {@link #end()}; {@code closeSink} false leaves the sink to the connection's close handler, which Quarkus
         * REST registers for every SSE response: after a write failed on a dead connection, ending the response before
         * that handler ran makes Netty write to the closed channel and log a buffer released twice, with a stack trace.
         */
        private void end(boolean closeSink) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            open.remove(this);
            Flow.Subscription subscription = upstream;
            if (subscription != null) {
                subscription.cancel();
            }
            try {
                if (closeSink) {
                    sink.close();
                }
            } finally {
                onEnd.run();
            }
        }
    }
}
