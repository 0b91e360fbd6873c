package io.obrestore.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.config.ServiceConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Answers requests under {@code /api/v1} that no resource matched with obshell's 404 envelope
 * ({@code Common.NotFound}, "Element not found: 404 not found"), instead of the framework's plain-text page.
 */
@ApplicationScoped
public class UnknownRouteHandler {

    private final ObjectMapper mapper;
    private final ServiceConfig config;

    public UnknownRouteHandler(ObjectMapper mapper, ServiceConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    void install(@Observes Router router) {
        // Registered last: Quarkus REST passes requests it cannot route on to the next Vert.x route.
        router.route("/api/v1/*").order(Integer.MAX_VALUE).handler(rc -> {
            RequestTrace trace = RequestTrace.begin(rc.request().getHeader(RequestTrace.HEADER));
            ApiResponse body = ApiResponse.failure(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message("404 not found"))
                    .stamped(Rfc3339.format(Instant.now(), config.zone()), trace.elapsedMillis(), trace.traceId());
            try {
                rc.response().setStatusCode(404)
                        .putHeader("Content-Type", "application/json")
                        .putHeader(RequestTrace.HEADER, trace.traceId())
                        .end(mapper.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                rc.fail(e);
            }
        });
    }
}
