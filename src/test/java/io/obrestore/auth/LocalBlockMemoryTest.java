package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.auth.BlockMemory.Verdict;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The process-local block memory: refuses known and repeated blocks, forgets nothing early, refuses when full. */
@Tag("fast")
class LocalBlockMemoryTest {

    private static HeaderBlock block(long id, long until) {
        return new HeaderBlock(new BlockDigest(id, ~id), until);
    }

    @Test
    void aBlockIsRefusedUntilItsTimeIsUp() {
        LocalBlockMemory memory = new LocalBlockMemory(10);
        assertEquals(Verdict.NEW, memory.rememberNow(List.of(block(1, 100), block(2, 100)), 0));
        assertEquals(Verdict.SEEN, memory.rememberNow(List.of(block(3, 100), block(2, 100)), 50));
        assertEquals(2, memory.size(), "a refused header adds nothing");
        assertEquals(Verdict.SEEN, memory.rememberNow(List.of(block(1, 200)), 100), "still refused at its last second");
        assertEquals(Verdict.NEW, memory.rememberNow(List.of(block(1, 200)), 101));
    }

    @Test
    void aBlockRepeatedWithinOneHeaderIsRefused() {
        LocalBlockMemory memory = new LocalBlockMemory(10);
        assertEquals(Verdict.SEEN, memory.rememberNow(List.of(block(7, 100), block(7, 100)), 0));
        assertEquals(0, memory.size());
    }

    @Test
    void aFullMemoryRefusesNewHeadersInsteadOfForgettingYoungBlocks() {
        LocalBlockMemory memory = new LocalBlockMemory(3);
        assertEquals(Verdict.NEW, memory.rememberNow(List.of(block(1, 100), block(2, 100)), 0));
        assertEquals(Verdict.FULL, memory.rememberNow(List.of(block(3, 100), block(4, 100)), 10));
        assertEquals(Verdict.SEEN, memory.rememberNow(List.of(block(1, 100)), 10), "the young ones are still there");
        assertEquals(Verdict.NEW, memory.rememberNow(List.of(block(3, 300), block(4, 300)), 101), "room once they expire");
        assertEquals(2, memory.size());
    }
}
