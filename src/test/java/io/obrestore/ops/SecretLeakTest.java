package io.obrestore.ops;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.Json;
import io.obrestore.support.LogCapture;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.SpecVectors;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Drives every endpoint and every error path, database outage included, while capturing both the responses and the
 * service's log, and checks that no fixture secret, no configured password and no private-key material appears.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class SecretLeakTest {

    private static final String[] TENANTS = {"sys", "SYS", "META%241002", "tenant1", "rt2", "RT2", "rt_multi", "rt_failed",
        "rt-4_x~y%2Bz%231", "t_recreated", "rt_unparsable", "rt_running", "rt_ghost", "rt_dropped", "rt_xss", "no_such_tenant"};

    @Test
    void noSecretInResponsesOrLogs() throws Exception {
        List<String> responses = new ArrayList<>();
        String text;
        try (LogCapture log = LogCapture.install()) {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(
                    Json.parse(given().get("/api/v1/secret").asString()).get("data").get("public_key").asText());
            for (String tenant : TENANTS) {
                String uri = "/api/v1/tenant/" + tenant + "/restore/overview";
                responses.add(call(sdk.python(AuthEnabledProfile.PASSWORD, uri), uri, null));
                responses.add(call(sdk.go(AuthEnabledProfile.AGENT_PASSWORD, uri), uri, "X-OCS-Agent-Header"));
            }
            // The task list (every job, all secret-bearing lists) and finished streams (a whole stream each).
            for (String uri : new String[] {"/api/v1/restore/tasks", "/api/v1/restore/tasks?status=FAIL&page=1&size=3",
                "/api/v1/tenant/rt2/restore/overview/stream", "/api/v1/tenant/rt_failed/restore/overview/stream",
                "/api/v1/tenant/rt_multi/restore/overview/stream"}) {
                responses.add(call(sdk.go(AuthEnabledProfile.PASSWORD, uri), uri, null));
            }
            String rt2 = "/api/v1/tenant/rt2/restore/overview";
            String replayed = sdk.go(AuthEnabledProfile.PASSWORD, rt2);
            for (String header : new String[] {null, "", "garbage", "QUJD", replayed, replayed, "A".repeat(9000),
                sdk.go("wrong " + AuthEnabledProfile.PASSWORD, rt2), sdk.go(AuthEnabledProfile.PASSWORD, "/other"),
                sdk.encrypt(ObshellSdkHeaders.goPlaintext(AuthEnabledProfile.PASSWORD, 1, rt2, null)),
                sdk.encrypt("{\"Auth\":\"" + AuthEnabledProfile.PASSWORD + "\",\"Ts\":\"x\",\"Uri\":\"" + rt2 + "\"}")}) {
                responses.add(call(header, rt2, null));
            }
            byte[] keys = ObshellSdkHeaders.randomKeys();
            String withKeys = sdk.encrypt(ObshellSdkHeaders.pythonPlaintext(AuthEnabledProfile.PASSWORD,
                    ObshellSdkHeaders.expiry(), rt2, keys));
            responses.add(given().header("X-OCS-Header", withKeys).body("QUJDREVG").get(rt2).asString());
            for (String path : new String[] {"/api/v1/info", "/api/v1/secret", "/api/v1/nope", "/q/openapi"}) {
                responses.add(given().get(path).asString());
            }
            for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started",
                "/q/metrics"}) {
                responses.add(management().get(path).asString());
            }
            TestDatabase.server().stopServer();
            try {
                responses.add(call(sdk.go(AuthEnabledProfile.PASSWORD, rt2), rt2, null));
                responses.add(management().get("/q/health/ready").asString());
            } finally {
                TestDatabase.server().restart();
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> management().get("/q/health/ready").statusCode() == 200);
            text = log.text();
        }
        String all = String.join("\n", responses);
        assertTrue(all.contains("\"restore_tenant_name\":\"rt_running\""), "the drive really reached the data");
        assertTrue(all.contains("\"total_elements\":13"), "the drive really reached the task list");
        assertTrue(all.contains("event:final"), "the drive really reached the streams");
        assertTrue(text.contains("OceanBase is not reachable"), "the drive really reached the log");

        List<String> secrets = new ArrayList<>(List.of("SECRET", "FAKE", "access_key", "access_id",
                AuthEnabledProfile.PASSWORD, AuthEnabledProfile.AGENT_PASSWORD, TestDatabase.server().password()));
        // Private key material: slices of the private exponent and primes (never part of the public key).
        String pkcs1 = SpecVectors.PRIVATE_KEY_PKCS1;
        for (int at = 240; at + 24 < pkcs1.length(); at += 120) {
            secrets.add(pkcs1.substring(at, at + 24));
        }
        byte[] pkcs8 = java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                io.obrestore.auth.key.Pkcs1.decodePrivateKey(Base64.getDecoder().decode(pkcs1)).getEncoded())).getEncoded();
        String pkcs8Text = Base64.getEncoder().encodeToString(pkcs8);
        secrets.add(pkcs8Text.substring(300, 330));
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "response leaked " + secret);
            assertFalse(text.contains(secret), "log leaked " + secret);
        }
        System.out.printf("RELIABILITY secret scan: %d responses and %d log characters, %d secrets checked, none found%n",
                responses.size(), text.length(), secrets.size());
    }

    private static String call(String header, String uri, String headerName) {
        var request = given().urlEncodingEnabled(false);
        if (header != null) {
            request.header(headerName == null ? "X-OCS-Header" : headerName, header);
        }
        Response response = request.get(uri);
        return response.asString();
    }
}
