package io.obrestore.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The first 128 bits of the SHA-256 of one RSA ciphertext block as it was decoded (never of the base64 text, so a
 * re-encoded header is recognised): what the block memory keeps instead of the block.
 */
record BlockDigest(long high, long low) {

    static BlockDigest of(byte[] ciphertext, int offset, int length) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ciphertext, offset, length);
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
            return new BlockDigest(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** 32 lowercase hex characters, as the shared memory names its keys. */
    String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
