package io.obrestore.auth;

import io.obrestore.auth.CredentialVerifier.HeaderKind;
import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The service's own header checks as {@link OcsHeaderFilter} runs them (throttle, decode, block memory, obshell's
 * checks), wired without CDI or HTTP, for the benchmark harness.
 */
public final class AuthBenchmarkAccess {

    private static final byte[] NO_BODY = new byte[0];

    private final AgentKey key;
    private final OcsHeaderVerifier verifier;
    private final LocalBlockMemory memory = new LocalBlockMemory(1_000_000);
    private final GuessThrottle throttle;

    private AuthBenchmarkAccess(AgentKey key, String password) {
        this.key = key;
        this.verifier = new OcsHeaderVerifier(new OcsHeaderCodec(key),
                new CredentialVerifier(Optional.of(password), Optional.empty()), 8192, 16,
                new DecodedHeader.Horizons(300, 60, 86_400));
        this.throttle = new GuessThrottle(TestThrottles.defaults(), System.nanoTime());
    }

    /** A fresh key of {@code bits}, decrypted by the provider {@code choice} selects. */
    public static AuthBenchmarkAccess withGeneratedKey(int bits, String password, RsaProviderChoice choice)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return new AuthBenchmarkAccess(new AgentKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate(),
                RsaProvider.select(choice)), password);
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
        long now = Instant.now().getEpochSecond();
        GuessThrottle.Permit permit = throttle.admit("127.0.0.1", verifier.blocksIn(headerValue), System.nanoTime());
        DecodedHeader decoded = verifier.decode(HeaderKind.OCEANBASE, headerValue);
        if (memory.rememberNow(verifier.blocksToRemember(decoded, now), now) != BlockMemory.Verdict.NEW) {
            throw new IllegalStateException("a fresh header was refused by the block memory");
        }
        verifier.finish(HeaderKind.OCEANBASE, decoded, uri, NO_BODY, now);
        throttle.succeeded(permit, System.nanoTime());
    }
}
