package io.obrestore.auth;

import static io.restassured.RestAssured.given;
import static io.obrestore.auth.AuthenticatedOverviewTest.assertAuthError;

import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ObshellSdkHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No password configured (the default test profile): requests without a header are served, but a header that is
 * sent is still decrypted and its uri and ts checked (obshell skips ts when the password is empty; we do not).
 */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class NoPasswordModeTest {

    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";
    private ObshellSdkHeaders sdk;

    @BeforeEach
    void fetchKey() throws Exception {
        sdk = new ObshellSdkHeaders(Json.parse(given().get("/api/v1/secret").asString())
                .get("data").get("public_key").asText());
    }

    @Test
    void requestsWithoutHeaderAreServed() {
        given().get(RT2).then().statusCode(200);
    }

    @Test
    void sdkHeadersWithAnyPasswordAreServed() {
        // The SDKs send "" or whatever the user configured; with no password set there is nothing to compare.
        given().header("X-OCS-Header", sdk.python("", RT2)).get(RT2).then().statusCode(200);
        given().header("X-OCS-Header", sdk.go("anything", RT2)).get(RT2).then().statusCode(200);
        given().header("X-OCS-Agent-Header", sdk.go("", RT2)).get(RT2).then().statusCode(200);
    }

    @Test
    void aSentHeaderIsStillVerified() {
        assertAuthError(given().header("X-OCS-Header", "garbage").get(RT2), 401, 1,
                "Security.Authentication.Header.DecryptFailed", "Decrypt http header failed: crypto/rsa: decryption error");
        assertAuthError(given().header("X-OCS-Header", sdk.go("", "/api/v1/tenant/t2/restore/overview")).get(RT2),
                401, 10008, "Security.Authentication.Header.UriMismatch", "URI mismatch");
        String expired = sdk.encrypt(ObshellSdkHeaders.goPlaintext("", Instant.now().getEpochSecond() - 1, RT2, null));
        assertAuthError(given().header("X-OCS-Header", expired).get(RT2), 401, 10008,
                "Security.Authentication.Expired", "Unauthorized: Authentication expired");
    }
}
