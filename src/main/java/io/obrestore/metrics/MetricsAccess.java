package io.obrestore.metrics;

import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who may read {@code /q/metrics} on the management port, which names every restoring tenant with its progress and
 * the authentication counters (docs/operations.md, "Metrics"): with {@code obrestore.auth.metrics-token} set, a request
 * carrying {@code Authorization: Bearer <token>} (Prometheus' {@code authorization} credentials) or a TLS client
 * certificate the management port's trust store verified; without a token, loopback clients only. The probes
 * ({@code /q/health/*}) stay open: the kubelet sends no credentials. The start log says which applies, and where.
 */
@ApplicationScoped
public class MetricsAccess {

    static final String PATH = "/q/metrics";

    private static final Logger LOG = Logger.getLogger(MetricsAccess.class);

    private final byte[] tokenDigest;
    private final boolean clientCertificates;

    /**
     * Client certificates count only when the management port has a trust store of its own: with
     * {@code quarkus.management.ssl.client-auth=request} (application.properties) and none, the JDK's public CAs
     * would vouch for any certificate.
     */
    public MetricsAccess(ServiceConfig config,
            @ConfigProperty(name = "quarkus.management.ssl.certificate.trust-store-file") Optional<String> trustStore,
            @ConfigProperty(name = "quarkus.management.ssl.certificate.trust-store-files") Optional<List<String>> trustStores) {
        this.tokenDigest = config.auth().metricsToken().map(MetricsAccess::sha256).orElse(null);
        this.clientCertificates = trustStore.isPresent() || trustStores.isPresent();
    }

    void guard(@Observes ManagementInterface management) {
        // Before Micrometer's own route for the same path.
        management.router().routeWithRegex(PATH + "(/.*)?").order(Integer.MIN_VALUE).handler(this::check);
    }

    /** Said once the start's checks passed (a start they stop has nothing else to say). */
    void announce(@Observes @Priority(StartupOrder.METRICS_ACCESS) StartupEvent event,
            @ConfigProperty(name = "quarkus.management.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000") int port) {
        if (tokenDigest != null) {
            LOG.infof("Prometheus metrics on %s:%d%s for requests with the bearer token (OBRESTORE_AUTH_METRICS_TOKEN)%s;"
                    + " probes on /q/health/* without", host, port, PATH,
                    clientCertificates ? " or a TLS client certificate of the management trust store" : "");
        } else {
            LOG.infof("Prometheus metrics on %s:%d%s for loopback clients only (tenant names, restore progress,"
                    + " authentication counters): set OBRESTORE_AUTH_METRICS_TOKEN for Prometheus to read them from"
                    + " elsewhere (docs/operations.md, Metrics); probes on /q/health/* for all", host, port, PATH);
        }
    }

    private void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (allowed(request)) {
            routing.next();
            return;
        }
        routing.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(tokenDigest == null
                        ? "Metrics answer loopback clients only until OBRESTORE_AUTH_METRICS_TOKEN is set\n"
                        : "Metrics need Authorization: Bearer <OBRESTORE_AUTH_METRICS_TOKEN>\n");
    }

    private boolean allowed(HttpServerRequest request) {
        return allowed(tokenDigest, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                request.getHeader(HttpHeaders.AUTHORIZATION), clientCertificates && verifiedClientCertificate(request));
    }

    /**
     * Whether a request from {@code remoteAddress} with this {@code Authorization} header may read the metrics, given
     * the configured token's digest (null: none configured).
     */
    static boolean allowed(byte[] tokenDigest, String remoteAddress, String authorization, boolean verifiedCertificate) {
        if (tokenDigest == null) {
            return loopback(remoteAddress);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                // Digests of equal length compared in constant time: no timing tells how much of a guess was right.
                && MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()))) {
            return true;
        }
        return verifiedCertificate;
    }

    /** A client certificate the TLS handshake verified against the management port's trust store. */
    private static boolean verifiedClientCertificate(HttpServerRequest request) {
        if (!request.isSSL()) {
            return false;
        }
        SSLSession session = request.sslSession();
        try {
            Certificate[] chain = session == null ? null : session.getPeerCertificates();
            return chain != null && chain.length > 0;
        } catch (SSLPeerUnverifiedException none) {
            return false;
        }
    }

    private static boolean loopback(String address) {
        if (address == null) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
