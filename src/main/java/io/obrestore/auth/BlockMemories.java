package io.obrestore.auth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Chooses the block memory {@code obrestore.auth.block-memory-store} names. */
@ApplicationScoped
public class BlockMemories {

    private static final Logger LOG = Logger.getLogger(BlockMemories.class);

    @Produces
    @Singleton
    BlockMemory blockMemory(ServiceConfig config, Instance<ReactiveRedisDataSource> redis, MeterRegistry registry) {
        if (config.auth().blockMemoryStore() == ServiceConfig.BlockMemoryStore.REDIS) {
            LOG.info("Header blocks are remembered in Redis, shared by every replica that uses it");
            return new RedisBlockMemory(redis.get());
        }
        LocalBlockMemory local = new LocalBlockMemory(config.auth().blockMemory());
        Gauge.builder("obrestore.auth.block.memory.blocks", local, LocalBlockMemory::size)
                .description("RSA blocks of checked headers this process remembers (refused in any later header)")
                .register(registry);
        Gauge.builder("obrestore.auth.block.memory.capacity", config.auth(), auth -> auth.blockMemory())
                .description("obrestore.auth.block-memory: blocks the memory holds at most").register(registry);
        return local;
    }
}
