package io.obrestore.api;

/** A failure that the client sees as an obshell error envelope; thrown anywhere, mapped in one place. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, Object... args) {
        // No stack trace: these are expected outcomes (unknown tenant, timeouts), not bugs, and
        // filling a trace per request would cost more than the request itself.
        super(code.message(args), null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
