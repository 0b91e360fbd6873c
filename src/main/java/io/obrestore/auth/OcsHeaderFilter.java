package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hands every {@code /api/v1} request, except the two the SDKs call before they have a key, to {@link AuthPipeline}:
 * the header the request carries (the agent header wins, as in obshell), or 400 without one when a password is set.
 * With no password configured, a request without a header is served, and one that is sent is checked in full.
 */
public class OcsHeaderFilter {

    /** Public: the SDKs call them to learn the auth version and fetch the key. Probes live outside /api. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/info", "/api/v1/secret");

    private final AuthPipeline pipeline;
    private final CredentialVerifier passwords;
    private final AuthMetrics metrics;

    public OcsHeaderFilter(AuthPipeline pipeline, CredentialVerifier passwords, AuthMetrics metrics) {
        this.pipeline = pipeline;
        this.passwords = passwords;
        this.metrics = metrics;
    }

    /** Null when the request may go on at once; a Uni when the shared memory or the RSA threads answer first. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (PUBLIC_PATHS.contains(request.path())) {
            return null;
        }
        // Taken first, as obshell takes it when the request arrives.
        long now = Instant.now().getEpochSecond();
        HeaderKind kind = HeaderKind.AGENT;
        String value = request.getHeader(kind.headerName());
        if (value == null || value.isEmpty()) {
            kind = HeaderKind.OCEANBASE;
            value = request.getHeader(kind.headerName());
        }
        if (value == null || value.isEmpty()) {
            if (passwords.anyPasswordConfigured()) {
                throw metrics.counted(new ApiException(ErrorCode.HEADER_NOT_FOUND));
            }
            return null; // No password configured and no header: served, as the obshell documentation promises.
        }
        CompletableFuture<byte[]> outcome = pipeline.check(new AuthPipeline.Request(kind, value,
                GuessThrottle.clientKey(request.remoteAddress().hostAddress()), request.uri(), now,
                () -> bufferedBody(routing)));
        if (outcome.isDone()) {
            useBody(context, AuthPipeline.join(outcome));
            return null;
        }
        return Uni.createFrom().completionStage(outcome)
                .onFailure(CompletionException.class).transform(Throwable::getCause)
                .invoke(body -> useBody(context, body)).replaceWithVoid();
    }

    private static void useBody(ContainerRequestContext context, byte[] body) {
        if (body.length > 0) {
            context.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    /** The body ApiRoutes buffered (bounded) before the resources run; empty when there is none. */
    private static byte[] bufferedBody(RoutingContext routing) {
        Buffer body = routing.body() == null ? null : routing.body().buffer();
        return body == null ? new byte[0] : body.getBytes();
    }
}
