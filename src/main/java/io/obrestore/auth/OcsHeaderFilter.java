package io.obrestore.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.BlockMemory.Verdict;
import io.obrestore.auth.CredentialVerifier.HeaderKind;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * obshell's auth pipeline (docs/auth-protocol.md §4) for every {@code /api/v1} route except the two the SDKs call before
 * they have a key, with this service's defences around it: size and block limits and the guess throttle before any
 * RSA work, one answer for every undecryptable header, the block memory, a bound on {@code ts}, constant-time
 * password comparison, and a header that is sent is verified even when no password is configured.
 */
public class OcsHeaderFilter {

    private static final Logger LOG = Logger.getLogger(OcsHeaderFilter.class);

    /** Public: the SDKs call them to learn the auth version and fetch the key. Probes live outside /api. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/info", "/api/v1/secret");

    private final OcsHeaderVerifier verifier;
    private final CredentialVerifier credentials;
    private final GuessThrottle throttle;
    private final BlockMemory memory;
    private final RsaThreads rsa;
    private final MeterRegistry metrics;

    public OcsHeaderFilter(OcsHeaderVerifier verifier, CredentialVerifier credentials, GuessThrottle throttle,
            BlockMemory memory, RsaThreads rsa, MeterRegistry metrics) {
        this.verifier = verifier;
        this.credentials = credentials;
        this.throttle = throttle;
        this.memory = memory;
        this.rsa = rsa;
        this.metrics = metrics;
    }

    /** Null when the request may go on at once; a Uni when the shared block memory has to answer first. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (PUBLIC_PATHS.contains(request.path())) {
            return null;
        }
        // Taken first, as obshell takes it when the request arrives.
        long now = Instant.now().getEpochSecond();
        String agentValue = request.getHeader(HeaderKind.AGENT.headerName());
        String oceanBaseValue = request.getHeader(HeaderKind.OCEANBASE.headerName());
        HeaderKind kind;
        String value;
        if (agentValue != null && !agentValue.isEmpty()) {
            // obshell: the agent header wins when both are sent.
            kind = HeaderKind.AGENT;
            value = agentValue;
        } else if (oceanBaseValue != null && !oceanBaseValue.isEmpty()) {
            kind = HeaderKind.OCEANBASE;
            value = oceanBaseValue;
        } else if (credentials.anyPasswordConfigured()) {
            throw counted(new ApiException(ErrorCode.HEADER_NOT_FOUND));
        } else {
            return null; // No password configured and no header: served, as the obshell documentation promises.
        }
        Check check = new Check(context, routing, kind, value, now);
        GuessThrottle.Permit permit;
        try {
            permit = throttle.admit(GuessThrottle.clientKey(request.remoteAddress().hostAddress()),
                    verifier.blocksIn(value), System.nanoTime());
        } catch (ApiException refused) {
            throw counted(refused);
        }
        if (rsa.inline()) {
            return check.remember(permit, check.decode(permit));
        }
        return rsa.run(() -> check.decode(permit))
                .onFailure(failure -> failure instanceof ApiException api && api.code() == ErrorCode.AUTH_UNAVAILABLE)
                .invoke(busy -> {
                    throttle.released(permit);
                    counted((ApiException) busy);
                })
                .chain(blocks -> {
                    Uni<Void> remembered = check.remember(permit, blocks);
                    return remembered == null ? Uni.createFrom().voidItem() : remembered;
                });
    }

    /** One header being checked. */
    private final class Check {
        private final ContainerRequestContext context;
        private final RoutingContext routing;
        private final HeaderKind kind;
        private final String value;
        private final long now;
        private volatile DecodedHeader decoded;

        Check(ContainerRequestContext context, RoutingContext routing, HeaderKind kind, String value, long now) {
            this.context = context;
            this.routing = routing;
            this.kind = kind;
            this.value = value;
            this.now = now;
        }

        /** Decrypts and parses the header: the RSA work. Throws the uniform refusal. */
        List<HeaderBlock> decode(GuessThrottle.Permit permit) {
            try {
                decoded = verifier.decode(kind, value);
                return verifier.blocksToRemember(decoded, now);
            } catch (ApiException failed) {
                throw failed(permit, failed);
            }
        }

        /** The block memory's step: null when it answered at once (local), else the Redis round trip. */
        Uni<Void> remember(GuessThrottle.Permit permit, List<HeaderBlock> blocks) {
            if (memory instanceof LocalBlockMemory local) {
                conclude(permit, local.rememberNow(blocks, now));
                return null;
            }
            return memory.remember(blocks, now)
                    .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                        LOG.warnf("The shared block memory did not answer: %s", failure.getMessage());
                        throttle.released(permit);
                        return counted(new ApiException(ErrorCode.AUTH_UNAVAILABLE,
                                "the shared block memory is unreachable"));
                    })
                    .invoke(verdict -> conclude(permit, verdict))
                    .replaceWithVoid();
        }

        /** The memory's verdict, then obshell's remaining checks; throws the refusal. */
        void conclude(GuessThrottle.Permit permit, Verdict verdict) {
            switch (verdict) {
                case SEEN -> throw failed(permit, new ApiException(ErrorCode.REPLAYED));
                case FULL -> {
                    LOG.warn("The header block memory is full (obrestore.auth.block-memory): new headers are refused"
                            + " until blocks expire");
                    throttle.released(permit);
                    throw counted(new ApiException(ErrorCode.AUTH_UNAVAILABLE, "the header block memory is full"));
                }
                case NEW -> {
                    byte[] body;
                    try {
                        body = verifier.finish(kind, decoded, routing.request().uri(), bufferedBody(routing), now);
                    } catch (ApiException failed) {
                        throw failed(permit, failed);
                    }
                    throttle.succeeded(permit, System.nanoTime());
                    if (body.length > 0) {
                        context.setEntityStream(new ByteArrayInputStream(body));
                    }
                }
            }
        }

        ApiException failed(GuessThrottle.Permit permit, ApiException failure) {
            throttle.failed(permit, failure.code().errCode(), System.nanoTime());
            // Never the header, the password or the keys; one line per lock-out comes from the throttle.
            LOG.debugf("Header refused: %s %s, errCode=%s (%d chars)", routing.request().method(),
                    routing.request().path(), failure.code().errCode(), value.length());
            return counted(failure);
        }
    }

    private ApiException counted(ApiException failure) {
        metrics.counter("obrestore.auth.failures", "errCode", failure.code().errCode()).increment();
        return failure;
    }

    /** The body ApiRoutes buffered (bounded) before the resources run; empty when there is none. */
    private static byte[] bufferedBody(RoutingContext routing) {
        Buffer body = routing.body() == null ? null : routing.body().buffer();
        return body == null ? new byte[0] : body.getBytes();
    }
}
