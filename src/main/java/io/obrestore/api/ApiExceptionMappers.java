package io.obrestore.api;

import io.obrestore.config.ServiceConfig;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into obshell error envelopes. Nothing from an unexpected exception
 * (class name, message, cause) reaches the client: it goes to the log with the trace id.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private final ZoneId zone;

    public ApiExceptionMappers(ServiceConfig config) {
        this.zone = config.zone();
    }

    @ServerExceptionMapper
    public RestResponse<ApiResponse> api(ApiException e, ContainerRequestContext request) {
        return respond(e.code(), e.getMessage(), request);
    }

    /** Framework rejections: no matching route or method, bad media types, unreadable input. */
    @ServerExceptionMapper
    public RestResponse<ApiResponse> web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 404 -> respond(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message("404 not found"), request);
            case 405 -> respond(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED.message("405"), request);
            case 406 -> respond(ErrorCode.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE.message("only application/json"),
                    request);
            case 415 -> respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE.message("only application/json"), request);
            default -> status >= 400 && status < 500
                    ? respond(ErrorCode.BAD_REQUEST, ErrorCode.BAD_REQUEST.message("malformed request"), request)
                    : respond(ErrorCode.UNEXPECTED, ErrorCode.UNEXPECTED.message(), request);
        };
    }

    @ServerExceptionMapper
    public RestResponse<ApiResponse> unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "Unexpected failure, traceId=%s", EnvelopeFilter.traceOf(request).traceId());
        return respond(ErrorCode.UNEXPECTED, ErrorCode.UNEXPECTED.message(), request);
    }

    /**
     * Stamped here, not only by {@link EnvelopeFilter}: for streaming (SSE) resources Quarkus REST runs no response
     * filters on the error path, and their errors must look like every other one.
     */
    private RestResponse<ApiResponse> respond(ErrorCode code, String message, ContainerRequestContext request) {
        RequestTrace trace = EnvelopeFilter.traceOf(request);
        ApiResponse body = ApiResponse.failure(code, message)
                .stamped(trace, zone);
        return RestResponse.ResponseBuilder.<ApiResponse>create(code.httpStatus())
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestTrace.HEADER, trace.traceId())
                .build();
    }
}
