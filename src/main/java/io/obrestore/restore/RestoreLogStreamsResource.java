package io.obrestore.restore;

import io.obrestore.api.ApiResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /api/v1/tenant/{name}/restore/log-streams} (ours; obshell has no such route): which log stream of a
 * restore is slow or failed, on which server, in which step, with OceanBase's own error text and trace id. Same
 * envelope, authentication and errors as the overview, one round trip.
 */
@Path("/api/v1/tenant/{name}/restore/log-streams")
public class RestoreLogStreamsResource {

    private final RestoreOverviewService service;

    public RestoreLogStreamsResource(RestoreOverviewService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log streams of a tenant's restore",
            description = "Ours. Every replica of every log stream of the tenant's running restore job, else of its"
                    + " newest finished one, from where OceanBase keeps them (__all_ls_restore_progress while it runs"
                    + " and after a failure, __all_ls_restore_history after a success): step (ObLSRestoreStatus name"
                    + " and number), tablets and bytes, replay SCNs when set, RESULT with OceanBase's error name,"
                    + " COMMENT and TRACE_ID as OceanBase wrote them; failed and slowest first; with a summary and the"
                    + " job's own failure reason. Needs X-OCS-Header or X-OCS-Agent-Header when a password is"
                    + " configured.")
    @APIResponse(responseCode = "200", description = "data: the log streams",
            content = @Content(schema = @Schema(implementation = RestoreLogStreams.class)))
    @APIResponse(responseCode = "400", description = "as the overview: OB.Tenant.SysOperationNotAllowed,"
            + " OB.Tenant.NotExist, Request.Header.NotFound")
    @APIResponse(responseCode = "401", description = "as the overview: Security.Authentication.*")
    @APIResponse(responseCode = "404", description = "Common.NotFound: the tenant has no restore task")
    @APIResponse(responseCode = "501", description = "Restore.LogStreams.Unavailable: the cluster's log-stream tables"
            + " are missing or the account may not read them (the message says which); everything else works")
    @APIResponse(responseCode = "500", description = "MySQL.Error, Common.Unexpected")
    @APIResponse(responseCode = "503", description = "Agent.OceanBase.Useless, .Timeout, .Busy")
    public Uni<ApiResponse> logStreams(@Parameter(description = "tenant name, percent-encoded") @RestPath String name) {
        return service.logStreams(name).map(ApiResponse::success);
    }
}
