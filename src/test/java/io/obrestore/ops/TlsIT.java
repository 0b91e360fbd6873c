package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.DocumentedCommands;
import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.PackagedService;
import io.obrestore.support.Ports;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with nothing but the standard Quarkus keys (docs/operations.md, "TLS"): the packaged service started with a
 * certificate made by openssl answers over TLS, and an obshell auth header is verified there as over HTTP (its uri is the
 * path, whatever the scheme).
 */
class TlsIT {

    private static final String PASSWORD = "tls-Pa55word";

    @TempDir
    Path dir;

    @Test
    void theStandardQuarkusKeysServeHttpsWithObshellAuth() throws Exception {
        DocumentedCommands.run("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
                + " -addext subjectAltName=IP:127.0.0.1 -keyout " + dir.resolve("tls.key") + " -out " + dir.resolve("tls.crt"));
        int https = Ports.fresh();
        Process service = PackagedService.start(Map.of(
                "QUARKUS_HTTP_SSL_CERTIFICATE_FILES", dir.resolve("tls.crt").toString(),
                "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", dir.resolve("tls.key").toString(),
                "QUARKUS_HTTP_SSL_PORT", String.valueOf(https),
                "QUARKUS_HTTP_PORT", String.valueOf(Ports.fresh()),
                "QUARKUS_HTTP_INSECURE_REQUESTS", "disabled",
                "OBRESTORE_AUTH_PASSWORD", PASSWORD,
                "OBRESTORE_AUTH_DATA_DIR", dir.resolve("data").toString(),
                // No database: an authenticated request that gets past auth ends in 503, which is the proof.
                "QUARKUS_DATASOURCE_REACTIVE_URL", "mysql://127.0.0.1:" + Ports.fresh()), dir.resolve("service.txt"));
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("tls.crt")))
                    .connectTimeout(Duration.ofSeconds(2)).build();
            String base = "https://127.0.0.1:" + https;
            HttpResponse<String> secret = PackagedService.awaitAnswer(client, URI.create(base + "/api/v1/secret"), service);
            assertEquals(200, secret.statusCode(), Files.readString(dir.resolve("service.txt")));
            // Really over TLS, with the certificate the service was given.
            X509Certificate served = (X509Certificate) secret.sslSession().orElseThrow().getPeerCertificates()[0];
            assertEquals("CN=127.0.0.1", served.getSubjectX500Principal().getName());
            String publicKey = Json.parse(secret.body()).get("data").get("public_key").asText();

            String uri = "/api/v1/tenant/rt2/restore/overview";
            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(base + uri))
                    .header("X-OCS-Header", new ObshellSdkHeaders(publicKey).go("wrong", uri)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertEquals("Security.Authentication.IncorrectOceanbasePassword",
                    Json.parse(wrong.body()).get("error").get("errCode").asText());

            HttpResponse<String> right = client.send(HttpRequest.newBuilder(URI.create(base + uri))
                    .header("X-OCS-Header", new ObshellSdkHeaders(publicKey).go(PASSWORD, uri)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.parse(right.body());
            assertEquals(503, right.statusCode(), right.body());
            assertEquals("Agent.OceanBase.Useless", body.get("error").get("errCode").asText());
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /**
     * The management port over TLS with a trust store of its own (docs/operations.md, "Metrics"): Prometheus presenting
     * a client certificate that store vouches for reads /q/metrics without the token; no certificate, or one the store
     * does not know, and no token: 401 (or no handshake); the probes need neither.
     */
    @Test
    void aClientCertificateOfTheManagementTrustStoreOpensTheMetrics() throws Exception {
        DocumentedCommands.run("cd " + dir + " && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
                + " -addext subjectAltName=IP:127.0.0.1 -keyout tls.key -out tls.crt 2>/dev/null"
                + " && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=metrics-ca -keyout ca.key -out ca.pem"
                + " 2>/dev/null"
                + " && openssl req -newkey rsa:2048 -nodes -subj /CN=prometheus -keyout client.key -out client.csr 2>/dev/null"
                + " && openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -out client.crt"
                + " 2>/dev/null"
                + " && openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12 -passout pass:test"
                + " && openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=stranger -keyout other.key -out other.crt"
                + " 2>/dev/null"
                + " && openssl pkcs12 -export -in other.crt -inkey other.key -out other.p12 -passout pass:test && echo ok");
        int management = Ports.fresh();
        Process service = PackagedService.start(Map.of(
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(management),
                "QUARKUS_MANAGEMENT_SSL_CERTIFICATE_FILES", dir.resolve("tls.crt").toString(),
                "QUARKUS_MANAGEMENT_SSL_CERTIFICATE_KEY_FILES", dir.resolve("tls.key").toString(),
                "QUARKUS_MANAGEMENT_SSL_CERTIFICATE_TRUST_STORE_FILE", dir.resolve("ca.pem").toString(),
                "QUARKUS_MANAGEMENT_SSL_CERTIFICATE_TRUST_STORE_FILE_TYPE", "PEM",
                "OBRESTORE_AUTH_METRICS_TOKEN", "metrics-token-for-tls",
                "QUARKUS_HTTP_PORT", String.valueOf(Ports.fresh()),
                "OBRESTORE_AUTH_DATA_DIR", dir.resolve("data").toString(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", "mysql://127.0.0.1:" + Ports.fresh()), dir.resolve("service.txt"));
        try {
            String base = "https://127.0.0.1:" + management;
            HttpClient anonymous = HttpClient.newBuilder().sslContext(trusting(dir.resolve("tls.crt"))).build();
            HttpResponse<String> live = PackagedService.awaitAnswer(anonymous, URI.create(base + "/q/health/live"), service);
            assertEquals(200, live.statusCode(), Files.readString(dir.resolve("service.txt")));
            assertEquals(401, anonymous.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, anonymous.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .header("Authorization", "Bearer metrics-token-for-tls").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpClient prometheus = HttpClient.newBuilder().sslContext(presenting(dir.resolve("client.p12"),
                    dir.resolve("tls.crt"))).build();
            HttpResponse<String> metrics = prometheus.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.body().contains("obrestore_auth_failures_total"));

            HttpClient stranger = HttpClient.newBuilder().sslContext(presenting(dir.resolve("other.p12"),
                    dir.resolve("tls.crt"))).build();
            int strangers;
            try {
                strangers = stranger.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException handshakeRefused) {
                strangers = 0;
            }
            assertTrue(strangers == 0 || strangers == 401, "a certificate the store does not know: " + strangers);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static SSLContext presenting(Path clientStore, Path serverCertificate) throws Exception {
        KeyStore client = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientStore)) {
            client.load(in, "test".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(client, "test".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trustManagers(serverCertificate), null);
        return context;
    }

    private static javax.net.ssl.TrustManager[] trustManagers(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("service", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return trust.getTrustManagers();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(certificate), null);
        return context;
    }
}
