package io.obrestore.auth.replay;

import io.obrestore.auth.header.HeaderBlocks;
import io.obrestore.auth.key.AgentKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The block memory of one process, with a key of its own that no other process or earlier start ever had: a restart
 * forgets every block and the key with them (docs/auth-protocol.md §7). A full memory, or one older than the key's
 * lifetime, starts a new key with an empty memory instead of refusing headers; the next key is made in the background
 * beforehand, so the change is immediate.
 */
public final class LocalBlockMemory implements BlockMemory {

    private static final Logger LOG = Logger.getLogger(LocalBlockMemory.class);
    private static final CompletableFuture<Verdict> NEW = CompletableFuture.completedFuture(Verdict.NEW);
    private static final CompletableFuture<Verdict> SEEN = CompletableFuture.completedFuture(Verdict.SEEN);
    private static final CompletableFuture<Verdict> KEY_CHANGED = CompletableFuture.completedFuture(Verdict.KEY_CHANGED);

    private final int capacity;
    private final long lifetimeSeconds;
    private final Supplier<AgentKey> keys;
    private final Executor maker;
    private final KeyChanges changes;
    // Replaced when the key changes; requests hold the epoch they started with.
    private volatile CompletableFuture<LocalEpoch> current;
    private CompletableFuture<AgentKey> next;

    /** One key and its blocks. */
    private record LocalEpoch(AgentKey key, long born, BlockTable table) implements Epoch {
    }

    /**
     * A memory of {@code capacity} blocks per key; a key lives at most {@code lifetimeSeconds}. {@code keys} makes a
     * fresh key on {@code maker}'s threads, never on the caller's.
     */
    public LocalBlockMemory(int capacity, long lifetimeSeconds, Supplier<AgentKey> keys, Executor maker,
            KeyChanges changes, long now) {
        this(capacity, lifetimeSeconds, keys, maker, changes, now, null);
    }

    /** With {@code first} as the first key (tests, benchmarks); fresh keys from {@code keys} after it. */
    public LocalBlockMemory(int capacity, long lifetimeSeconds, Supplier<AgentKey> keys, Executor maker,
            KeyChanges changes, long now, AgentKey first) {
        this.capacity = capacity;
        this.lifetimeSeconds = lifetimeSeconds;
        this.keys = keys;
        this.maker = maker;
        this.changes = changes;
        CompletableFuture<AgentKey> firstKey = first != null ? CompletableFuture.completedFuture(first)
                : CompletableFuture.supplyAsync(keys, maker);
        this.current = firstKey.thenApply(key -> new LocalEpoch(key, now, new BlockTable(capacity, now)));
        this.next = makeKey();
    }

    @Override
    public CompletionStage<? extends Epoch> epoch(long now) {
        CompletableFuture<LocalEpoch> epoch = current;
        LocalEpoch ready = epoch.getNow(null);
        if (ready != null && now - ready.born() >= lifetimeSeconds) {
            change(ready, now, "the key is " + lifetimeSeconds + " s old (obrestore.auth.password-block-retention)",
                    KeyChanges.Reason.AGE);
            epoch = current;
        }
        return epoch;
    }

    @Override
    public CompletionStage<Verdict> record(Epoch epoch, HeaderBlocks blocks, long now) {
        LocalEpoch local = (LocalEpoch) epoch;
        if (current.getNow(null) != local) {
            return KEY_CHANGED;
        }
        if (blocks.repeatsABlock()) {
            return SEEN;
        }
        return switch (local.table().record(blocks, now)) {
            case NEW -> NEW;
            case SEEN -> SEEN;
            case FULL -> {
                change(local, now, "the header block memory is full (obrestore.auth.block-memory=" + capacity + ")",
                        KeyChanges.Reason.FULL);
                yield KEY_CHANGED;
            }
        };
    }

    @Override
    public void settle(Epoch epoch, HeaderBlocks blocks, long[] until) {
        ((LocalEpoch) epoch).table().settle(blocks, until);
    }

    /** Blocks remembered now in the current epoch, for the gauge. */
    public long size() {
        LocalEpoch epoch = current.getNow(null);
        return epoch == null ? 0 : epoch.table().used();
    }

    /** Ends {@code ending} (once, whoever asks first): the next key takes over with an empty memory. */
    private synchronized void change(LocalEpoch ending, long now, String why, KeyChanges.Reason reason) {
        if (current.getNow(null) != ending) {
            return;
        }
        current = next.thenApply(key -> new LocalEpoch(key, now, new BlockTable(capacity, now)));
        next = makeKey();
        changes.changed(reason);
        LOG.infof("New RSA key: %s; clients fetch it on their next request (code 1)", why);
    }

    private CompletableFuture<AgentKey> makeKey() {
        return CompletableFuture.supplyAsync(keys, maker);
    }
}
