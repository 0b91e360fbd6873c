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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /api/v1/tenant/{name}/restore/overview/stream}: the overview as server-sent events, a Multi Quarkus REST
 * writes. The stream was opened before this method runs ({@link TenantStreamOpening}), so every error the overview
 * endpoint gives (auth, unknown tenant, no restore, database trouble, stream caps) arrives the same way: status and
 * envelope, no stream.
 */
@Path("/api/v1/tenant/{name}/restore/overview/stream")
public class TenantStreamResource {

    private final SseDelivery delivery;

    public TenantStreamResource(SseDelivery delivery) {
        this.delivery = delivery;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @TenantStreamOpening.Opens
    @Operation(summary = "Live restore overview",
            description = "Server-sent events: 'overview' with the current overview at once and after every change,"
                    + " data {\"overview\": <the overview payload>, \"estimate\": {window_seconds, bytes_per_second,"
                    + " tablets_per_second, eta_seconds, eta}, \"diagnostics\": {stalled, last_progress,"
                    + " stall_after_seconds, stalled_log_streams}, \"log_stream_summary\": {log_streams, done, failed,"
                    + " replicas, failed_on}, \"log_streams\": [<every replica, as GET .../restore/log-streams>]};"
                    + " sent when the overview, the stall diagnosis or a log stream changed; a ': heartbeat' comment"
                    + " every 15 s; 'error' (data {\"error\": {...}}) when polling fails, the stream stays open;"
                    + " 'final' with the overview once the job is SUCCESS or FAIL (for a failure, with the failed log"
                    + " streams: which one, on which server, OceanBase's error and trace id), then the stream closes."
                    + " All streams share one poller.")
    @APIResponse(responseCode = "200", description = "text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "as the overview: OB.Tenant.NotExist, OB.Tenant.SysOperationNotAllowed,"
            + " auth errors")
    @APIResponse(responseCode = "401", description = "as the overview: Security.Authentication.*")
    @APIResponse(responseCode = "404", description = "Common.NotFound: the tenant has no restore task")
    @APIResponse(responseCode = "429", description = "Restore.Watch.TooManyClientStreams (the connection is closed)")
    @APIResponse(responseCode = "503", description = "Agent.OceanBase.*, Restore.Watch.TooManyTenants,"
            + " Restore.Watch.TooManyStreams (the connection is closed)")
    public Multi<OutboundSseEvent> stream(@Parameter(description = "tenant name, percent-encoded") @RestPath String name,
            RoutingContext routing) {
        TenantStreams.Opened opened = TenantStreamOpening.opened(routing);
        return delivery.deliver(opened.events(), opened.release());
    }
}
