package io.obrestore.watch;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;

/**
 * Builds the streams' events with Quarkus REST's own {@link Sse} (the instance {@code @Context Sse} gives a resource),
 * for the places no resource method runs in: the shared sources every client's stream is derived from, and the
 * filter that opens a tenant stream.
 */
final class SseEvents {

    private SseEvents() {
    }

    /** An event with a name, an id and JSON data. */
    static OutboundSseEvent event(String name, long id, String json) {
        return SseImpl.INSTANCE.newEventBuilder().name(name).id(Long.toString(id)).data(String.class, json).build();
    }

    /** An event without an id: the only event of a stream that ends with it. */
    static OutboundSseEvent lastEvent(String name, String json) {
        return SseImpl.INSTANCE.newEventBuilder().name(name).data(String.class, json).build();
    }

    /** The keep-alive comment line. */
    static OutboundSseEvent heartbeat() {
        return SseImpl.INSTANCE.newEventBuilder().comment("heartbeat").build();
    }
}
