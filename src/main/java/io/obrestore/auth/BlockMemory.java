package io.obrestore.auth;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Every RSA block of every header this service decrypted, each until its {@link HeaderBlock#rememberUntil}: a header
 * that holds any of them is refused, whatever the rest of it says (a replay, a re-encoding, or a forgery spliced from
 * a captured header). Local to the process, or shared by replicas in Redis.
 */
public interface BlockMemory {

    /** What the memory found. */
    enum Verdict {
        /** Every block was new; all are remembered now. */
        NEW,
        /** A block was remembered already (or repeated within the header); nothing was added. */
        SEEN,
        /** Not enough room for the blocks: the header is refused rather than younger blocks forgotten. */
        FULL
    }

    /**
     * Checks and records the blocks of one header, atomically: of two headers sharing a block, only one is NEW.
     * Fails when the memory cannot be reached (the shared one).
     */
    Uni<Verdict> remember(List<HeaderBlock> blocks, long now);

    /** Whether duplicates inside one header: identical ciphertext blocks never come from an SDK (random padding). */
    static boolean repeatsABlock(List<HeaderBlock> blocks) {
        return blocks.stream().map(HeaderBlock::digest).distinct().count() < blocks.size();
    }
}
