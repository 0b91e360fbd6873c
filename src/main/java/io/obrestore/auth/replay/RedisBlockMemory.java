package io.obrestore.auth.replay;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.header.HeaderBlocks;
import io.obrestore.auth.key.AgentKey;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.mutiny.redis.client.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The block memory shared by replicas that share a key seed (docs/auth-protocol.md §7): one Redis holds the current
 * epoch's marker, {@code <id>:<Redis run_id>}, and every block sent to that epoch's key, which each replica derives
 * from the seed and the id alike. One script per header checks the marker and checks and records the blocks
 * atomically (of two replicas racing with one block, one wins). When the memory is lost, the marker is lost with it,
 * or carries the run_id of another Redis run (a restart, a restored snapshot, a failover): the next header sees it and
 * a new epoch, with a new key, begins. A full Redis also begins a new epoch (dropping the old one's blocks), and a
 * replica that could not record headers while Redis was unreachable begins one as soon as it can again, so none of the
 * headers it refused meanwhile can be used later.
 *
 * <p>Blocks wait in one hash per epoch until their header decrypted; then each moves to a key of its own that
 * expires when the block can no longer be used. All keys carry the hash tag {@code {blocks}}, so a Redis Cluster
 * keeps them in one slot, as scripts over several keys require. Redis must not evict keys ({@code noeviction}):
 * checked at start.
 */
public final class RedisBlockMemory implements BlockMemory {

    static final String PREFIX = "obrestore:{blocks}:";
    static final String MARKER = PREFIX + "epoch";

    private static final Logger LOG = Logger.getLogger(RedisBlockMemory.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern POLICY = Pattern.compile("maxmemory_policy:(\\S+)");
    private static final Duration START_WAIT = Duration.ofSeconds(10);

    // KEYS: marker, this epoch's hash. ARGV: this epoch's marker, prefix of settled blocks, prefix of hashes, digests.
    // {1}: all new and recorded; {2}: one was there; {0, marker}: this epoch is over (marker: Redis's, or ''). A header
    // that meets an epoch that is over may have been made for the newer one's key (its client met a replica that
    // moved first): it is recorded there before it is refused, like any other.
    private static final String RECORD = """
            local run = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
            local marker = redis.call('GET', KEYS[1])
            if (not marker) or marker ~= ARGV[1] or string.sub(marker, -#run) ~= run then
              if marker and string.sub(marker, -#run) == run then
                local newer = ARGV[3] .. string.match(marker, '^(%x+):')
                for i = 4, #ARGV do
                  redis.call('HSET', newer, ARGV[i], '1')
                end
              end
              return {0, marker or ''}
            end
            for i = 4, #ARGV do
              if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 or redis.call('EXISTS', ARGV[2] .. ARGV[i]) == 1 then
                return {2}
              end
            end
            for i = 4, #ARGV do
              redis.call('HSET', KEYS[2], ARGV[i], '1')
            end
            return {1}
            """;

    // KEYS: marker, the caller's epoch's hash. ARGV: the caller's marker ('' for none), '1' to end it even if it is
    // still current, a fresh id, the epoch's lifetime (s), the hashes' prefix. Runs on a full Redis (allow-oom): it
    // frees the old epoch's waiting blocks. Returns the marker in force afterwards.
    private static final String ESTABLISH = """
            #!lua flags=allow-oom
            local run = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
            local marker = redis.call('GET', KEYS[1])
            local valid = marker and string.sub(marker, -#run) == run
            if valid and (marker ~= ARGV[1] or ARGV[2] ~= '1') then
              return marker
            end
            if marker then
              redis.call('DEL', KEYS[2])
            end
            local fresh = ARGV[3] .. ':' .. run
            redis.call('SET', KEYS[1], fresh, 'EX', ARGV[4])
            local hash = ARGV[5] .. ARGV[3]
            redis.call('HSET', hash, '-', '1')
            redis.call('EXPIRE', hash, tonumber(ARGV[4]) + 60)
            return fresh
            """;

    // KEYS: this epoch's hash. ARGV: prefix of settled blocks, then digest, seconds, digest, seconds ... Each block
    // still waiting moves to a key of its own; SET before HDEL, so a failure leaves it where it was.
    private static final String SETTLE = """
            for i = 2, #ARGV, 2 do
              if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
                redis.call('SET', ARGV[1] .. ARGV[i], '1', 'EX', ARGV[i + 1])
                redis.call('HDEL', KEYS[1], ARGV[i])
              end
            end
            return 1
            """;

    private static final CompletableFuture<Verdict> NEW = CompletableFuture.completedFuture(Verdict.NEW);
    private static final CompletableFuture<Verdict> SEEN = CompletableFuture.completedFuture(Verdict.SEEN);

    /** One epoch as this replica knows it. */
    private record SharedEpoch(String id, String marker, AgentKey key) implements Epoch {
        String hash() {
            return PREFIX + id;
        }

        String settledPrefix() {
            return PREFIX + id + ":";
        }
    }

    private final ReactiveRedisDataSource redis;
    private final Function<String, AgentKey> keys;
    private final Executor maker;
    private final long lifetimeSeconds;
    private final KeyChanges changes;
    private volatile CompletableFuture<SharedEpoch> current;
    // Guarded by this: the epoch being moved to, so concurrent headers wait for one move.
    private CompletableFuture<SharedEpoch> moving;
    private volatile boolean unrecorded;
    private volatile long warnedAt;

    /**
     * Joins the epoch in force (or begins one), blocking: called while the application starts. {@code keys} derives an
     * epoch's key from its id on {@code maker}'s threads.
     *
     * @throws ConfigurationException when Redis evicts keys or cannot be reached within 10 s
     */
    public RedisBlockMemory(ReactiveRedisDataSource redis, Function<String, AgentKey> keys, Executor maker,
            long lifetimeSeconds, KeyChanges changes) {
        this.redis = redis;
        this.keys = keys;
        this.maker = maker;
        this.lifetimeSeconds = lifetimeSeconds;
        this.changes = changes;
        String policy = startCall(() -> redis.execute("INFO", "memory").await().atMost(START_WAIT).toString());
        Matcher matcher = POLICY.matcher(policy);
        String found = matcher.find() ? matcher.group(1) : "unknown";
        if (!found.equals("noeviction")) {
            throw new ConfigurationException("quarkus.redis.hosts: this Redis may evict keys (maxmemory-policy " + found
                    + "), which would forget header blocks unnoticed; run it with --maxmemory-policy noeviction"
                    + " (docker/k8s/redis-block-memory.yaml)");
        }
        String marker = startCall(() -> establish("", "", false).await().atMost(START_WAIT));
        SharedEpoch first = new SharedEpoch(idOf(marker), marker, keys.apply(idOf(marker)));
        this.current = CompletableFuture.completedFuture(first);
        LOG.infof("Header blocks are remembered in Redis, shared by every replica of this key seed (epoch %s)",
                first.id().substring(0, 8));
    }

    /** The epoch in force, or the one this replica is moving to (a client that got code 1 must get its key). */
    @Override
    public CompletionStage<? extends Epoch> epoch(long now) {
        CompletableFuture<SharedEpoch> next;
        synchronized (this) {
            next = moving;
        }
        CompletableFuture<SharedEpoch> epoch = next == null ? current
                : next.handle((moved, failure) -> moved != null ? moved : current.join());
        return epoch;
    }

    @Override
    public CompletionStage<Verdict> record(Epoch epoch, HeaderBlocks blocks, long now) {
        SharedEpoch shared = (SharedEpoch) epoch;
        if (current.getNow(null) != shared) {
            return CompletableFuture.completedFuture(Verdict.KEY_CHANGED);
        }
        if (blocks.repeatsABlock()) {
            return SEEN;
        }
        if (unrecorded) {
            // Headers were refused unrecorded while Redis could not be reached: they must never pass, so their key goes.
            return moveOn(shared, true, KeyChanges.Reason.UNREACHABLE, "headers went unrecorded while the shared block"
                    + " memory was unreachable").thenApply(moved -> Verdict.KEY_CHANGED);
        }
        if (blocks.recorded() == 0) {
            return NEW;
        }
        List<String> args = new ArrayList<>(6 + blocks.recorded());
        args.add(RECORD);
        args.add("2");
        args.add(MARKER);
        args.add(shared.hash());
        args.add(shared.marker());
        args.add(shared.settledPrefix());
        args.add(PREFIX);
        for (int i = 0; i < blocks.recorded(); i++) {
            args.add(blocks.hex(i));
        }
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        redis.execute("EVAL", args.toArray(String[]::new)).subscribe().with(reply -> {
            int outcome = reply.get(0).toInteger();
            if (outcome == 1) {
                verdict.complete(Verdict.NEW);
            } else if (outcome == 2) {
                verdict.complete(Verdict.SEEN);
            } else {
                moveOn(shared, false, KeyChanges.Reason.LOST, "the shared block memory lost this key's epoch");
                verdict.complete(Verdict.KEY_CHANGED);
            }
        }, failure -> {
            if (outOfMemory(failure)) {
                moveOn(shared, true, KeyChanges.Reason.FULL, "the shared block memory is full (Redis maxmemory)");
                verdict.complete(Verdict.KEY_CHANGED);
            } else {
                verdict.completeExceptionally(unreachable(failure));
            }
        });
        return verdict;
    }

    @Override
    public void settle(Epoch epoch, HeaderBlocks blocks, long[] until) {
        SharedEpoch shared = (SharedEpoch) epoch;
        long now = System.currentTimeMillis() / 1000;
        List<String> args = new ArrayList<>(4 + 2 * blocks.recorded());
        args.add(SETTLE);
        args.add("1");
        args.add(shared.hash());
        args.add(shared.settledPrefix());
        for (int i = 0; i < Math.min(blocks.recorded(), until.length); i++) {
            if (until[i] - now < lifetimeSeconds) {
                args.add(blocks.hex(i));
                args.add(Long.toString(Math.max(1, until[i] - now + 1)));
            }
        }
        if (args.size() > 4) {
            // Not waited for: if it fails, the blocks stay in the epoch's hash, i.e. longer than needed.
            redis.execute("EVAL", args.toArray(String[]::new)).subscribe().with(ignored -> { }, ignored -> { });
        }
    }

    /**
     * Moves this replica past {@code from}: to the epoch Redis has now, or to a new one when Redis has none (or one of
     * an earlier run), or when {@code end} asks to end {@code from} itself. One move at a time; a failed move keeps
     * {@code from} (and the reason to move stays).
     */
    private synchronized CompletableFuture<SharedEpoch> moveOn(SharedEpoch from, boolean end, KeyChanges.Reason reason,
            String why) {
        if (moving != null) {
            return moving;
        }
        if (current.getNow(null) != from) {
            return current;
        }
        CompletableFuture<SharedEpoch> next = new CompletableFuture<>();
        moving = next;
        establish(from.marker(), from.hash(), end).subscribe().with(marker -> CompletableFuture
                .supplyAsync(() -> new SharedEpoch(idOf(marker), marker, keys.apply(idOf(marker))), maker)
                .whenComplete((epoch, failure) -> moved(next, epoch, failure, reason, why)),
                failure -> moved(next, null, unreachable(failure), reason, why));
        return next;
    }

    private synchronized void moved(CompletableFuture<SharedEpoch> next, SharedEpoch epoch, Throwable failure,
            KeyChanges.Reason reason, String why) {
        moving = null;
        if (epoch == null) {
            next.completeExceptionally(failure);
            return;
        }
        SharedEpoch before = current.getNow(null);
        if (before == null || !before.id().equals(epoch.id())) {
            current = CompletableFuture.completedFuture(epoch);
            unrecorded = false;
            changes.changed(reason);
            LOG.infof("New RSA key (epoch %s): %s; clients fetch it on their next request (code 1)",
                    epoch.id().substring(0, 8), why);
        }
        next.complete(current.getNow(epoch));
    }

    private io.smallrye.mutiny.Uni<String> establish(String marker, String hash, boolean end) {
        return redis.execute("EVAL", ESTABLISH, "2", MARKER, hash.isEmpty() ? PREFIX + "none" : hash, marker,
                end ? "1" : "0", newId(), Long.toString(lifetimeSeconds), PREFIX).map(Response::toString);
    }

    private ApiException unreachable(Throwable failure) {
        unrecorded = true;
        long now = System.nanoTime();
        if (now - warnedAt > Duration.ofMinutes(1).toNanos()) {
            warnedAt = now;
            LOG.warnf("The shared block memory did not answer (%s): headers are refused (503) until it does, then"
                    + " the key changes", failure.getMessage());
        }
        return new ApiException(ErrorCode.AUTH_UNAVAILABLE, "the shared block memory is unreachable");
    }

    private static boolean outOfMemory(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("OOM");
    }

    private static String idOf(String marker) {
        return marker.substring(0, marker.indexOf(':'));
    }

    private static String newId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static <T> T startCall(java.util.function.Supplier<T> call) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                return call.get();
            } catch (ConfigurationException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ConfigurationException("quarkus.redis.hosts: the Redis of the shared block memory did not answer"
                + " within " + START_WAIT.toSeconds() + " s (" + (last == null ? "interrupted" : last.getMessage()) + ")");
    }
}
