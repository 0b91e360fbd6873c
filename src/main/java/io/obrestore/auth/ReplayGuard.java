package io.obrestore.auth;

import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Refuses a header ciphertext that was already accepted and has not expired yet (obshell has no replay protection).
 *
 * <p>Keyed on the SHA-256 of the ciphertext, which is unique per header because PKCS#1 v1.5 padding is random;
 * not on the plaintext, which a Go SDK retry within the same second repeats legitimately. Memory is bounded by
 * {@code obrestore.auth.replay-memory} entries (about 100 bytes each): expired entries are dropped first, and when
 * the memory is full of live entries the one expiring soonest is dropped (only a client holding the password can
 * fill it).
 */
@ApplicationScoped
public class ReplayGuard {

    private record Entry(ByteBuffer digest, long expiresAt) {
    }

    private final int capacity;
    private final Map<ByteBuffer, Long> seen = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresAt, b.expiresAt));

    @Inject
    public ReplayGuard(ServiceConfig config) {
        this(config.auth().replayMemory());
    }

    ReplayGuard(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * Records an accepted header valid until {@code expiresAt} (Unix seconds).
     *
     * @return false if the same ciphertext was accepted before and is still remembered
     */
    public synchronized boolean firstUse(String headerCiphertext, long expiresAt, long now) {
        ByteBuffer digest = ByteBuffer.wrap(sha256(headerCiphertext));
        dropExpired(now);
        if (seen.containsKey(digest)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Entry soonest = byExpiry.poll();
            seen.remove(soonest.digest());
        }
        seen.put(digest, expiresAt);
        byExpiry.add(new Entry(digest, expiresAt));
        return true;
    }

    /** Headers currently remembered. */
    public synchronized int size() {
        return seen.size();
    }

    private void dropExpired(long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt() < now) {
            seen.remove(byExpiry.poll().digest());
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
