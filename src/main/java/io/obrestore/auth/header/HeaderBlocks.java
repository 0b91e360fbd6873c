package io.obrestore.auth.header;

import java.nio.ByteBuffer;
import io.obrestore.auth.key.Sha256;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An auth header value cut into its RSA ciphertext blocks, each with a digest, before any RSA work: what the block
 * memory records of every header that arrives, whatever happens to it next (docs/auth-protocol.md §7).
 *
 * <p>The digest is the first 128 bits of the SHA-256 of the block as decoded (never of the base64 text, so a
 * re-encoded header is the same header). Of an oversized header the first {@code maxBlocks} blocks are recorded: a
 * password that fits an accepted header lies in them (both SDKs write {@code auth} first).
 */
public final class HeaderBlocks {

    private final byte[] ciphertext;
    private final int blockSize;
    private final int count;
    private final boolean malformed;
    private final boolean ragged;
    private final String tooLarge;
    private final long[] high;
    private final long[] low;

    private HeaderBlocks(HeaderBlocks all, int recorded) {
        this.ciphertext = all.ciphertext;
        this.blockSize = all.blockSize;
        this.count = all.count;
        this.malformed = all.malformed;
        this.ragged = all.ragged;
        this.tooLarge = all.tooLarge;
        this.high = Arrays.copyOf(all.high, recorded);
        this.low = Arrays.copyOf(all.low, recorded);
    }

    private HeaderBlocks(byte[] ciphertext, int blockSize, int count, boolean malformed, boolean ragged, String tooLarge,
            int recorded) {
        this.ciphertext = ciphertext;
        this.blockSize = blockSize;
        this.count = count;
        this.malformed = malformed;
        this.ragged = ragged;
        this.tooLarge = tooLarge;
        this.high = new long[recorded];
        this.low = new long[recorded];
        MessageDigest sha256 = Sha256.get();
        for (int i = 0; i < recorded; i++) {
            sha256.update(ciphertext, i * blockSize, blockSize);
            ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
            high[i] = digest.getLong();
            low[i] = digest.getLong();
        }
    }

    /**
     * The blocks of {@code value} for a key of {@code blockSize}-byte blocks; a value longer than {@code maxBytes} or
     * of more than {@code maxBlocks} blocks is {@link #tooLarge()} and only its first {@code maxBlocks} are kept.
     */
    public static HeaderBlocks of(String value, int blockSize, int maxBytes, int maxBlocks) {
        int count = blocksIn(value, blockSize);
        String base64 = value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value
                : value.replace("\r", "").replace("\n", "");
        if (value.length() > maxBytes || count > maxBlocks) {
            String why = value.length() > maxBytes ? maxBytes + " bytes" : maxBlocks + " RSA blocks";
            // Only the blocks that could belong to an accepted header: decode no more base64 than they take.
            int chars = (maxBlocks * blockSize + 2) / 3 * 4;
            byte[] prefix = decode(base64.length() > chars ? base64.substring(0, chars) : base64);
            int whole = prefix == null ? 0 : Math.min(maxBlocks, prefix.length / blockSize);
            return new HeaderBlocks(prefix == null ? new byte[0] : prefix, blockSize, count, prefix == null, false, why,
                    whole);
        }
        byte[] decoded = decode(base64);
        if (decoded == null) {
            // Still decrypted (stand-ins) like any other failure, so bad base64 takes as long as bad RSA.
            return new HeaderBlocks(new byte[count * blockSize], blockSize, count, true, false, null, 0);
        }
        int blocks = Math.max(1, (decoded.length + blockSize - 1) / blockSize);
        boolean ragged = decoded.length % blockSize != 0 || decoded.length == 0;
        int whole = decoded.length / blockSize;
        return new HeaderBlocks(ragged ? Arrays.copyOf(decoded, blocks * blockSize) : decoded, blockSize, blocks, false,
                ragged, null, whole);
    }

    /** RSA blocks a header value holds, from its length alone (rounded up: a ragged end counts as a block). */
    public static int blocksIn(String value, int blockSize) {
        int padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
        long bytes = Math.max(0, (long) value.length() * 3 / 4 - padding);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + blockSize - 1) / blockSize));
    }

    /** Go's {@code base64.StdEncoding} (CR and LF already removed): padding required; null when it is not base64. */
    private static byte[] decode(String base64) {
        if (base64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The first block alone: what a header refused unseen (by the throttle) leaves recorded. Every SDK header starts
     * {@code {"Auth":"} or {@code {"auth": "}, so its first block holds the password's first characters: no header
     * can reuse its password, nor be replayed, without that block.
     */
    public HeaderBlocks first() {
        return high.length <= 1 ? this : new HeaderBlocks(this, 1);
    }

    /** Blocks to decrypt (a ragged or malformed value still counts its stand-ins). */
    public int count() {
        return count;
    }

    /** Blocks recorded: the whole ones, at most {@code maxBlocks}. */
    public int recorded() {
        return high.length;
    }

    /** First 64 bits of block {@code i}'s digest. */
    public long high(int i) {
        return high[i];
    }

    /** Block {@code i}'s digest as 32 lowercase hex characters. */
    public String hex(int i) {
        return HexFormat.of().toHexDigits(high[i]) + HexFormat.of().toHexDigits(low[i]);
    }

    /** Whether a recorded block appears twice: no SDK header does (random padding), a forged one may. */
    public boolean repeatsABlock() {
        for (int i = 0; i < high.length; i++) {
            for (int j = i + 1; j < high.length; j++) {
                if (high[i] == high[j] && low[i] == low[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why the header is too large ({@code "8192 bytes"}, {@code "16 RSA blocks"}), or null. */
    public String tooLarge() {
        return tooLarge;
    }

    byte[] ciphertext() {
        return ciphertext;
    }

    int blockSize() {
        return blockSize;
    }

    /** Whether block {@code i} is no ciphertext at all (bad base64, a ragged end): it decrypts to a stand-in. */
    boolean standIn(int i) {
        return malformed || (ragged && i == count - 1);
    }
}
