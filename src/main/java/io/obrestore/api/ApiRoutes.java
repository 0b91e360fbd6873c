package io.obrestore.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.config.ServiceConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Vert.x routes around the REST resources under {@code /api/v1}: request bodies are buffered (bounded) before the
 * resources run, so the auth filter can decrypt them on the event loop, and requests no resource matched get
 * obshell's 404 envelope instead of the framework's plain-text page.
 */
@ApplicationScoped
public class ApiRoutes {

    private static final Logger LOG = Logger.getLogger(ApiRoutes.class);

    static final String API = "/api/v1/*";

    private final ObjectMapper mapper;
    private final ErrorResponses responses;
    private final int maxBodyBytes;

    public ApiRoutes(ObjectMapper mapper, ErrorResponses responses, ServiceConfig config) {
        this.mapper = mapper;
        this.responses = responses;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void install(@Observes Router router) {
        // Bodies are small (encrypted JSON); an oversized one is refused with 413 before it is held in memory.
        // Requests without a body (every SDK GET) skip the buffering: it was a measurable share of a GET's cost.
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        router.route(API).order(-10)
                .handler(rc -> {
                    // Answers hold restore state (and auth outcomes): no browser, proxy or CDN may keep them.
                    rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                    if (hasBody(rc.request())) {
                        bodies.handle(rc);
                    } else {
                        rc.next();
                    }
                })
                .failureHandler(this::failed);
        // Registered last: Quarkus REST passes requests it cannot route on to the next Vert.x route.
        router.route(API).order(Integer.MAX_VALUE)
                .handler(rc -> send(rc, responses.forStatus(404),
                        RequestTrace.begin(rc.request().getHeader(RequestTrace.HEADER))));
    }

    /** HTTP/1.1: a request has a body only with a non-zero Content-Length or a Transfer-Encoding. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !"0".equals(length)) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Any failure Vert.x routing reports under /api/v1 still answers in the envelope, without its cause. */
    private void failed(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        RequestTrace trace = RequestTrace.begin(rc.request().getHeader(RequestTrace.HEADER));
        ApiException failure = responses.forStatus(rc.statusCode());
        if (failure.code() == ErrorCode.UNEXPECTED) {
            LOG.errorf(rc.failure(), "Unexpected failure, traceId=%s", trace.traceId());
        }
        send(rc, failure, trace);
    }

    private void send(RoutingContext rc, ApiException failure, RequestTrace trace) {
        ErrorResponses.ErrorResponse response = responses.of(failure, trace);
        try {
            rc.response().setStatusCode(response.status())
                    .putHeader("Content-Type", "application/json")
                    .putHeader(RequestTrace.HEADER, response.traceId())
                    .end(mapper.writeValueAsString(response.body()));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }
}
