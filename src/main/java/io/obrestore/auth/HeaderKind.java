package io.obrestore.auth;

/** Which header carried the credentials, and so which password it must hold (docs/auth-protocol.md §2). */
public enum HeaderKind {
    /** {@code X-OCS-Header}: the root@sys password. */
    OCEANBASE("X-OCS-Header"),
    /** {@code X-OCS-Agent-Header}: the agent password. */
    AGENT("X-OCS-Agent-Header");

    private final String headerName;

    HeaderKind(String headerName) {
        this.headerName = headerName;
    }

    /** The HTTP header that carries this kind. */
    public String headerName() {
        return headerName;
    }
}
