package io.obrestore.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Starts each request's trace and stamps {@code timestamp}, {@code duration}, {@code traceId} on every envelope. */
public class EnvelopeFilter {

    static final String TRACE_PROPERTY = "obrestore.trace";

    private final DisplayZone zone;

    public EnvelopeFilter(DisplayZone zone) {
        this.zone = zone;
    }

    /** Runs before routing, so even requests that match no resource method get a trace. */
    @ServerRequestFilter(preMatching = true, priority = 0)
    public void begin(ContainerRequestContext request) {
        request.setProperty(TRACE_PROPERTY, RequestTrace.begin(request.getHeaderString(RequestTrace.HEADER)));
    }

    @ServerResponseFilter
    public void stamp(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof ApiResponse body)) {
            return;
        }
        RequestTrace trace = traceOf(request);
        body.stamped(trace, zone.current());
        // obshell always answers application/json; the Go SDK (resty) only decodes JSON content types.
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        response.getHeaders().putSingle(RequestTrace.HEADER, trace.traceId());
    }

    /** The request's trace, or a fresh one if the request never passed {@link #begin}. */
    public static RequestTrace traceOf(ContainerRequestContext request) {
        Object trace = request.getProperty(TRACE_PROPERTY);
        return trace instanceof RequestTrace t ? t : RequestTrace.begin(null);
    }
}
