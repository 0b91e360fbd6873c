package io.obrestore.agent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.auth.key.Pkcs1;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the SDKs read before an authenticated call (docs/auth-protocol.md §1). */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class AgentResourceTest {

    @Test
    void infoCarriesWhatTheSdksCheck() {
        JsonNode data = Json.parse(given().get("/api/v1/info").then().statusCode(200).extract().asString()).get("data");
        assertEquals("CLUSTER AGENT", data.get("identity").asText());
        assertEquals("4.5.0.0", data.get("version").asText());
        assertEquals(List.of("v2"), List.of(data.get("supportedAuth").get(0).asText()));
        assertEquals(1, data.get("supportedAuth").size());
        assertFalse(data.get("security").asBoolean(), "no agent password in the default profile");
        assertFalse(data.get("isObproxyAgent").asBoolean());
        assertEquals(2, data.get("state").asInt());
        assertTrue(data.get("pid").asLong() > 0);
        // Unix nanoseconds: after 2020 and with nanosecond magnitude.
        assertTrue(data.get("startAt").asLong() > 1_577_836_800_000_000_000L);
        assertTrue(data.get("port").isInt());
        assertEquals(List.of("pid", "state", "startAt", "homePath", "obVersion", "architecture", "ip", "port", "zone",
                "identity", "version", "isObproxyAgent", "security", "supportedAuth"), Json.keys(data));
    }

    @Test
    void secretIsAPkcs1PublicKeyTheGoSdkCanParse() throws Exception {
        JsonNode data = Json.parse(given().get("/api/v1/secret").then().statusCode(200).extract().asString()).get("data");
        String key = data.get("public_key").asText();
        assertTrue(key.startsWith("MIGJAoGBA"), "PKCS#1, not X.509: " + key);
        assertEquals(188, key.length(), "1024-bit default");
        assertEquals(1024, Pkcs1.decodePublicKey(Base64.getDecoder().decode(key)).getModulus().bitLength());
        assertEquals(List.of("ip", "port", "public_key"), Json.keys(data));
    }

    @Test
    void theGeneratedKeyLivesInMemoryOnlyAndIsKeptAcrossRequests() throws Exception {
        // Each start makes its own key (a restart forgets what the old one saw, so the old one must go too).
        assertFalse(Files.exists(Path.of("target/obrestore-test-data/agent-key.pem")));
        String first = Json.parse(given().get("/api/v1/secret").asString()).get("data").get("public_key").asText();
        String second = Json.parse(given().get("/api/v1/secret").asString()).get("data").get("public_key").asText();
        assertEquals(first, second);
    }
}
