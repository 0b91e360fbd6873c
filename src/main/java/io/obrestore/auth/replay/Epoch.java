package io.obrestore.auth.replay;

import io.obrestore.auth.key.AgentKey;

/**
 * A key and the memory of the blocks sent to it, which live and end together (docs/auth-protocol.md §7): when the
 * memory cannot go on (full, lost, too old), the key goes with it, so no block it forgot can ever be decrypted again.
 */
public interface Epoch {

    /** The key headers of this epoch are decrypted with. */
    AgentKey key();
}
