package io.obrestore.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * A stream's events as one client gets them, all Mutiny operators on the Multi a resource returns (Quarkus REST
 * writes it, asking for the next item once the previous one is written): latest wins (while one event is being
 * written, a newer state replaces the waiting one, so a client that does not read costs two events of memory and gets
 * the latest state when it reads again), a heartbeat comment from one shared ticking Multi when the stream is idle,
 * the stream completed right after a terminal event (or at shutdown), and the client going away cancels everything
 * upstream. Also the count of open streams, for the gauge.
 */
@Startup(StartupOrder.STREAM_GAUGES) // its gauge is on the metrics page from the start, not from the first stream
@ApplicationScoped
public class SseDelivery {

    private static final Logger LOG = Logger.getLogger(SseDelivery.class);

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

        /** "The streams end here" at shutdown: terminal, nothing to write. */
        static final StreamEvent END = new StreamEvent(Long.MAX_VALUE, null, true);
    }

    /** The latest event and the latest heartbeat tick (its time on the monotonic clock) a client has not read yet. */
    private record Pending(StreamEvent event, long tickNanos) {

        /** What follows a terminal event: the stream completes there. */
        static final Pending END = new Pending(StreamEvent.END, 0);
    }

    /**
     * One client's stream, and how many states it let pass unread (for the tests).
     *
     * @param events what the resource returns
     * @param superseded states that were replaced before the client read them
     */
    record Delivery(Multi<OutboundSseEvent> events, AtomicLong superseded) {
    }

    private final Multi<Long> heartbeats;
    private final AtomicInteger open = new AtomicInteger();
    // Every open stream listens: END ends them all at shutdown.
    private final BroadcastProcessor<StreamEvent> stopping = BroadcastProcessor.create();
    private final OutboundSseEvent heartbeat = SseEvents.heartbeat();

    @Inject
    public SseDelivery(ServiceConfig config, MeterRegistry registry) {
        this(Multi.createFrom().ticks().every(config.watch().heartbeatInterval())
                .onOverflow().drop()
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1), registry);
    }

    SseDelivery(Multi<Long> heartbeats, MeterRegistry registry) {
        this.heartbeats = heartbeats;
        Gauge.builder("obrestore.watch.subscribers", open, AtomicInteger::get)
                .description("Open restore event streams").register(registry);
    }

    /**
     * {@code events} as the client gets them, until a terminal event is written or the client leaves; then
     * {@code onEnd} runs, once. Cold: nothing runs before Quarkus REST subscribes.
     */
    public Multi<OutboundSseEvent> deliver(Multi<StreamEvent> events, Runnable onEnd) {
        return deliver(events, heartbeats, heartbeat, onEnd).events();
    }

    /** {@link #deliver} with the ticks and the heartbeat given, for tests that drive time themselves. */
    Delivery deliver(Multi<StreamEvent> events, Multi<Long> ticks, OutboundSseEvent heartbeat, Runnable onEnd) {
        AtomicLong superseded = new AtomicLong();
        AtomicBoolean counted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        Multi<OutboundSseEvent> delivered = Multi.createFrom().deferred(() -> {
            Client client = new Client(heartbeat, superseded);
            Multi<Long> tickTimes = Multi.createBy().concatenating().streams(Multi.createFrom().item(0L), ticks)
                    .map(tick -> System.nanoTime());
            return Multi.createBy().combining().streams(Multi.createBy().merging().streams(events, stopping), tickTimes)
                    .latestItems().using((event, tickNanos) -> new Pending((StreamEvent) event, (Long) tickNanos))
                    // A terminal event is followed at once by the end, which completes the stream (not the next tick).
                    .onItem().transformToMultiAndConcatenate(pending -> pending.event().terminal()
                            ? Multi.createFrom().items(pending, Pending.END) : Multi.createFrom().item(pending))
                    .select().first(pending -> pending != Pending.END)
                    .onOverflow().invoke((Pending waiting) -> client.waiting()).dropPreviousItems()
                    .map(client::next)
                    .select().where(Optional::isPresent)
                    .map(Optional::get)
                    .onRequest().invoke(client::requested);
        })
                // A stream never fails towards Quarkus REST: after the head it could only log and reset the response.
                .onFailure().invoke(failure -> LOG.errorf(failure, "A restore event stream failed; it is ended"))
                .onFailure().recoverWithCompletion()
                .onSubscription().invoke(() -> {
                    if (counted.compareAndSet(false, true)) {
                        open.incrementAndGet();
                    }
                })
                .onTermination().invoke(() -> {
                    if (ended.compareAndSet(false, true)) {
                        if (counted.get()) {
                            open.decrementAndGet();
                        }
                        onEnd.run();
                    }
                });
        return new Delivery(delivered, superseded);
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
        stopping.onNext(StreamEvent.END);
    }

    /**
     * What one client has been sent: the newest event id, and since when it waits for something to write (the last
     * time it asked for an item, which Quarkus REST does once the previous one is written).
     */
    private static final class Client {
        private final OutboundSseEvent heartbeat;
        private final AtomicLong superseded;
        private volatile long idleSince;
        // Touched by the operators in turn, one item at a time.
        private long writtenId;
        private volatile boolean somethingWaits;

        Client(OutboundSseEvent heartbeat, AtomicLong superseded) {
            this.heartbeat = heartbeat;
            this.superseded = superseded;
        }

        void requested(long ignored) {
            idleSince = System.nanoTime();
        }

        /** The overflow operator holds an item for this client: whatever waited before it is superseded. */
        void waiting() {
            if (somethingWaits) {
                superseded.incrementAndGet();
            }
            somethingWaits = true;
        }

        /** What to write for a pending pair: a newer event, else a heartbeat when the tick came while idle. */
        Optional<OutboundSseEvent> next(Pending pending) {
            somethingWaits = false;
            if (pending.event().id() > writtenId) {
                writtenId = pending.event().id();
                return Optional.ofNullable(pending.event().event());
            }
            // A keep-alive only when the tick came while nothing was being written: a busy stream is alive.
            return pending.tickNanos() > idleSince ? Optional.of(heartbeat) : Optional.empty();
        }
    }
}
