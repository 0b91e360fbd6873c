package io.obrestore.api;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** When a request arrived and the trace id it answers with. */
public record RequestTrace(String traceId, long startNanos) {

    /** obshell's header for a caller-chosen trace id. */
    public static final String HEADER = "X-OBSHELL-Trace-ID";

    private static final int MAX_ECHOED_LENGTH = 64;

    /**
     * Starts a trace: echoes the caller's {@value #HEADER} like obshell, else 8 random bytes as 16 hex chars.
     * Unlike obshell, an echoed id must be at most 64 letters, digits, {@code .}, {@code _} or {@code -} (obshell's own
     * ids are 16 hex digits), so the header cannot carry markup, quotes or other text into responses and logs.
     */
    public static RequestTrace begin(String callerTraceId) {
        String id = isEchoable(callerTraceId) ? callerTraceId : randomId();
        return new RequestTrace(id, System.nanoTime());
    }

    /** Milliseconds since the request arrived. */
    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    static String randomId() {
        // A correlation id, not a secret: a non-cryptographic generator is enough and never blocks.
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static boolean isEchoable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ECHOED_LENGTH) {
            return false;
        }
        return id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-');
    }
}
