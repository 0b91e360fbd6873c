package io.obrestore.restore;

import io.obrestore.api.ApiResponse;
import io.obrestore.db.ClusterZone;
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
import org.jboss.resteasy.reactive.RestQuery;

/** {@code GET /api/v1/restore/tasks}: obshell's list of running and finished restore jobs. */
@Path("/api/v1/restore/tasks")
public class RestoreTaskResource {

    private final RestoreTaskService service;
    private final ClusterZone zone;

    public RestoreTaskResource(RestoreTaskService service, ClusterZone zone) {
        this.service = service;
        this.zone = zone;
    }

    // Parameters arrive as text so that a malformed one gets obshell's envelope, not the framework's 404.
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restore tasks",
            description = "Running restore jobs (CDB_OB_RESTORE_PROGRESS) then finished ones (CDB_OB_RESTORE_HISTORY),"
                    + " sys job rows only, newest first, in obshell's paging wrapper; data is a RestoreTaskPage whose"
                    + " contents have the overview's keys, with backup URIs redacted.")
    @APIResponse(responseCode = "200", description = "data: one page of tasks",
            content = @Content(schema = @Schema(implementation = RestoreTaskPage.class)))
    @APIResponse(responseCode = "400", description = "Common.IllegalArgument (malformed time, status, page or size)")
    @APIResponse(responseCode = "503", description = "Agent.OceanBase.Useless, Agent.OceanBase.Timeout, Agent.OceanBase.Busy")
    public Uni<ApiResponse> tasks(
            @Parameter(description = "RFC 3339; jobs started at or after it") @RestQuery("start_time") String startTime,
            @Parameter(description = "RFC 3339; jobs started at or before it") @RestQuery("end_time") String endTime,
            @Parameter(description = "comma list of statuses, e.g. SUCCESS,FAIL") @RestQuery String status,
            @Parameter(description = "1-based page number (default 1)") @RestQuery String page,
            @Parameter(description = "page size (default: all)") @RestQuery String size) {
        RestoreTaskQuery query = RestoreTaskQuery.parse(startTime, endTime, status, page, size, zone.current());
        return service.tasks(query).map(ApiResponse::success);
    }
}
