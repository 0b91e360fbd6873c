package io.obrestore.auth;

import io.obrestore.auth.CredentialVerifier.HeaderKind;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Optional;

/** The service's own {@link OcsHeaderVerifier}, wired without CDI or HTTP, for the benchmark harness. */
public final class AuthBenchmarkAccess {

    private static final byte[] NO_BODY = new byte[0];

    private final AgentKeyPair keyPair;
    private final OcsHeaderVerifier verifier;

    private AuthBenchmarkAccess(AgentKeyPair keyPair, String password) {
        this.keyPair = keyPair;
        this.verifier = new OcsHeaderVerifier(new OcsHeaderCodec(keyPair),
                new CredentialVerifier(Optional.of(password), Optional.empty()), new ReplayGuard(100_000), 8192);
    }

    public static AuthBenchmarkAccess withGeneratedKey(int bits, String password) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return new AuthBenchmarkAccess(new AgentKeyPair((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate()),
                password);
    }

    public String publicKeyBase64() {
        return keyPair.publicKeyBase64();
    }

    /** Exactly what the filter runs for a body-less request to {@code uri}. */
    public void verify(String headerValue, String uri) {
        verifier.verify(HeaderKind.OCEANBASE, headerValue, uri, NO_BODY, Instant.now().getEpochSecond());
    }
}
