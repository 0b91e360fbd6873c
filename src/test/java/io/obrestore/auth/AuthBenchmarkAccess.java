package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.auth.CredentialVerifier.HeaderKind;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.Optional;

/** The header verification steps of {@link OcsHeaderFilter}, without HTTP, for the benchmark harness. */
public final class AuthBenchmarkAccess {

    private final AgentKeyPair keyPair;
    private final OcsHeaderCodec codec;
    private final CredentialVerifier verifier;
    private final ReplayGuard replayGuard = new ReplayGuard(100_000);

    private AuthBenchmarkAccess(AgentKeyPair keyPair, String password) {
        this.keyPair = keyPair;
        this.codec = new OcsHeaderCodec(keyPair);
        this.verifier = new CredentialVerifier(Optional.of(password), Optional.empty());
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

    /** Decrypt, parse, check uri, ts, password and replay, as the filter does. */
    public void verify(String headerValue, String uri) {
        long now = Instant.now().getEpochSecond();
        OcsHeader header = codec.decode(headerValue);
        if (!uri.equals(header.uri())) {
            throw new ApiException(io.obrestore.api.ErrorCode.URI_MISMATCH);
        }
        if (now > Long.parseLong(header.ts())) {
            throw new ApiException(io.obrestore.api.ErrorCode.EXPIRED);
        }
        verifier.verify(HeaderKind.OCEANBASE, header.password());
        if (!replayGuard.firstUse(headerValue, Long.parseLong(header.ts()), now)) {
            throw new ApiException(io.obrestore.api.ErrorCode.REPLAYED);
        }
    }
}
