package io.obrestore.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into obshell error envelopes. Nothing from an unexpected exception
 * (class name, message, cause) reaches the client: it goes to the log with the trace id.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public RestResponse<ApiResponse> api(ApiException e) {
        return respond(e.code(), e.getMessage());
    }

    /** Framework rejections: no matching route or method, bad media types, unreadable input. */
    @ServerExceptionMapper
    public RestResponse<ApiResponse> web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 404 -> respond(ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message("404 not found"));
            case 405 -> respond(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED.message("405"));
            case 406 -> respond(ErrorCode.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE.message("only application/json"));
            case 415 -> respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE.message("only application/json"));
            default -> status >= 400 && status < 500
                    ? respond(ErrorCode.BAD_REQUEST, ErrorCode.BAD_REQUEST.message("malformed request"))
                    : respond(ErrorCode.UNEXPECTED, ErrorCode.UNEXPECTED.message());
        };
    }

    @ServerExceptionMapper
    public RestResponse<ApiResponse> unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "Unexpected failure, traceId=%s", EnvelopeFilter.traceOf(request).traceId());
        return respond(ErrorCode.UNEXPECTED, ErrorCode.UNEXPECTED.message());
    }

    static RestResponse<ApiResponse> respond(ErrorCode code, String message) {
        return RestResponse.ResponseBuilder.<ApiResponse>create(code.httpStatus())
                .entity(ApiResponse.failure(code, message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
