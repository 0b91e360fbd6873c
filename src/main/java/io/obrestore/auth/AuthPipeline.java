package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.header.DecodedHeader;
import io.obrestore.auth.header.HeaderBlocks;
import io.obrestore.auth.header.OcsHeaderCodec;
import io.obrestore.auth.replay.BlockMemories;
import io.obrestore.auth.replay.BlockMemory;
import io.obrestore.auth.replay.BlockMemory.Verdict;
import io.obrestore.auth.replay.Epoch;
import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one path every auth header walks (docs/auth-protocol.md §4), free of HTTP types:
 * <ol>
 * <li><b>decode</b>: cut it into RSA ciphertext blocks and digest each, no RSA work;</li>
 * <li>the guess throttle admits the check, or refuses it (429) once the header's first block is remembered;</li>
 * <li><b>remember</b>: record the blocks in the block memory, before any other refusal could leave the header
 * unused, and learn whether one was seen before or the key it was made for is gone; the size limits apply (431), a
 * replay is refused;</li>
 * <li><b>decrypt</b> (the RSA work, on the event loop or the RSA threads) and tell the memory how long its blocks must
 * still be refused;</li>
 * <li><b>finish</b>: obshell's checks ({@link ObshellChecks}).</li>
 * </ol>
 * The throttle's permit is settled in one place, at the end: a success, a failed guess, or neither when the check
 * could not be made for reasons that are not the client's (the key changed, the RSA threads were busy).
 */
@ApplicationScoped
public class AuthPipeline {

    private static final Logger LOG = Logger.getLogger(AuthPipeline.class);

    /**
     * One header to check.
     *
     * @param client the throttle's key of the client address ({@link GuessThrottle#clientKey})
     * @param target the raw request-target the header's {@code uri} must equal
     * @param now Unix second the request arrived
     * @param body the request body as buffered, empty when there is none
     */
    public record Request(HeaderKind kind, String value, String client, String target, long now,
            Supplier<byte[]> body) {
    }

    /** An answer that is no failed guess: the throttle gets the permit back. */
    private static final class NotAGuess extends RuntimeException {
        private final ApiException answer;

        NotAGuess(ApiException answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private final BlockMemory memory;
    private final GuessThrottle throttle;
    private final CredentialVerifier passwords;
    private final ObshellChecks checks;
    private final RsaThreads rsa;
    private final AuthMetrics metrics;
    private final int blockSize;
    private final int maxHeaderBytes;
    private final int maxHeaderBlocks;
    private final DecodedHeader.Horizons horizons;

    @Inject
    public AuthPipeline(BlockMemories memories, GuessThrottle throttle, CredentialVerifier passwords, RsaThreads rsa,
            AuthMetrics metrics, ServiceConfig config) {
        this(memories.memory(), throttle, passwords, rsa, metrics, BlockMemories.blockSize(config),
                config.auth().maxHeaderBytes(), config.auth().maxHeaderBlocks(), horizons(config));
    }

    AuthPipeline(BlockMemory memory, GuessThrottle throttle, CredentialVerifier passwords, RsaThreads rsa,
            AuthMetrics metrics, int blockSize, int maxHeaderBytes, int maxHeaderBlocks, DecodedHeader.Horizons horizons) {
        this.memory = memory;
        this.throttle = throttle;
        this.passwords = passwords;
        this.checks = new ObshellChecks(passwords, horizons.maxLifetime());
        this.rsa = rsa;
        this.metrics = metrics;
        this.blockSize = blockSize;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderBlocks = maxHeaderBlocks;
        this.horizons = horizons;
    }

    static DecodedHeader.Horizons horizons(ServiceConfig config) {
        return new DecodedHeader.Horizons(config.auth().maxLifetime().toSeconds(), config.auth().clockSkew().toSeconds(),
                config.auth().passwordBlockRetention().toSeconds());
    }

    /**
     * Completes with the decrypted body (empty when there is none) when the header passes, else fails with the
     * {@link ApiException} to answer (counted), possibly wrapped in a {@link CompletionException}. Completes at once
     * unless the shared memory or the RSA threads must answer first.
     */
    public CompletableFuture<byte[]> check(Request request) {
        HeaderBlocks blocks = HeaderBlocks.of(request.value(), blockSize, maxHeaderBytes, maxHeaderBlocks);
        return memory.epoch(request.now()).thenCompose(epoch -> {
            GuessThrottle.Permit permit;
            try {
                permit = throttle.admit(request.client(), blocks.count(), System.nanoTime());
            } catch (ApiException refused) {
                // Refused unseen: its first block is remembered, so neither it nor its password can be used later.
                return memory.record(epoch, blocks.first(), request.now()).handle((ignored, failure) -> {
                    throw new CompletionException(metrics.counted(refused));
                });
            }
            CompletionStage<byte[]> outcome;
            try {
                outcome = memory.record(epoch, blocks, request.now())
                        .thenCompose(verdict -> checked(request, blocks, epoch, verdict));
            } catch (RuntimeException failure) {
                outcome = CompletableFuture.failedFuture(failure);
            }
            return outcome.handle((body, failure) -> settle(permit, request, body, failure));
        }).toCompletableFuture();
    }

    /** The value of a future completed by {@link #check}, or its {@link ApiException}. */
    public static byte[] join(CompletableFuture<byte[]> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private CompletionStage<byte[]> checked(Request request, HeaderBlocks blocks, Epoch epoch, Verdict verdict) {
        if (blocks.tooLarge() != null) {
            // No header of this service's SDK clients needs more; each block costs a private-key operation.
            throw new ApiException(ErrorCode.HEADER_TOO_LARGE, request.kind().headerName(), blocks.tooLarge());
        }
        switch (verdict) {
            case SEEN:
                throw new ApiException(ErrorCode.REPLAYED);
            case KEY_CHANGED:
                // Made for a key that is gone: code 1 makes the SDKs fetch the new one. Not the client's fault.
                throw new NotAGuess(new ApiException(ErrorCode.HEADER_DECRYPT_FAILED));
            default:
                break;
        }
        if (rsa.inline()) {
            return CompletableFuture.completedFuture(finish(request, blocks, epoch,
                    OcsHeaderCodec.decode(epoch.key(), blocks)));
        }
        // A full queue of the RSA threads fails with AUTH_UNAVAILABLE, which settle() hands back like the memory's.
        return rsa.run(() -> OcsHeaderCodec.decode(epoch.key(), blocks))
                .map(decoded -> finish(request, blocks, epoch, decoded))
                .subscribeAsCompletionStage();
    }

    /** The memory learns how long each block matters; then obshell's checks. */
    private byte[] finish(Request request, HeaderBlocks blocks, Epoch epoch, DecodedHeader decoded) {
        byte[] digest = passwords.digest(decoded.header().password());
        memory.settle(epoch, blocks, decoded.remembered(request.now(), passwords.isSecret(digest), horizons));
        return checks.check(request.kind(), decoded, digest, request.target(), request.body().get(), request.now());
    }

    /** The one place a permit is handed back. */
    private byte[] settle(GuessThrottle.Permit permit, Request request, byte[] body, Throwable failure) {
        if (failure == null) {
            throttle.succeeded(permit, System.nanoTime());
            return body;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof NotAGuess notAGuess) {
            throttle.released(permit);
            throw new CompletionException(metrics.counted(notAGuess.answer));
        }
        if (cause instanceof ApiException unavailable && unavailable.code() == ErrorCode.AUTH_UNAVAILABLE) {
            throttle.released(permit); // the shared memory could not be reached: no guess was checked
            throw new CompletionException(metrics.counted(unavailable));
        }
        if (cause instanceof ApiException refused) {
            throttle.failed(permit, refused.code().errCode(), System.nanoTime());
            if (LOG.isDebugEnabled()) {
                // Never the header, the password or the keys; one line per lock-out comes from the throttle.
                LOG.debugf("Header refused: %s, errCode=%s (%d chars)", request.target(), refused.code().errCode(),
                        request.value().length());
            }
            throw new CompletionException(metrics.counted(refused));
        }
        throttle.released(permit);
        throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
