package io.obrestore.watch;

/**
 * Ends a stream request whose job is already over: the whole stream (one {@code final} event) is then written as
 * an ordinary response. Closing an opened SSE sink before Quarkus REST has sent its head fails inside the
 * framework, so such a stream is never opened. Carries no stack trace: this is an outcome, not a fault.
 */
final class StreamEndedAtOnce extends RuntimeException {

    private final String stream;

    StreamEndedAtOnce(String stream) {
        super(null, null, false, false);
        this.stream = stream;
    }

    /** The complete event-stream body. */
    String stream() {
        return stream;
    }
}
