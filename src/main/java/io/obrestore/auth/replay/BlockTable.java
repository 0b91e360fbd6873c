package io.obrestore.auth.replay;

import io.obrestore.auth.header.HeaderBlocks;

/**
 * The blocks one key has seen, in two flat arrays (64 bits of each block's digest, and until when it is kept): 12
 * bytes a slot, a hundred thousand blocks in 3 MB at most, and no object per block, so a busy memory costs the garbage
 * collector nothing (a map of boxed entries did: docs/performance.md). Open addressing with linear probing, the arrays
 * doubled as blocks arrive, up to what {@code capacity} needs; a block whose time is up stays in its slot until the
 * table is swept, which happens only when it would otherwise be full.
 */
final class BlockTable {

    /** The outcome of {@link #record}. */
    enum Outcome { NEW, SEEN, FULL }

    /** Kept until the key changes. */
    static final int FOREVER = Integer.MAX_VALUE;

    private final int capacity;
    private final int maxSlots;
    private final long origin;
    private long[] fingerprints;
    private int[] until;
    private int used;
    private int freedBySweep = Integer.MAX_VALUE;

    /** A table for at most {@code capacity} blocks, whose times count from Unix second {@code origin}. */
    BlockTable(int capacity, long origin) {
        this.capacity = capacity;
        this.origin = origin;
        // At most three quarters full, so probes stay short and a free slot always ends them.
        this.maxSlots = Integer.highestOneBit(Math.max(4, capacity + capacity / 3) - 1) << 1;
        int slots = Math.min(maxSlots, 1 << 12);
        this.fingerprints = new long[slots];
        this.until = new int[slots];
    }

    /** Checks the header's blocks and records them until the key changes; nothing is added unless all are new. */
    synchronized Outcome record(HeaderBlocks blocks, long now) {
        int at = relative(now);
        int needed = 0;
        for (int i = 0; i < blocks.recorded(); i++) {
            int slot = find(fingerprint(blocks, i));
            if (slot >= 0 && until[slot] >= at) {
                return Outcome.SEEN;
            }
            if (slot < 0) {
                needed++;
            }
        }
        if (used + needed > capacity && !sweep(at, needed)) {
            return Outcome.FULL;
        }
        if ((used + needed) * 4L > fingerprints.length * 3L && fingerprints.length < maxSlots) {
            rehash(fingerprints.length * 2, Integer.MIN_VALUE);
        }
        for (int i = 0; i < blocks.recorded(); i++) {
            long fingerprint = fingerprint(blocks, i);
            int slot = find(fingerprint);
            if (slot < 0) {
                slot = -slot - 1;
                fingerprints[slot] = fingerprint;
                used++;
            }
            until[slot] = FOREVER;
        }
        return Outcome.NEW;
    }

    /** Shortens how long each block is kept to {@code untilSeconds} (Unix seconds), never lengthens it. */
    synchronized void settle(HeaderBlocks blocks, long[] untilSeconds) {
        for (int i = 0; i < Math.min(blocks.recorded(), untilSeconds.length); i++) {
            int slot = find(fingerprint(blocks, i));
            if (slot >= 0) {
                until[slot] = Math.min(until[slot], relative(untilSeconds[i]));
            }
        }
    }

    /** Slots in use (blocks kept, and expired ones not yet swept). */
    synchronized int used() {
        return used;
    }

    /**
     * Drops expired blocks; true when {@code needed} more then fit. A sweep that freed almost nothing last time is not
     * repeated at every header (each costs a pass over the table): the table is full then.
     */
    private boolean sweep(int at, int needed) {
        if (freedBySweep < capacity / 100 && used + needed > capacity) {
            freedBySweep = Integer.MAX_VALUE; // try again after the next key's first fill
            return false;
        }
        int before = used;
        rehash(fingerprints.length, at);
        freedBySweep = before - used;
        return used + needed <= capacity;
    }

    /** The blocks kept at {@code at} or later, into arrays of {@code slots}. */
    private void rehash(int slots, int at) {
        long[] oldFingerprints = fingerprints;
        int[] oldUntil = until;
        fingerprints = new long[slots];
        until = new int[slots];
        used = 0;
        for (int slot = 0; slot < oldFingerprints.length; slot++) {
            if (oldFingerprints[slot] != 0 && oldUntil[slot] >= at) {
                int free = -find(oldFingerprints[slot]) - 1;
                fingerprints[free] = oldFingerprints[slot];
                until[free] = oldUntil[slot];
                used++;
            }
        }
    }

    /** The slot holding {@code fingerprint}, or {@code -(free slot) - 1}. */
    private int find(long fingerprint) {
        int mask = fingerprints.length - 1;
        int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (fingerprints[slot] != 0) {
            if (fingerprints[slot] == fingerprint) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -slot - 1;
    }

    /** 64 bits of the digest; 0 marks a free slot, so a digest whose bits are all zero takes 1. */
    private static long fingerprint(HeaderBlocks blocks, int i) {
        long high = blocks.high(i);
        return high == 0 ? 1 : high;
    }

    private int relative(long seconds) {
        return (int) Math.max(0, Math.min(FOREVER - 1L, seconds - origin));
    }
}
