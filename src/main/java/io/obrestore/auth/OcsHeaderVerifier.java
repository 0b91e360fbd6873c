package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.CredentialVerifier.HeaderKind;
import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * obshell's checks on one auth header (docs/auth-protocol.md §4), with ours around them, in this order: size and
 * block count before any RSA work; decrypt the header (one answer for every failure); refuse a header holding a block
 * of one already checked (the block memory); then obshell's body, uri, ts and password checks, with a bound on how
 * far ahead {@code ts} may lie. Free of HTTP types, so the benchmark measures this very code.
 *
 * <p>The memory step sits between {@link #decode} and {@link #finish} because the shared memory answers
 * asynchronously; the local one answers at once.
 */
@ApplicationScoped
public class OcsHeaderVerifier {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final OcsHeaderCodec codec;
    private final CredentialVerifier verifier;
    private final int maxHeaderBytes;
    private final int maxHeaderBlocks;
    private final DecodedHeader.Horizons horizons;

    @Inject
    public OcsHeaderVerifier(OcsHeaderCodec codec, CredentialVerifier verifier, ServiceConfig config) {
        this(codec, verifier, config.auth().maxHeaderBytes(), config.auth().maxHeaderBlocks(),
                new DecodedHeader.Horizons(config.auth().maxLifetime().toSeconds(), config.auth().clockSkew().toSeconds(),
                        config.auth().passwordBlockRetention().toSeconds()));
    }

    OcsHeaderVerifier(OcsHeaderCodec codec, CredentialVerifier verifier, int maxHeaderBytes, int maxHeaderBlocks,
            DecodedHeader.Horizons horizons) {
        this.codec = codec;
        this.verifier = verifier;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderBlocks = maxHeaderBlocks;
        this.horizons = horizons;
    }

    /** RSA blocks the value would cost to decrypt, known from its length alone (0 for an oversized value). */
    public int blocksIn(String value) {
        return value.length() > maxHeaderBytes ? 0 : codec.blocksIn(value);
    }

    /**
     * Size checks, then the header decrypted and parsed.
     *
     * @throws ApiException 431 {@code Request.Header.TooLarge} before any RSA work, or 401 {@code DecryptFailed}
     */
    public DecodedHeader decode(HeaderKind kind, String value) {
        if (value.length() > maxHeaderBytes) {
            throw new ApiException(ErrorCode.HEADER_TOO_LARGE, kind.headerName(), maxHeaderBytes + " bytes");
        }
        if (codec.blocksIn(value) > maxHeaderBlocks) {
            // No header of this service's SDK clients needs more; each block costs a private-key operation.
            throw new ApiException(ErrorCode.HEADER_TOO_LARGE, kind.headerName(), maxHeaderBlocks + " RSA blocks");
        }
        return codec.decode(value);
    }

    /** The header's blocks and how long the memory must refuse each, for a request received at {@code now}. */
    public List<HeaderBlock> blocksToRemember(DecodedHeader header, long now) {
        return header.remembered(now, verifier.isSecret(header.header().password()), horizons);
    }

    /**
     * obshell's remaining checks, once the memory found every block new.
     *
     * @return the decrypted body, empty when {@code body} is empty
     * @throws ApiException with the error of the first check that fails
     */
    public byte[] finish(HeaderKind kind, DecodedHeader decoded, String requestTarget, byte[] body, long now) {
        OcsHeader header = decoded.header();
        byte[] plainBody = body.length > 0 ? codec.decryptBody(body, header) : body;
        if (!requestTarget.equals(header.uri())) {
            throw new ApiException(ErrorCode.URI_MISMATCH);
        }
        long expiresAt = parseTimestamp(header.ts());
        if (now > expiresAt) {
            throw new ApiException(ErrorCode.EXPIRED);
        }
        if (expiresAt - now > horizons.maxLifetime()) {
            // obshell accepts any future ts; a header that never expires is a password in all but name.
            throw new ApiException(ErrorCode.TIMESTAMP_TOO_FAR, expiresAt - now, horizons.maxLifetime());
        }
        verifier.verify(kind, header.password());
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
