package io.obrestore.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * The block memory shared by replicas that share a key: one Redis, so a block one replica checked is refused by all.
 * One script per header checks and records its blocks atomically (two replicas racing with the same block: one
 * wins). Keys expire on their own ({@code EX}); Redis must run with {@code maxmemory-policy noeviction}, so a full
 * memory refuses new headers (OOM) instead of evicting young blocks. All keys carry one hash tag, so a Redis
 * Cluster keeps them in one slot, as a script over several keys requires.
 */
final class RedisBlockMemory implements BlockMemory {

    static final String KEY_PREFIX = "obrestore:{blocks}:";

    // KEYS: one per block; ARGV: seconds to keep each. 1 = all new and stored, 0 = one was there already.
    private static final String SCRIPT = """
            for i = 1, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
            end
            for i = 1, #KEYS do
              redis.call('SET', KEYS[i], '1', 'EX', ARGV[i])
            end
            return 1
            """;

    private final ReactiveRedisDataSource redis;

    RedisBlockMemory(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<Verdict> remember(List<HeaderBlock> blocks, long now) {
        if (BlockMemory.repeatsABlock(blocks)) {
            return Uni.createFrom().item(Verdict.SEEN);
        }
        List<String> args = new ArrayList<>(3 + 2 * blocks.size());
        args.add(SCRIPT);
        args.add(Integer.toString(blocks.size()));
        for (HeaderBlock block : blocks) {
            args.add(KEY_PREFIX + block.digest().hex());
        }
        for (HeaderBlock block : blocks) {
            args.add(Long.toString(Math.max(1, block.rememberUntil() - now + 1)));
        }
        return redis.execute("EVAL", args.toArray(String[]::new))
                .map(reply -> reply.toInteger() == 1 ? Verdict.NEW : Verdict.SEEN)
                .onFailure(RedisBlockMemory::outOfMemory).recoverWithItem(Verdict.FULL);
    }

    private static boolean outOfMemory(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("OOM");
    }
}
