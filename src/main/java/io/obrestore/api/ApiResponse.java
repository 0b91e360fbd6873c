package io.obrestore.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * obshell's response envelope ({@code OcsAgentResponse}), in obshell's key order.
 *
 * <p>Handlers build it without the request metadata ({@link #success}, {@link #failure}); {@link EnvelopeFilter}
 * stamps {@code timestamp}, {@code duration} and {@code traceId} on the way out, so that every response,
 * including mapped errors, gets them from one place.
 */
@RegisterForReflection
@JsonPropertyOrder({"successful", "timestamp", "duration", "status", "traceId", "data", "error"})
public record ApiResponse(
        boolean successful,
        String timestamp,
        long duration,
        int status,
        String traceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object data,
        @JsonInclude(JsonInclude.Include.NON_NULL) ApiError error) {

    /** A 200 envelope around {@code data}, not yet stamped. */
    public static ApiResponse success(Object data) {
        return new ApiResponse(true, "", 0, 200, "", data, null);
    }

    /** An error envelope for a catalogue entry, not yet stamped. */
    public static ApiResponse failure(ErrorCode code, String message) {
        return new ApiResponse(false, "", 0, code.httpStatus(), "", null, ApiError.of(code, message));
    }

    /** A copy carrying the request's metadata. */
    public ApiResponse stamped(String timestamp, long durationMillis, String traceId) {
        return new ApiResponse(successful, timestamp, durationMillis, status, traceId, data, error);
    }
}
