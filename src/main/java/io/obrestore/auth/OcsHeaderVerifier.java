package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.CredentialVerifier.HeaderKind;
import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * obshell's checks on one auth header, in obshell's order (docs/auth-protocol.md §4): size, decrypt header, decrypt
 * body, uri, ts, password; then our replay refusal. Free of HTTP types, so the benchmark measures this very code.
 */
@ApplicationScoped
public class OcsHeaderVerifier {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final OcsHeaderCodec codec;
    private final CredentialVerifier verifier;
    private final ReplayGuard replayGuard;
    private final int maxHeaderBytes;

    @Inject
    public OcsHeaderVerifier(OcsHeaderCodec codec, CredentialVerifier verifier, ReplayGuard replayGuard,
            ServiceConfig config) {
        this(codec, verifier, replayGuard, config.auth().maxHeaderBytes());
    }

    OcsHeaderVerifier(OcsHeaderCodec codec, CredentialVerifier verifier, ReplayGuard replayGuard, int maxHeaderBytes) {
        this.codec = codec;
        this.verifier = verifier;
        this.replayGuard = replayGuard;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * Verifies {@code value} for a request to {@code requestTarget} (the raw path plus query) received at
     * {@code now} (Unix seconds).
     *
     * @return the decrypted body, empty when {@code body} is empty
     * @throws ApiException with obshell's error for the first check that fails
     */
    public byte[] verify(HeaderKind kind, String value, String requestTarget, byte[] body, long now) {
        if (value.length() > maxHeaderBytes) {
            throw new ApiException(ErrorCode.HEADER_TOO_LARGE, kind.headerName(), maxHeaderBytes);
        }
        OcsHeader header = codec.decode(value);
        byte[] plainBody = body.length > 0 ? codec.decryptBody(body, header) : body;
        if (!requestTarget.equals(header.uri())) {
            throw new ApiException(ErrorCode.URI_MISMATCH);
        }
        long expiresAt = parseTimestamp(header.ts());
        if (now > expiresAt) {
            throw new ApiException(ErrorCode.EXPIRED);
        }
        verifier.verify(kind, header.password());
        if (!replayGuard.firstUse(value, expiresAt, now)) {
            throw new ApiException(ErrorCode.REPLAYED);
        }
        return plainBody;
    }

    /** Go's {@code strconv.ParseInt(ts, 10, 64)}, with Go's error wording. */
    private static long parseTimestamp(String ts) {
        String text = ts == null ? "" : ts;
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            String reason = INTEGER.matcher(text).matches() ? "value out of range" : "invalid syntax";
            throw new ApiException(ErrorCode.TIMESTAMP_INVALID, text, text, reason);
        }
    }
}
