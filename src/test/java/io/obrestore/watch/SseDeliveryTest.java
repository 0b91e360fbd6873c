package io.obrestore.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.obrestore.watch.SseDelivery.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A consumer that stops reading: its writes never complete. Memory must stay at one event in flight and one
 * waiting, and the consumer must get the latest state when it reads again.
 */
@Tag("fast")
class SseDeliveryTest {

    private static final OutboundSseEvent COMMENT = SseImpl.INSTANCE.newEventBuilder().comment("heartbeat").build();

    /** One client's stream as the service wires it, fed by the test: states, heartbeat ticks, the writer. */
    private static final class Client {
        final BroadcastProcessor<StreamEvent> states = BroadcastProcessor.create();
        final BroadcastProcessor<Long> ticks = BroadcastProcessor.create();
        final SseDelivery.Writer writer;
        private long ticked;

        Client(SseEventSink sink, Runnable onEnd) {
            writer = new SseDelivery(Multi.createFrom().nothing(), new SimpleMeterRegistry())
                    .deliver(states, ticks, COMMENT, sink, onEnd);
        }

        void offer(OutboundSseEvent state) {
            states.onNext(new StreamEvent(Long.parseLong(state.getId() == null ? "0" : state.getId()), state, false));
        }

        void finish(OutboundSseEvent last, long id) {
            states.onNext(new StreamEvent(id, last, true));
        }

        void heartbeat() {
            ticks.onNext(++ticked);
        }
    }

    /** A sink whose writes complete only when the test says so, like a socket whose peer does not read. */
    private static final class StalledSink implements SseEventSink {
        final List<OutboundSseEvent> written = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            written.add(event);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }

        @Override
        public void close() {
            closed = true;
        }

        void drainOne() {
            pending.get(pending.size() - 1).complete(null);
        }
    }

    private static OutboundSseEvent state(int n) {
        return SseImpl.INSTANCE.newEventBuilder().name("overview").id(Integer.toString(n)).data(String.class, "{}").build();
    }

    @Test
    void aStalledConsumerHoldsTwoEventsAndGetsTheLatest() {
        StalledSink sink = new StalledSink();
        AtomicInteger closes = new AtomicInteger();
        Client subscriber = new Client(sink, closes::incrementAndGet);

        for (int i = 1; i <= 10_000; i++) {
            subscriber.offer(state(i));
        }
        assertEquals(1, sink.written.size(), "only the first state is on the wire while the peer does not read");
        assertEquals(9_998, subscriber.writer.dropped(), "every state but the first and the latest was superseded");

        sink.drainOne();
        assertEquals(2, sink.written.size());
        assertEquals("10000", sink.written.get(1).getId(), "the consumer catches up straight to the latest state");
        sink.drainOne();
        assertEquals(2, sink.written.size(), "nothing else was queued");
        assertEquals(0, closes.get());
    }

    @Test
    void theFinalEventIsNeverSupersededAndClosesTheStream() {
        StalledSink sink = new StalledSink();
        AtomicInteger closes = new AtomicInteger();
        Client subscriber = new Client(sink, closes::incrementAndGet);
        subscriber.offer(state(1));
        subscriber.offer(state(2));
        subscriber.finish(SseImpl.INSTANCE.newEventBuilder().name("final").data(String.class, "{}").build(), 3);
        subscriber.offer(state(4));

        sink.drainOne();
        assertEquals("final", sink.written.get(1).getName(), "the final event replaced the waiting state");
        sink.drainOne();
        assertTrue(sink.closed, "closed once the final event is written");
        assertEquals(2, sink.written.size(), "nothing after the final event");
        assertEquals(1, closes.get(), "the poller hears about it exactly once");
        subscriber.writer.end();
        assertEquals(1, closes.get());
    }

    @Test
    void heartbeatsNeverQueueBehindAStalledWrite() {
        StalledSink sink = new StalledSink();
        Client subscriber = new Client(sink, () -> { });
        subscriber.offer(state(1));
        for (int i = 0; i < 1000; i++) {
            subscriber.heartbeat();
        }
        assertEquals(1, sink.written.size());
        sink.drainOne();
        assertEquals(1, sink.written.size(), "no heartbeat was waiting");
        subscriber.heartbeat();
        assertEquals(2, sink.written.size(), "an idle stream gets its heartbeat");
    }

    /** Offers two states, then fails the first one's write with {@code failure}. */
    private static void failFirstWrite(Client client, StalledSink sink, Throwable failure) {
        client.offer(state(1));
        client.offer(state(2));
        sink.pending.get(0).completeExceptionally(failure);
    }

    @Test
    void aWriteOnADeadConnectionEndsTheSubscriberAndLeavesTheSinkToTheConnection() {
        StalledSink sink = new StalledSink();
        AtomicInteger closes = new AtomicInteger();
        Client subscriber = new Client(sink, closes::incrementAndGet);
        failFirstWrite(subscriber, sink,
                new java.util.concurrent.CompletionException(new java.nio.channels.ClosedChannelException()));
        assertEquals(1, closes.get());
        assertTrue(subscriber.writer.isEnded());
        assertFalse(sink.closed, "ending a response on a closed channel makes Netty log a double release; Quarkus"
                + " REST closes the sink when the connection's close handler runs");
        subscriber.offer(state(3));
        assertEquals(1, sink.written.size(), "nothing is written after the connection broke");
    }

    @Test
    void aWriteThatFailsOtherwiseClosesTheSubscriberAndTheSink() {
        StalledSink sink = new StalledSink();
        AtomicInteger closes = new AtomicInteger();
        Client subscriber = new Client(sink, closes::incrementAndGet);
        failFirstWrite(subscriber, sink, new IllegalStateException("the event could not be written"));
        assertTrue(sink.closed);
        assertEquals(1, closes.get());
        assertTrue(subscriber.writer.isEnded());
        subscriber.offer(state(3));
        assertEquals(1, sink.written.size(), "nothing is written after a failed write");
    }

    @Test
    void aConnectionIsGoneWhenAnIoFailureIsAnywhereInTheChain() {
        assertTrue(SseDelivery.connectionGone(new java.io.IOException("Connection reset by peer")));
        assertTrue(SseDelivery.connectionGone(new RuntimeException(new java.nio.channels.ClosedChannelException())));
        assertFalse(SseDelivery.connectionGone(new IllegalStateException("not written")));
        assertFalse(SseDelivery.connectionGone(null));
    }
}
