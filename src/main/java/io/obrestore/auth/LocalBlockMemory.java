package io.obrestore.auth;

import io.smallrye.mutiny.Uni;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The block memory of one process: at most {@code capacity} blocks (about 110 bytes each), forgotten only when their
 * time is up. Answers at once, so the auth filter needs no asynchronous step for it.
 */
public final class LocalBlockMemory implements BlockMemory {

    private static final Uni<Verdict> NEW = Uni.createFrom().item(Verdict.NEW);
    private static final Uni<Verdict> SEEN = Uni.createFrom().item(Verdict.SEEN);
    private static final Uni<Verdict> FULL = Uni.createFrom().item(Verdict.FULL);

    private final int capacity;
    // Guarded by this.
    private final Map<BlockDigest, Long> until = new HashMap<>();
    private final PriorityQueue<HeaderBlock> byExpiry =
            new PriorityQueue<>(Comparator.comparingLong(HeaderBlock::rememberUntil));

    public LocalBlockMemory(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public Uni<Verdict> remember(List<HeaderBlock> blocks, long now) {
        return switch (rememberNow(blocks, now)) {
            case NEW -> NEW;
            case SEEN -> SEEN;
            case FULL -> FULL;
        };
    }

    /** {@link #remember}, answered on the calling thread. */
    public synchronized Verdict rememberNow(List<HeaderBlock> blocks, long now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().rememberUntil() < now) {
            HeaderBlock expired = byExpiry.poll();
            until.remove(expired.digest(), expired.rememberUntil());
        }
        if (BlockMemory.repeatsABlock(blocks)) {
            return Verdict.SEEN;
        }
        for (HeaderBlock block : blocks) {
            if (until.containsKey(block.digest())) {
                return Verdict.SEEN;
            }
        }
        if (until.size() + blocks.size() > capacity) {
            return Verdict.FULL;
        }
        for (HeaderBlock block : blocks) {
            until.put(block.digest(), block.rememberUntil());
            byExpiry.add(block);
        }
        return Verdict.NEW;
    }

    /** Blocks remembered now. */
    public synchronized int size() {
        return until.size();
    }
}
