package io.obrestore.watch;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code GET /api/v1/restore/running/stream}: every running restore as server-sent events (ours, not obshell's). */
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
                    + " orphaned tenants change, data {\"running\": [{overview, estimate, diagnostics, samples}],"
                    + " \"orphaned\": [{tenant_id, tenant_name, tenant_status, modified, last_job_id}], \"ended\":"
                    + " [<final overview of each job that ended within the rate window>], \"polled_at\"}; samples are"
                    + " [unix_ms, finish_bytes, finish_tablets] over the rate window; a ': heartbeat' comment every"
                    + " 15 s; 'error' (data {\"error\": {...}}) when polling fails, the stream stays open. Shares the one"
                    + " poller of every stream: no statement per client.")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "400", description = "auth: Request.Header.NotFound")
    @APIResponse(responseCode = "401", description = "auth: Security.Authentication.*")
    @APIResponse(responseCode = "429", description = "Restore.Watch.TooManyClientStreams (the connection is closed)")
    @APIResponse(responseCode = "503", description = "Restore.Watch.TooManyStreams (the connection is closed)")
    public void stream(@Context SseEventSink sink, @Context Sse sse, RoutingContext routing) {
        StreamLimits.Permit permit = limits.admit(routing);
        delivery.deliver(list.open(sse), sink, sse, permit::release);
    }
}
