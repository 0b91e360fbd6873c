package io.obrestore.auth.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.auth.key.AgentKey;
import io.obrestore.auth.key.ConfiguredKey;
import io.obrestore.auth.key.FasterProvider;
import io.obrestore.auth.key.KeyMaker;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.ServiceConfig.BlockMemoryStore;
import io.obrestore.config.StartupOrder;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The service's keys and the memory of their blocks, in the shape the configuration asks for (docs/auth-protocol.md
 * §7), checked before anything else touches the network:
 * <ul>
 * <li>no key configured: a key of this process only, new at every start, and a local memory;</li>
 * <li>a key configured and {@code block-memory-store=redis}: keys derived from the configured one, per epoch, shared
 * with every replica using the same Redis;</li>
 * <li>a key configured without the shared memory, or the shared memory without a configured key: refused, since
 * replicas sharing a key must share its memory (or a restart would forget what the key saw), and a shared memory
 * serves only replicas that share a key.</li>
 * </ul>
 */
@Startup(StartupOrder.AGENT_KEY)
@ApplicationScoped
public class BlockMemories {

    private final FasterProvider faster;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "obrestore-key-maker");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockMemory memory;

    @Inject
    public BlockMemories(ServiceConfig config, Instance<ReactiveRedisDataSource> redis, MeterRegistry registry) {
        ServiceConfig.Auth auth = config.auth();
        Optional<RSAPrivateCrtKey> configured = ConfiguredKey.load(auth);
        boolean shared = auth.blockMemoryStore() == BlockMemoryStore.REDIS;
        if (configured.isPresent() && !shared) {
            throw new ConfigurationException("obrestore.auth.private-key (OBRESTORE_AUTH_PRIVATE_KEY, or -file): a key"
                    + " shared by replicas needs the block memory they share, or a restart would forget every header"
                    + " it saw; set OBRESTORE_AUTH_BLOCK_MEMORY_STORE=redis, or drop the key: each start then makes a"
                    + " key of its own (docs/auth-protocol.md §7)");
        }
        if (shared && configured.isEmpty()) {
            throw new ConfigurationException("obrestore.auth.block-memory-store (OBRESTORE_AUTH_BLOCK_MEMORY_STORE)=redis"
                    + " serves replicas that share a key: set OBRESTORE_AUTH_PRIVATE_KEY on all of them, or use the"
                    + " local memory, with a key of each instance's own (docs/auth-protocol.md §7)");
        }
        ConfiguredKey.removeOldKeyFile(auth.dataDir());
        this.faster = FasterProvider.start(config, registry);
        Map<KeyChanges.Reason, Counter> counters = new EnumMap<>(KeyChanges.Reason.class);
        for (KeyChanges.Reason reason : KeyChanges.Reason.values()) {
            counters.put(reason, Counter.builder("obrestore.auth.key.changes").tag("reason", reason.name().toLowerCase())
                    .description("Times the RSA key changed while running, by reason (the SDKs fetch the new one on"
                            + " code 1)").register(registry));
        }
        KeyChanges changes = reason -> counters.get(reason).increment();
        long lifetime = auth.passwordBlockRetention().toSeconds();
        int bits = auth.keySize();
        if (shared) {
            byte[] seed = KeyMaker.seedOf(configured.get());
            this.memory = new RedisBlockMemory(redis.get(), epoch -> key(KeyMaker.derive(seed, epoch, bits)), maker,
                    lifetime, changes);
        } else {
            LocalBlockMemory local = new LocalBlockMemory(auth.blockMemory(), lifetime,
                    () -> key(KeyMaker.generate(bits)), maker, changes, Instant.now().getEpochSecond());
            this.memory = local;
            Gauge.builder("obrestore.auth.block.memory.blocks", local, LocalBlockMemory::size)
                    .description("RSA blocks of headers this process remembers under the current key (refused in any"
                            + " later header)").register(registry);
            Gauge.builder("obrestore.auth.block.memory.capacity", auth, a -> a.blockMemory())
                    .description("obrestore.auth.block-memory: blocks the memory holds per key; full, the key changes")
                    .register(registry);
        }
    }

    /** The block memory, holding the current key. */
    public BlockMemory memory() {
        return memory;
    }

    /** Bytes per RSA block of every key in use. */
    public static int blockSize(ServiceConfig config) {
        return config.auth().keySize() / 8;
    }

    private AgentKey key(RSAPrivateCrtKey privateKey) {
        return new AgentKey(privateKey, faster.providers());
    }

    @PreDestroy
    void stop() {
        faster.stop();
        maker.shutdownNow();
    }
}
