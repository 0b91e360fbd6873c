package io.obrestore.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * obshell's {@code ApiError}: {@code code} (legacy int, omitted when 0), {@code errCode}, {@code message},
 * {@code subErrors} (omitted when empty).
 */
@RegisterForReflection
@JsonPropertyOrder({"code", "errCode", "message", "subErrors"})
public record ApiError(
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int code,
        String errCode,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Object> subErrors) {

    /** The error object for a catalogue entry and an already formatted message. */
    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.legacyCode(), code.errCode(), message, List.of());
    }
}
