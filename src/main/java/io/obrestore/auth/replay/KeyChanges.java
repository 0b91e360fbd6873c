package io.obrestore.auth.replay;

/** Told each time a block memory changes the key, and why (the {@code obrestore_auth_key_changes_total} counter). */
@FunctionalInterface
public interface KeyChanges {

    /** Why a key changed. */
    enum Reason {
        /** The memory was full: a new key rather than refusing headers or forgetting young blocks. */
        FULL,
        /** The key reached its lifetime ({@code obrestore.auth.password-block-retention}). */
        AGE,
        /** The shared memory was lost (Redis restarted, was flushed, restored or replaced). */
        LOST,
        /** This replica could not record headers in the shared memory for a while. */
        UNREACHABLE
    }

    /** Ignores every change. */
    KeyChanges NONE = reason -> { };

    void changed(Reason reason);
}
