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

/** {@code GET /api/v1/tenant/{name}/restore/overview}, obshell's route, answered on the event loop. */
@Path("/api/v1/tenant/{name}/restore/overview")
public class RestoreOverviewResource {

    private final RestoreOverviewService service;

    public RestoreOverviewResource(RestoreOverviewService service) {
        this.service = service;
    }

    /** The name arrives percent-decoded ({@code rt-4_x~y%2Bz%231} is {@code rt-4_x~y+z#1}), as in obshell. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore overview of a tenant",
            description = "The running restore job of the tenant (CDB_OB_RESTORE_PROGRESS, sys job row), else its newest"
                    + " finished one (CDB_OB_RESTORE_HISTORY), in obshell's envelope; data is a RestoreOverview."
                    + " Needs X-OCS-Header or X-OCS-Agent-Header when a password is configured.")
    @APIResponse(responseCode = "200", description = "data: the overview",
            content = @Content(schema = @Schema(implementation = RestoreOverview.class)))
    @APIResponse(responseCode = "400", description = "OB.Tenant.SysOperationNotAllowed (name is sys),"
            + " OB.Tenant.NotExist (unknown tenant), Request.Header.NotFound (password set, no header),"
            + " Request.Body.Decrypt.* (bad encrypted body)")
    @APIResponse(responseCode = "401", description = "Security.Authentication.Header.DecryptFailed (code 1),"
            + " ...Header.UriMismatch, ...Expired, ...Timestamp.Invalid, ...IncorrectOceanbasePassword,"
            + " ...IncorrectAgentPassword, ...WithAgentPassword, ...WithOceanBasePassword, ...Replayed (code 10008)")
    @APIResponse(responseCode = "404", description = "Common.NotFound: the tenant has no restore task")
    @APIResponse(responseCode = "413", description = "Request.Body.TooLarge")
    @APIResponse(responseCode = "431", description = "Request.Header.TooLarge")
    @APIResponse(responseCode = "500", description = "MySQL.Error (query refused, e.g. missing grant), Common.Unexpected")
    @APIResponse(responseCode = "503", description = "Agent.OceanBase.Useless (database unreachable),"
            + " Agent.OceanBase.Timeout, Agent.OceanBase.Busy (pool wait queue full)")
    public Uni<ApiResponse> overview(@Parameter(description = "tenant name, percent-encoded") @RestPath String name) {
        return service.overview(name).map(ApiResponse::success);
    }
}
