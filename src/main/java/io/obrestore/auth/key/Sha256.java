package io.obrestore.auth.key;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The JDK's SHA-256, one instance per thread (MessageDigest is not thread-safe, and looking one up costs more than the
 * digest of a header block): the block digests of the block memory and the password digests.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    });

    private Sha256() {
    }

    /** This thread's instance, reset: {@code update} then {@code digest} on it before anything else uses it. */
    public static MessageDigest get() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }

    /** The digest of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        return get().digest(bytes);
    }
}
