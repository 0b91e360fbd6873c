package io.obrestore.watch;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code GET /api/v1/tenant/{name}/restore/overview/stream}: the overview as server-sent events. */
@Path("/api/v1/tenant/{name}/restore/overview/stream")
public class TenantStreamResource {

    private final TenantStreams streams;
    private final SseDelivery delivery;
    private final StreamLimits limits;

    public TenantStreamResource(TenantStreams streams, SseDelivery delivery, StreamLimits limits) {
        this.streams = streams;
        this.delivery = delivery;
        this.limits = limits;
    }

    /**
     * Ends a stream request whose job is already over: the whole stream (one {@code final} event) is then written as
     * an ordinary response (closing an opened SSE sink before Quarkus REST has sent its head fails inside the
     * framework). Carries no stack trace: an outcome, not a fault.
     */
    static final class EndedAtOnce extends RuntimeException {
        private final String stream;

        EndedAtOnce(String stream) {
            super(null, null, false, false);
            this.stream = stream;
        }
    }

    /**
     * The stream opens only once the current overview is known, so every error the overview endpoint gives
     * (auth, unknown tenant, no restore, database trouble) arrives the same way: status and envelope, no stream.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live restore overview",
            description = "Server-sent events: 'overview' with the current overview at once and after every change,"
                    + " data {\"overview\": <the overview payload>, \"estimate\": {window_seconds, bytes_per_second,"
                    + " tablets_per_second, eta_seconds, eta}, \"diagnostics\": {stalled, last_progress, stall_after_seconds}};"
                    + " a ': heartbeat' comment every 15 s; 'error' (data"
                    + " {\"error\": {...}}) when polling fails, the stream stays open; 'final' with the overview once the"
                    + " job is SUCCESS or FAIL, then the stream closes. All streams share one poller.")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "400", description = "as the overview: OB.Tenant.NotExist, OB.Tenant.SysOperationNotAllowed,"
            + " auth errors")
    @APIResponse(responseCode = "401", description = "as the overview: Security.Authentication.*")
    @APIResponse(responseCode = "404", description = "Common.NotFound: the tenant has no restore task")
    @APIResponse(responseCode = "429", description = "Restore.Watch.TooManyClientStreams (the connection is closed)")
    @APIResponse(responseCode = "503", description = "Agent.OceanBase.*, Restore.Watch.TooManyTenants,"
            + " Restore.Watch.TooManyStreams (the connection is closed)")
    public Uni<Void> stream(@Parameter(description = "tenant name, percent-encoded") @RestPath String name,
            @Context SseEventSink sink, @Context Sse sse, RoutingContext routing) {
        StreamLimits.Permit permit = limits.admit(routing);
        return streams.open(name, sse)
                .onFailure().invoke(permit::release)
                .invoke(opened -> {
                    if (opened.endedAtOnce() != null) {
                        permit.release();
                        throw new EndedAtOnce(opened.endedAtOnce());
                    }
                    delivery.deliver(opened.events(), sink, sse, () -> {
                        opened.release().run();
                        permit.release();
                    });
                })
                .replaceWithVoid();
    }

    /** A job already over: the whole stream, its one {@code final} event, as a plain 200 response. */
    @ServerExceptionMapper
    public RestResponse<String> endedAtOnce(EndedAtOnce ended) {
        return RestResponse.ResponseBuilder.ok(ended.stream, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-store").build();
    }
}
