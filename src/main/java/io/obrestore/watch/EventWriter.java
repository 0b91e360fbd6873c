package io.obrestore.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.api.ApiError;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;

/**
 * Builds the events of one stream source (a tenant, or the running restores): JSON serialised once, however many
 * subscribers get it, and ids that increase per source.
 */
final class EventWriter {

    static final String ERROR = "error";

    private final Sse sse;
    private final ObjectMapper mapper;
    private long sequence;

    EventWriter(Sse sse, ObjectMapper mapper) {
        this.sse = sse;
        this.mapper = mapper;
    }

    /** A named event carrying {@code data} as compact JSON. */
    synchronized OutboundSseEvent event(String name, Object data) {
        sequence++;
        try {
            return sse.newEventBuilder().name(name).id(Long.toString(sequence))
                    .data(String.class, mapper.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code error} event: {@code {"error": {...}}}, the envelope's error object. */
    OutboundSseEvent error(ApiError error) {
        return event(ERROR, new WatchEvent(null, null, null, error));
    }

    /** An event as it appears on the wire (compact JSON has no line breaks). */
    static String asText(OutboundSseEvent event) {
        return "event:" + event.getName() + "\nid:" + event.getId() + "\ndata:" + event.getData() + "\n\n";
    }
}
