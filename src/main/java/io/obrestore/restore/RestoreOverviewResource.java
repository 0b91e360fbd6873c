package io.obrestore.restore;

import io.obrestore.api.ApiResponse;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    public Uni<ApiResponse> overview(@RestPath String name) {
        return service.overview(name).map(ApiResponse::success);
    }
}
