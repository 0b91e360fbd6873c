package io.obrestore.auth;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.obrestore.auth.header.DecodedHeader;
import io.obrestore.auth.key.AgentKey;
import io.obrestore.auth.key.KeyMaker;
import io.obrestore.auth.key.RsaProvider;
import io.obrestore.auth.key.RsaProviders;
import io.obrestore.auth.replay.KeyChanges;
import io.obrestore.auth.replay.LocalBlockMemory;
import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own auth pipeline ({@link AuthPipeline}: blocks recorded in the local memory, throttle, decryption,
 * obshell's checks) wired without CDI or HTTP, for the benchmark harness.
 */
public final class AuthBenchmarkAccess {

    private static final byte[] NO_BODY = new byte[0];

    private final AgentKey key;
    private final AuthPipeline pipeline;

    private AuthBenchmarkAccess(AgentKey key, String password, int capacity) {
        this.key = key;
        this.pipeline = new AuthPipeline(new LocalBlockMemory(capacity, 86_400, () -> {
            throw new IllegalStateException("the benchmark sizes the memory so that the key never changes");
        }, Runnable::run, KeyChanges.NONE, Instant.now().getEpochSecond(), key),
                new GuessThrottle(TestThrottles.defaults(), System.nanoTime()),
                new CredentialVerifier(Optional.of(password), Optional.empty()), RsaThreads.onCallingThread(),
                new AuthMetrics(new SimpleMeterRegistry()), key.blockSize(), 8192, 16,
                new DecodedHeader.Horizons(300, 60, 86_400));
    }

    /** A fresh key of {@code bits}, decrypted by the provider {@code choice} selects, remembering {@code capacity}. */
    public static AuthBenchmarkAccess withGeneratedKey(int bits, String password, RsaProviderChoice choice,
            int capacity) {
        return new AuthBenchmarkAccess(new AgentKey(KeyMaker.generate(bits),
                RsaProviders.startingWith(RsaProvider.select(choice))), password, capacity);
    }

    /** The provider that decrypts, as the service logs it. */
    public String provider() {
        return key.provider().description();
    }

    public String publicKeyBase64() {
        return key.publicKeyBase64();
    }

    /** Exactly what the filter runs for a body-less request to {@code uri} from a client that authenticates. */
    public void verify(String headerValue, String uri) {
        AuthPipeline.join(pipeline.check(new AuthPipeline.Request(HeaderKind.OCEANBASE, headerValue, "127.0.0.1", uri,
                Instant.now().getEpochSecond(), () -> NO_BODY)));
    }
}
