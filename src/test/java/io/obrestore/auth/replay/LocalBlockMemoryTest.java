package io.obrestore.auth.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.auth.header.HeaderBlocks;
import io.obrestore.auth.key.AgentKey;
import io.obrestore.auth.key.KeyMaker;
import io.obrestore.auth.key.RsaProvider;
import io.obrestore.auth.key.RsaProviders;
import io.obrestore.auth.replay.BlockMemory.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The process-local block memory: refuses known and repeated blocks, keeps a block until its header showed it may be
 * forgotten (else until the key changes), and changes the key when full or old instead of refusing anyone.
 */
@Tag("fast")
class LocalBlockMemoryTest {

    private static final int BLOCK = 64; // 512-bit test keys: cheap to make
    private static final RsaProviders JDK = RsaProviders.startingWith(RsaProvider.jdk("test"));
    private final List<KeyChanges.Reason> changes = new ArrayList<>();

    private LocalBlockMemory memory(int capacity, long lifetime) {
        return new LocalBlockMemory(capacity, lifetime, () -> new AgentKey(KeyMaker.generate(512), JDK), Runnable::run,
                changes::add, 0);
    }

    /** A header whose blocks are filled with the given bytes: distinct fills, distinct blocks. */
    private static HeaderBlocks header(int... fills) {
        byte[] all = new byte[fills.length * BLOCK];
        for (int i = 0; i < fills.length; i++) {
            Arrays.fill(all, i * BLOCK, (i + 1) * BLOCK, (byte) fills[i]);
        }
        return HeaderBlocks.of(Base64.getEncoder().encodeToString(all), BLOCK, 8192, 16);
    }

    private static Epoch epoch(LocalBlockMemory memory, long now) {
        return memory.epoch(now).toCompletableFuture().join();
    }

    private static Verdict record(LocalBlockMemory memory, long now, int... fills) {
        return memory.record(epoch(memory, now), header(fills), now).toCompletableFuture().join();
    }

    @Test
    void aBlockIsRefusedUntilItsHeaderSaysItMayBeForgotten() {
        LocalBlockMemory memory = memory(10, 100_000);
        HeaderBlocks first = header(1, 2);
        Epoch epoch = epoch(memory, 0);
        assertEquals(Verdict.NEW, memory.record(epoch, first, 0).toCompletableFuture().join());
        assertEquals(Verdict.SEEN, record(memory, 50, 3, 2));
        assertEquals(2, memory.size(), "a refused header adds nothing");
        memory.settle(epoch, first, new long[] {100, 60_000});
        assertEquals(Verdict.SEEN, record(memory, 100, 1), "still refused at its last second");
        assertEquals(Verdict.NEW, record(memory, 101, 1));
        assertEquals(Verdict.SEEN, record(memory, 50_000, 2), "the other block keeps its own time");
    }

    @Test
    void aBlockWhoseHeaderNeverDecryptedIsKeptForTheLifeOfTheKey() {
        LocalBlockMemory memory = memory(10, 100_000);
        assertEquals(Verdict.NEW, record(memory, 0, 7, 8)); // refused by the throttle, say: never settled
        assertEquals(Verdict.SEEN, record(memory, 99_999, 8));
        assertTrue(changes.isEmpty());
    }

    @Test
    void aBlockRepeatedWithinOneHeaderIsRefused() {
        LocalBlockMemory memory = memory(10, 100_000);
        assertEquals(Verdict.SEEN, record(memory, 0, 7, 7));
        assertEquals(0, memory.size());
    }

    @Test
    void aFullMemoryChangesTheKeyInsteadOfRefusingHeadersOrForgettingYoungBlocks() {
        LocalBlockMemory memory = memory(3, 100_000);
        Epoch before = epoch(memory, 0);
        assertEquals(Verdict.NEW, record(memory, 0, 1, 2));
        assertEquals(Verdict.KEY_CHANGED, memory.record(before, header(3, 4), 10).toCompletableFuture().join());
        Epoch after = epoch(memory, 10);
        assertNotEquals(before.key().publicKeyBase64(), after.key().publicKeyBase64(), "a new key");
        assertEquals(List.of(KeyChanges.Reason.FULL), changes);
        assertEquals(0, memory.size(), "the new key's memory starts empty: the old key's blocks are worthless");
        assertEquals(Verdict.KEY_CHANGED, memory.record(before, header(5), 10).toCompletableFuture().join(),
                "a header made for the old key is answered code 1");
        assertEquals(Verdict.NEW, record(memory, 10, 3, 4));
    }

    @Test
    void expiredBlocksMakeRoomBeforeTheKeyChanges() {
        LocalBlockMemory memory = memory(3, 100_000);
        Epoch epoch = epoch(memory, 0);
        HeaderBlocks old = header(1, 2);
        assertEquals(Verdict.NEW, memory.record(epoch, old, 0).toCompletableFuture().join());
        memory.settle(epoch, old, new long[] {100, 100});
        assertEquals(Verdict.NEW, record(memory, 101, 3, 4), "room once they expire");
        assertSame(epoch, epoch(memory, 101));
        assertEquals(2, memory.size());
    }

    @Test
    void aKeyOlderThanItsLifetimeIsReplaced() {
        LocalBlockMemory memory = memory(10, 3_600);
        Epoch first = epoch(memory, 0);
        assertEquals(Verdict.NEW, record(memory, 0, 1));
        assertSame(first, epoch(memory, 3_599));
        Epoch second = epoch(memory, 3_600);
        assertNotSame(first, second);
        assertNotSame(first.key(), second.key(), "a new key");
        assertEquals(List.of(KeyChanges.Reason.AGE), changes);
        assertEquals(Verdict.NEW, record(memory, 3_600, 1), "its blocks went with the old key");
    }

    @Test
    void theMemoryGrowsToItsCapacityAndForgetsNothingOnTheWay() {
        LocalBlockMemory memory = memory(20_000, 100_000);
        Epoch epoch = epoch(memory, 0);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(Verdict.NEW, memory.record(epoch, numbered(i), 0).toCompletableFuture().join(), "block " + i);
        }
        for (int i = 0; i < 20_000; i += 997) {
            assertEquals(Verdict.SEEN, memory.record(epoch, numbered(i), 1).toCompletableFuture().join(), "block " + i);
        }
        assertEquals(20_000, memory.size());
        assertTrue(changes.isEmpty());
    }

    /** A one-block header whose block holds {@code n}. */
    private static HeaderBlocks numbered(int n) {
        byte[] block = new byte[BLOCK];
        java.nio.ByteBuffer.wrap(block).putInt(n);
        return HeaderBlocks.of(Base64.getEncoder().encodeToString(block), BLOCK, 8192, 16);
    }
}
