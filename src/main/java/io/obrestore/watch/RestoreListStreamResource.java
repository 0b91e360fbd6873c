package io.obrestore.watch;

import io.smallrye.mutiny.Multi;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/restore/running/stream}: every running restore as server-sent events (ours, not obshell's), a
 * Multi Quarkus REST writes; a stream the caps refuse is answered with status and envelope, its connection closed.
 */
@Path("/api/v1/restore/running/stream")
public class RestoreListStreamResource {

    private final RestoreListStream list;
    private final SseDelivery delivery;
    private final StreamLimits limits;

    public RestoreListStreamResource(RestoreListStream list, SseDelivery delivery, StreamLimits limits) {
        this.list = list;
        this.delivery = delivery;
        this.limits = limits;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Running restores, live",
            description = "Server-sent events: 'running' at once and whenever a restore, its stall diagnosis or the"
                    + " orphaned tenants change, data {\"running\": [{overview, estimate, diagnostics, samples,"
                    + " log_stream_summary}],"
                    + " \"orphaned\": [{tenant_id, tenant_name, tenant_status, modified, last_job_id}], \"ended\":"
                    + " [<final overview of each job that ended within the rate window>], \"polled_at\"}; samples are"
                    + " [unix_ms, finish_bytes, finish_tablets] over the rate window; a ': heartbeat' comment every"
                    + " 15 s; 'error' (data {\"error\": {...}}) when polling fails, the stream stays open. Shares the one"
                    + " poller of every stream: no statement per client.")
    @APIResponse(responseCode = "200", description = "text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "auth: Request.Header.NotFound")
    @APIResponse(responseCode = "401", description = "auth: Security.Authentication.*")
    @APIResponse(responseCode = "429", description = "Restore.Watch.TooManyClientStreams (the connection is closed)")
    @APIResponse(responseCode = "503", description = "Restore.Watch.TooManyStreams (the connection is closed)")
    public Multi<OutboundSseEvent> stream(RoutingContext routing) {
        // The place is given back when the stream ends, or when the response does if it never started.
        return delivery.deliver(list.open(), limits.admit(routing)::release);
    }
}
