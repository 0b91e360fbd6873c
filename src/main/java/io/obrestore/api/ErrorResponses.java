package io.obrestore.api;

import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one builder of error responses, for both HTTP edges: the JAX-RS exception mappers and the Vert.x routes around
 * them. It holds the table from an HTTP status the framework chose (no route, wrong method, body too large, ...) to
 * the obshell error that answers it, and builds the stamped envelope.
 */
@ApplicationScoped
public class ErrorResponses {

    /**
     * A finished error response: status, stamped envelope, the trace id for the response header, and seconds for
     * {@code Retry-After} (-1: none).
     */
    public record ErrorResponse(int status, ApiResponse body, String traceId, long retryAfterSeconds) {
    }

    private final DisplayZone zone;
    private final int maxBodyBytes;

    public ErrorResponses(ServiceConfig config, DisplayZone zone) {
        this.zone = zone;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    /** The obshell error for a status the framework or the HTTP layer chose; never with the framework's text. */
    public ApiException forStatus(int status) {
        return switch (status) {
            case 404 -> new ApiException(ErrorCode.NOT_FOUND, "404 not found");
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "405");
            case 406 -> new ApiException(ErrorCode.NOT_ACCEPTABLE, "only application/json");
            case 413 -> new ApiException(ErrorCode.BODY_TOO_LARGE, maxBodyBytes);
            case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "only application/json");
            default -> status >= 400 && status < 500 ? new ApiException(ErrorCode.BAD_REQUEST, "malformed request")
                    : new ApiException(ErrorCode.UNEXPECTED);
        };
    }

    /**
     * The response for {@code failure}, stamped with the request's trace: mappers must stamp themselves, because
     * Quarkus REST runs no response filter on the error path of streaming (SSE) resources.
     */
    public ErrorResponse of(ApiException failure, RequestTrace trace) {
        ApiResponse body = ApiResponse.failure(failure.code(), failure.getMessage()).stamped(trace, zone.current());
        return new ErrorResponse(failure.code().httpStatus(), body, trace.traceId(), failure.retryAfterSeconds());
    }
}
