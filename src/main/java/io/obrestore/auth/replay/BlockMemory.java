package io.obrestore.auth.replay;

import io.obrestore.auth.header.HeaderBlocks;
import java.util.concurrent.CompletionStage;

/**
 * Every RSA block of every header that reached this service under the current key: a header that holds any of them
 * is refused, whatever the rest of it says (a replay, a re-encoding, or a forgery spliced from a captured header).
 * Blocks are recorded as the header arrives, before any refusal could leave it unused (the throttle's, the RSA
 * threads' queue's, the clock's, the password's), and kept for the life of the key unless decrypting the header showed
 * they can be forgotten earlier. When the memory cannot keep a block (full, lost, too old) it changes the key instead
 * of refusing everyone or forgetting young blocks: the SDKs fetch the new one on {@code code: 1}. Local to the process,
 * or shared by replicas in Redis. docs/auth-protocol.md §7.
 */
public interface BlockMemory {

    /** What the memory found. */
    enum Verdict {
        /** Every block was new; all are recorded now. */
        NEW,
        /** A block was recorded already, or repeats within the header; nothing was added. */
        SEEN,
        /** The header's epoch is over (its key is gone): it was made for a key that no longer decrypts anything. */
        KEY_CHANGED
    }

    /** The epoch new headers are checked in, at Unix second {@code now}; completes once its key is ready. */
    CompletionStage<? extends Epoch> epoch(long now);

    /**
     * Checks and records the recorded blocks of one header, atomically: of two headers sharing a block, only one is NEW.
     * Fails with 503 {@code Security.Authentication.Unavailable} when the memory cannot be reached (the shared one).
     */
    CompletionStage<Verdict> record(Epoch epoch, HeaderBlocks blocks, long now);

    /**
     * Once the header decrypted: until when (Unix seconds) each block must still be refused. The memory may forget a
     * block after that; without this call it keeps it for the life of the key.
     */
    void settle(Epoch epoch, HeaderBlocks blocks, long[] until);
}
