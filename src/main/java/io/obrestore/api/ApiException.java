package io.obrestore.api;

/** A failure that the client sees as an obshell error envelope; thrown anywhere, mapped in one place. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final long retryAfterSeconds;

    public ApiException(ErrorCode code, Object... args) {
        this(-1, code, args);
    }

    private ApiException(long retryAfterSeconds, ErrorCode code, Object... args) {
        // No stack trace: these are expected outcomes (unknown tenant, timeouts), not bugs, and
        // filling a trace per request would cost more than the request itself.
        super(code.message(args), null, false, false);
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A failure the client may retry after {@code seconds}, sent as the {@code Retry-After} header. */
    public static ApiException retryAfter(long seconds, ErrorCode code, Object... args) {
        return new ApiException(Math.max(1, seconds), code, args);
    }

    public ErrorCode code() {
        return code;
    }

    /** Seconds for {@code Retry-After}, or -1 when the response carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
