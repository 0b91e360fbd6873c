package io.obrestore.auth;

/**
 * One block of a checked header and until when (Unix seconds) the block memory must refuse it in any header.
 *
 * @param digest the block's digest
 * @param rememberUntil end of its refusal
 */
record HeaderBlock(BlockDigest digest, long rememberUntil) {
}
