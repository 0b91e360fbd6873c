package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.EnvelopeFilter;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.CredentialVerifier.HeaderKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * obshell's auth pipeline (docs/auth-protocol.md §4) for every {@code /api/v1} route except the two the SDKs call before
 * they have a key: decrypt the header, decrypt the body, then check uri, ts and password, in obshell's order and
 * with obshell's errors. Beyond obshell: size limits before any crypto, replay refusal, constant-time comparison,
 * and a header that is sent is verified even when no password is configured.
 */
public class OcsHeaderFilter {

    private static final Logger LOG = Logger.getLogger(OcsHeaderFilter.class);

    /** Public: the SDKs call them to learn the auth version and fetch the key. Health lives outside /api. */
    static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/info", "/api/v1/secret");

    private final OcsHeaderVerifier headerVerifier;
    private final CredentialVerifier credentials;
    private final MeterRegistry metrics;

    public OcsHeaderFilter(OcsHeaderVerifier headerVerifier, CredentialVerifier credentials, MeterRegistry metrics) {
        this.headerVerifier = headerVerifier;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (PUBLIC_PATHS.contains(request.path())) {
            return;
        }
        try {
            check(context, routing);
        } catch (ApiException rejected) {
            // Never the header, the password or the keys: only what failed and for which request.
            LOG.infof("Request rejected: %s %s, errCode=%s, traceId=%s", request.method(), request.path(),
                    rejected.code().errCode(), EnvelopeFilter.traceOf(context).traceId());
            metrics.counter("obrestore.auth.failures", "errCode", rejected.code().errCode()).increment();
            throw rejected;
        }
    }

    private void check(ContainerRequestContext context, RoutingContext routing) {
        HttpServerRequest request = routing.request();
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
            throw new ApiException(ErrorCode.HEADER_NOT_FOUND);
        } else {
            return; // No password configured and no header: served, as the obshell documentation promises.
        }
        byte[] body = headerVerifier.verify(kind, value, request.uri(), bufferedBody(routing), now);
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
