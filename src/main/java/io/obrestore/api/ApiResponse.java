package io.obrestore.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.ZoneId;

/**
 * obshell's response envelope ({@code OcsAgentResponse}), in obshell's key order.
 *
 * <p>Handlers build it without the request metadata ({@link #success}, {@link #failure}); {@link EnvelopeFilter}
 * stamps {@code timestamp}, {@code duration} and {@code traceId} on the way out, so that every response,
 * including mapped errors, gets them from one place. Stamping sets them in place rather than building a copy:
 * replacing a response's entity in a filter makes Quarkus REST rebuild the response and look up its writer again
 * for every request (a measured 3 % of the service's CPU).
 */
@RegisterForReflection
@JsonPropertyOrder({"successful", "timestamp", "duration", "status", "traceId", "data", "error"})
public final class ApiResponse {

    private final boolean successful;
    private final int status;
    private final Object data;
    private final ApiError error;
    private String timestamp = "";
    private long duration;
    private String traceId = "";

    private ApiResponse(boolean successful, int status, Object data, ApiError error) {
        this.successful = successful;
        this.status = status;
        this.data = data;
        this.error = error;
    }

    /** A 200 envelope around {@code data}, not yet stamped. */
    public static ApiResponse success(Object data) {
        return new ApiResponse(true, 200, data, null);
    }

    /** An error envelope for a catalogue entry, not yet stamped. */
    public static ApiResponse failure(ErrorCode code, String message) {
        return new ApiResponse(false, code.httpStatus(), null, ApiError.of(code, message));
    }

    /**
     * Sets the request's metadata once, at the first call, and returns this envelope: an error envelope is stamped by
     * its mapper (streaming resources run no response filter on the error path) and must not be re-timed by
     * {@link EnvelopeFilter} afterwards.
     */
    public ApiResponse stamped(RequestTrace trace, ZoneId zone) {
        if (timestamp.isEmpty()) {
            timestamp = Rfc3339.format(Instant.now(), zone);
            duration = trace.elapsedMillis();
            traceId = trace.traceId();
        }
        return this;
    }

    @JsonProperty("successful")
    public boolean successful() {
        return successful;
    }

    @JsonProperty("timestamp")
    public String timestamp() {
        return timestamp;
    }

    @JsonProperty("duration")
    public long duration() {
        return duration;
    }

    @JsonProperty("status")
    public int status() {
        return status;
    }

    @JsonProperty("traceId")
    public String traceId() {
        return traceId;
    }

    @JsonProperty("data")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public Object data() {
        return data;
    }

    @JsonProperty("error")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public ApiError error() {
        return error;
    }
}
