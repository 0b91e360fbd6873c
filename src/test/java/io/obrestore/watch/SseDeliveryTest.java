package io.obrestore.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.obrestore.watch.SseDelivery.StreamEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One client's stream as the service builds it, read by a subscriber that asks for one event at a time, as Quarkus
 * REST does (it asks for the next once the previous is written): a consumer that stops reading must cost one event in
 * flight and one waiting and get the latest state when it reads again; the final event is never replaced and ends the
 * stream; heartbeats never queue. What a connection that dies under a write does is tested on the real server
 * ({@code StreamConnectionsTest}).
 */
@Tag("fast")
class SseDeliveryTest {

    private static final OutboundSseEvent COMMENT = SseImpl.INSTANCE.newEventBuilder().comment("heartbeat").build();

    /** One client's stream fed by the test: states, heartbeat ticks, and the client reading it. */
    private static final class Client {
        final BroadcastProcessor<StreamEvent> states = BroadcastProcessor.create();
        final BroadcastProcessor<Long> ticks = BroadcastProcessor.create();
        final SseDelivery delivery = new SseDelivery(Multi.createFrom().nothing(), new SimpleMeterRegistry());
        final AtomicInteger ends = new AtomicInteger();
        final SseDelivery.Delivery stream = delivery.deliver(states, ticks, COMMENT, ends::incrementAndGet);
        // Asks for the first event only: "the first write has not completed yet".
        final AssertSubscriber<OutboundSseEvent> reader = stream.events().subscribe()
                .withSubscriber(AssertSubscriber.create(1));
        private long ticked;

        void offer(int id) {
            states.onNext(new StreamEvent(id, state(id), false));
        }

        void finish(int id) {
            states.onNext(new StreamEvent(id, SseImpl.INSTANCE.newEventBuilder().name("final").id(Integer.toString(id))
                    .data(String.class, "{}").build(), true));
        }

        void heartbeat() {
            ticks.onNext(++ticked);
        }

        /** The write in flight completed: Quarkus REST asks for the next event. */
        void written() {
            reader.request(1);
        }

        List<OutboundSseEvent> received() {
            return reader.getItems();
        }
    }

    private static OutboundSseEvent state(int n) {
        return SseImpl.INSTANCE.newEventBuilder().name("overview").id(Integer.toString(n)).data(String.class, "{}").build();
    }

    @Test
    void aStalledConsumerHoldsTwoEventsAndGetsTheLatest() {
        Client client = new Client();
        for (int i = 1; i <= 10_000; i++) {
            client.offer(i);
        }
        assertEquals(1, client.received().size(), "only the first state is on the wire while the peer does not read");
        assertEquals(9_998, client.stream.superseded().get(), "every state but the first and the latest was superseded");

        client.written();
        assertEquals(2, client.received().size());
        assertEquals("10000", client.received().get(1).getId(), "the consumer catches up straight to the latest state");
        client.written();
        assertEquals(2, client.received().size(), "nothing else was queued");
        assertEquals(0, client.ends.get());
    }

    @Test
    void theFinalEventIsNeverSupersededAndEndsTheStream() {
        Client client = new Client();
        client.offer(1);
        client.offer(2);
        client.finish(3);
        client.offer(4);

        client.written();
        assertEquals("final", client.received().get(1).getName(), "the final event replaced the waiting state");
        client.reader.assertCompleted();
        assertEquals(2, client.received().size(), "nothing after the final event");
        assertEquals(1, client.ends.get(), "the source hears about it exactly once");
        client.reader.cancel();
        assertEquals(1, client.ends.get());
    }

    @Test
    void aFinalEventEndsTheStreamAtOnceWithoutWaitingForATick() {
        Client client = new Client();
        client.finish(1);
        assertEquals("final", client.received().get(0).getName());
        client.reader.assertCompleted();
        assertEquals(1, client.ends.get());
    }

    @Test
    void heartbeatsNeverQueueBehindAStalledWrite() {
        Client client = new Client();
        client.offer(1);
        for (int i = 0; i < 1000; i++) {
            client.heartbeat();
        }
        assertEquals(1, client.received().size());
        client.written();
        assertEquals(1, client.received().size(), "no heartbeat was waiting");
        client.heartbeat();
        assertEquals(2, client.received().size(), "an idle stream gets its heartbeat");
        assertEquals("heartbeat", client.received().get(1).getComment());
    }

    @Test
    void aClientThatLeavesEndsItsStreamOnceAndLeavesTheOpenCount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SseDelivery delivery = new SseDelivery(Multi.createFrom().nothing(), registry);
        BroadcastProcessor<StreamEvent> states = BroadcastProcessor.create();
        AtomicInteger ends = new AtomicInteger();
        AssertSubscriber<OutboundSseEvent> reader = delivery.deliver(states, Multi.createFrom().nothing(), COMMENT,
                ends::incrementAndGet).events().subscribe().withSubscriber(AssertSubscriber.create(1));
        assertEquals(1, registry.get("obrestore.watch.subscribers").gauge().value());
        reader.cancel();
        assertEquals(1, ends.get());
        assertEquals(0, registry.get("obrestore.watch.subscribers").gauge().value());
    }

    @Test
    void theStopAtShutdownEndsEveryOpenStream() {
        Client client = new Client();
        client.offer(1);
        client.delivery.closeAll(null);
        // The write in flight finishes first; nothing more is written.
        client.written();
        client.reader.assertCompleted();
        assertEquals(1, client.received().size());
        assertEquals(1, client.ends.get());
    }
}
