package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.header.DecodedHeader;
import io.obrestore.auth.header.OcsHeader;
import io.obrestore.auth.header.OcsHeaderCodec;
import java.util.regex.Pattern;

/**
 * obshell's checks on a header that decrypted, in obshell's order (docs/auth-protocol.md §4): the body, the uri, the
 * ts, the password, with a bound on how far ahead {@code ts} may lie (ours). Free of HTTP types.
 */
final class ObshellChecks {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final CredentialVerifier passwords;
    private final long maxLifetime;

    ObshellChecks(CredentialVerifier passwords, long maxLifetimeSeconds) {
        this.passwords = passwords;
        this.maxLifetime = maxLifetimeSeconds;
    }

    /**
     * Passes, returning the decrypted body (empty when {@code body} is), or throws the error of the first check that
     * fails.
     */
    byte[] check(HeaderKind kind, DecodedHeader decoded, byte[] passwordDigest, String requestTarget, byte[] body,
            long now) {
        OcsHeader header = decoded.header();
        byte[] plainBody = body.length > 0 ? OcsHeaderCodec.decryptBody(body, header) : body;
        if (!requestTarget.equals(header.uri())) {
            throw new ApiException(ErrorCode.URI_MISMATCH);
        }
        long expiresAt = parseTimestamp(header.ts());
        if (now > expiresAt) {
            throw new ApiException(ErrorCode.EXPIRED);
        }
        if (expiresAt - now > maxLifetime) {
            // obshell accepts any future ts; a header that never expires is a password in all but name.
            throw new ApiException(ErrorCode.TIMESTAMP_TOO_FAR, expiresAt - now, maxLifetime);
        }
        passwords.verify(kind, passwordDigest);
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
