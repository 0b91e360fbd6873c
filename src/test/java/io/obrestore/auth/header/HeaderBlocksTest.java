package io.obrestore.auth.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the block memory records of a header, before any RSA work: its whole blocks, at most sixteen of them. */
@Tag("fast")
class HeaderBlocksTest {

    private static final int K = 128;

    private static String value(int blocks, int extraBytes) {
        byte[] bytes = new byte[blocks * K + extraBytes];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i / K + 1);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void everyWholeBlockIsDigestedAndTheDigestIgnoresHowTheBase64Was() {
        HeaderBlocks two = HeaderBlocks.of(value(2, 0), K, 8192, 16);
        assertEquals(2, two.count());
        assertEquals(2, two.recorded());
        assertNull(two.tooLarge());
        assertNotEquals(two.hex(0), two.hex(1));
        assertEquals(32, two.hex(0).length());
        // Go's decoder skips line breaks: the same blocks.
        String broken = value(2, 0).substring(0, 100) + "\r\n" + value(2, 0).substring(100);
        assertEquals(two.hex(1), HeaderBlocks.of(broken, K, 8192, 16).hex(1));
        assertFalse(two.repeatsABlock());
        assertEquals(1, two.first().recorded());
        assertEquals(two.hex(0), two.first().hex(0));
    }

    @Test
    void aRaggedEndIsDecryptedAsAStandInButNotRecorded() {
        HeaderBlocks ragged = HeaderBlocks.of(value(2, 10), K, 8192, 16);
        assertEquals(3, ragged.count());
        assertEquals(2, ragged.recorded());
        assertTrue(ragged.standIn(2));
        assertFalse(ragged.standIn(1));
    }

    @Test
    void badBase64RecordsNothingAndStillCostsItsBlocks() {
        HeaderBlocks bad = HeaderBlocks.of("not base64 !!", K, 8192, 16);
        assertEquals(0, bad.recorded());
        assertEquals(1, bad.count());
        assertTrue(bad.standIn(0));
    }

    @Test
    void anOversizedHeaderKeepsItsFirstSixteenBlocks() {
        HeaderBlocks blocks = HeaderBlocks.of(value(20, 0), K, 8192, 16);
        assertEquals("16 RSA blocks", blocks.tooLarge());
        assertEquals(16, blocks.recorded());
        assertEquals(20, blocks.count());
        HeaderBlocks bytes = HeaderBlocks.of(value(70, 0), K, 8192, 16);
        assertEquals("8192 bytes", bytes.tooLarge());
        assertEquals(16, bytes.recorded());
        assertEquals(HeaderBlocks.of(value(2, 0), K, 8192, 16).hex(1), bytes.hex(1), "the same first blocks");
    }

    @Test
    void aBlockTwiceInOneHeaderIsSeen() {
        byte[] bytes = new byte[2 * K];
        Arrays.fill(bytes, (byte) 7);
        assertTrue(HeaderBlocks.of(Base64.getEncoder().encodeToString(bytes), K, 8192, 16).repeatsABlock());
    }
}
