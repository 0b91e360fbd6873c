package io.obrestore.auth.header;

import java.math.BigInteger;

/**
 * A header that decrypted and parsed: its fields, and where its RSA blocks and the {@code auth} and {@code ts} values
 * lie in the plaintext, which decides how long each block must be remembered (docs/auth-protocol.md §7).
 *
 * <p>The SDKs encrypt each 53-byte chunk on its own, so a captured block stays valid ciphertext in any other header.
 * Only the blocks that carry the password are worth stealing. When those blocks also carry the whole {@code ts}, a
 * header built around them expires with the victim's; when they carry none or only its first digits (long
 * passwords), a forger can choose a fresh {@code ts} in his own blocks, so they are remembered far longer.
 *
 * @param header the fields
 * @param blockEnds plaintext offset where each block's bytes end (exclusive)
 * @param auth byte range {@code [start, end)} of the {@code auth} value with its quotes; null when absent
 * @param ts byte range of the {@code ts} value with its quotes; null when absent
 */
public record DecodedHeader(OcsHeader header, int[] blockEnds, Range auth, Range ts) {

    /** A byte range of the plaintext. */
    public record Range(int start, int end) {
    }

    /** How long blocks are remembered; seconds. */
    public record Horizons(long maxLifetime, long clockSkew, long passwordBlockRetention) {
    }

    /**
     * Until when (Unix seconds) each block must be refused in another header, for a header seen at {@code now}. Every block: the longest a header may live ({@code maxLifetime}) plus {@code clockSkew}. The
     * blocks that carry a password that matched: until no {@code ts} a forger could still pair them with is valid,
     * at most {@code passwordBlockRetention}.
     */
    public long[] remembered(long now, boolean passwordMatched, Horizons horizons) {
        long everyBlock = now + horizons.maxLifetime() + horizons.clockSkew();
        int first = -1;
        int last = -1;
        // The blocks holding the password's characters; its quotes a forger can write in blocks of his own.
        if (passwordMatched && auth != null && auth.end() - auth.start() > 2) {
            first = blockAt(auth.start() + 1);
            last = blockAt(auth.end() - 2);
        }
        long passwordBlocks = first < 0 ? everyBlock
                : Math.max(everyBlock, Math.min(latestForgeableTs(first, last, now, horizons),
                        now + horizons.passwordBlockRetention()) + horizons.clockSkew());
        long[] until = new long[blockEnds.length];
        for (int i = 0; i < until.length; i++) {
            until[i] = i >= first && i <= last ? passwordBlocks : everyBlock;
        }
        return until;
    }

    /**
     * The latest {@code ts} a header reusing blocks {@code first..last} could carry and still be accepted at some
     * point: the victim's own when those blocks hold all of it, the largest number with the digits they hold
     * otherwise, unbounded ({@code Long.MAX_VALUE}) when they hold none.
     */
    private long latestForgeableTs(int first, int last, long now, Horizons horizons) {
        int fixedStart = first == 0 ? 0 : blockEnds[first - 1];
        int fixedEnd = blockEnds[last];
        if (ts == null || ts.start() < fixedStart || ts.start() >= fixedEnd) {
            return Long.MAX_VALUE;
        }
        String value = header.ts() == null ? "" : header.ts();
        if (ts.end() - ts.start() != value.length() + 2) {
            return Long.MAX_VALUE; // escapes in the value: raw offsets do not map to characters; assume the worst
        }
        if (ts.end() <= fixedEnd) {
            // The whole value, closing quote included: nobody can change it (a second ts key is refused).
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException never) {
                return now; // a header with this ts can never pass
            }
        }
        // Digits of the value that lie in the fixed blocks: after the opening quote, before fixedEnd.
        String prefix = value.substring(0, Math.min(value.length(), Math.max(0, fixedEnd - ts.start() - 1)));
        if (prefix.isEmpty() || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.MAX_VALUE;
        }
        // A forged ts must lie between now and now + maxLifetime: it has as many digits as that bound.
        int digits = Long.toString(now + horizons.maxLifetime()).length();
        if (prefix.length() >= digits) {
            BigInteger fixed = new BigInteger(prefix);
            return fixed.bitLength() < 63 ? fixed.longValue() : Long.MAX_VALUE;
        }
        BigInteger next = new BigInteger(prefix).add(BigInteger.ONE)
                .multiply(BigInteger.TEN.pow(digits - prefix.length())).subtract(BigInteger.ONE);
        return next.bitLength() < 63 ? next.longValue() : Long.MAX_VALUE;
    }

    private int blockAt(int offset) {
        for (int i = 0; i < blockEnds.length; i++) {
            if (offset < blockEnds[i]) {
                return i;
            }
        }
        return blockEnds.length - 1;
    }
}
