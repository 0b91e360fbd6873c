package io.obrestore.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the resources' failures into obshell error envelopes (built by {@link ErrorResponses}). Nothing from an
 * unexpected exception (class name, message, cause) reaches the client: it goes to the log with the trace id.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    private final ErrorResponses responses;

    public ApiExceptionMappers(ErrorResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public RestResponse<ApiResponse> api(ApiException e, ContainerRequestContext request) {
        return respond(e, request);
    }

    /** Framework rejections: no matching route or method, bad media types, unreadable input. */
    @ServerExceptionMapper
    public RestResponse<ApiResponse> web(WebApplicationException e, ContainerRequestContext request) {
        return respond(responses.forStatus(e.getResponse() == null ? 500 : e.getResponse().getStatus()), request);
    }

    @ServerExceptionMapper
    public RestResponse<ApiResponse> unexpected(Throwable e, ContainerRequestContext request) {
        LOG.errorf(e, "Unexpected failure, traceId=%s", EnvelopeFilter.traceOf(request).traceId());
        return respond(new ApiException(ErrorCode.UNEXPECTED), request);
    }

    private RestResponse<ApiResponse> respond(ApiException failure, ContainerRequestContext request) {
        ErrorResponses.ErrorResponse response = responses.of(failure, EnvelopeFilter.traceOf(request));
        RestResponse.ResponseBuilder<ApiResponse> builder = RestResponse.ResponseBuilder.<ApiResponse>create(response.status())
                .entity(response.body())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(RequestTrace.HEADER, response.traceId());
        if (response.retryAfterSeconds() >= 0) {
            builder.header("Retry-After", response.retryAfterSeconds());
        }
        return builder.build();
    }
}
