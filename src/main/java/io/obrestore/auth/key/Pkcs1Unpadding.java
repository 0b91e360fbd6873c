package io.obrestore.auth.key;

/**
 * PKCS#1 v1.5 type 2 unpadding ({@code 00 02 PS 00 M}, PS at least 8 non-zero bytes) with implicit rejection, checked
 * without branching on the decrypted bytes (docs/auth-protocol.md §7): the result is M when the padding holds, else a
 * stand-in the caller derived from the block, so no answer and no timing tells a forger whether his block was
 * well padded (Bleichenbacher's oracle). No JCA provider offers implicit rejection, hence this class.
 */
final class Pkcs1Unpadding {

    private static final int MIN_PADDING = 8;

    private Pkcs1Unpadding() {
    }

    /**
     * M, or {@code standIn} when the padding is wrong, when {@code reject} is set, or when M is not
     * {@code requiredLength} bytes long ({@code -1}: any length). The SDKs cut their JSON into 53-byte chunks, so every
     * block but the last holds exactly 53: a shorter well-padded block could otherwise parse inside JSON the forger's
     * other blocks open and close, while a badly padded one never does (a length oracle).
     */
    static byte[] unpad(byte[] encoded, byte[] standIn, boolean reject, int requiredLength) {
        int k = encoded.length;
        int good = isZero(encoded[0] & 0xff) & isZero((encoded[1] & 0xff) ^ 2);
        int lookingForZero = -1;
        int zeroIndex = 0;
        for (int i = 2; i < k; i++) {
            int zero = isZero(encoded[i] & 0xff);
            zeroIndex = select(lookingForZero & zero, i, zeroIndex);
            lookingForZero &= ~zero;
        }
        good &= ~lookingForZero;
        good &= atLeast(zeroIndex, 2 + MIN_PADDING);
        good &= reject ? 0 : -1;
        int messageLength = k - zeroIndex - 1;
        // The required length is the block's position in the header, public; only the comparison must not branch.
        good &= requiredLength < 0 ? -1 : isZero(messageLength ^ requiredLength);
        int length = select(good, messageLength, standIn.length);
        int start = select(good, zeroIndex + 1, 0);
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++) {
            int fromBlock = encoded[Math.min(k - 1, start + i)];
            int fromStandIn = standIn[i % standIn.length];
            message[i] = (byte) select(good, fromBlock, fromStandIn);
        }
        return message;
    }

    /** -1 (all bits) when {@code x} (a small non-negative int) is zero, else 0. */
    private static int isZero(int x) {
        return ((x | -x) >>> 31) - 1;
    }

    /** -1 when {@code a >= b} (both non-negative and small), else 0. */
    private static int atLeast(int a, int b) {
        return ~((a - b) >> 31);
    }

    private static int select(int mask, int ifSet, int ifClear) {
        return (ifSet & mask) | (ifClear & ~mask);
    }
}
