package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.auth.key.Pkcs1;
import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.ParallelHttp.Outcome;
import io.obrestore.support.Seeded;
import io.obrestore.support.SpecVectors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10 000 generated X-OCS-Header values and bodies (random bytes, bad base64, truncated and extra RSA blocks, a
 * foreign key, empty, huge, JSON of the wrong shape and types, odd ts values, broken AES bodies) against the
 * service with a password set: only the documented 400/401/413/431 answers, never 5xx, never 200.
 */
@QuarkusTest
@Tag("scaled") // larger in the reliability profile: ./mvnw -B verify -Preliability
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
@ExtendWith(Seeded.class)
class OcsHeaderFuzzTest {

    /** 1 000 cases in the regular suite, 10 000 in the reliability profile ({@code -Preliability}). */
    static final int CASES = Integer.getInteger("test.fuzz.cases", 1_000);
    static final String URI = "/api/v1/tenant/rt2/restore/overview";
    static final Set<String> DOCUMENTED = Set.of("Request.Header.NotFound", "Request.Header.TooLarge",
            "Request.Body.TooLarge", "Request.Body.Decrypt.AES.KeyAndIv.Invalid",
            "Request.Body.Decrypt.AES.ContentLength.Invalid", "Request.Body.Decrypt.Failed",
            "Security.Authentication.Header.DecryptFailed", "Security.Authentication.Header.UriMismatch",
            "Security.Authentication.Expired", "Security.Authentication.Timestamp.Invalid",
            "Security.Authentication.Timestamp.TooFar",
            "Security.Authentication.IncorrectOceanbasePassword", "Security.Authentication.IncorrectAgentPassword",
            "Security.Authentication.Replayed");

    /** A header value and a body (possibly empty). */
    record Attack(String header, String body) {
    }

    static Attack attack(Seeded random, ObshellSdkHeaders sdk, ObshellSdkHeaders foreign) {
        // Bodies are one case in ten; only what an HTTP client can put on the wire as a header: visible ASCII (an
        // empty value means "no header").
        if (random.between(0, 9) == 0) {
            return bodyAttack(random, sdk);
        }
        String header;
        do {
            header = headerAttack(random, sdk, foreign);
        } while (!header.isEmpty() && !header.chars().allMatch(c -> c > 0x20 && c < 0x7f));
        return new Attack(header, "");
    }

    private static String headerAttack(Seeded random, ObshellSdkHeaders sdk, ObshellSdkHeaders foreign) {
        return random.oneOf(
                () -> Base64.getEncoder().encodeToString(random.bytes(0, 700)),
                () -> random.asciiString(0, 300),
                () -> random.string(0, 700, "ABCDEFabcdef0123456789+/="),
                () -> Base64.getEncoder().encodeToString(new byte[128 * random.between(0, 8)]),
                () -> {
                    byte[] raw = Base64.getDecoder().decode(sdk.go("wrong-password", URI));
                    int cut = random.between(-127, 300);
                    return Base64.getEncoder().encodeToString(Arrays.copyOf(raw, Math.max(1, raw.length + cut)));
                },
                () -> foreign.go(SpecVectors.PASSWORD, URI),
                () -> sdk.encrypt(wrongShape(random)),
                () -> sdk.encrypt("{\"Auth\":" + Json.quote(random.pick("P@ssw0rd!", "wrong", "")) + ",\"Ts\":"
                        + random.pick("\"\"", "\"abc\"", "1767225660", "1.7e9", "\"-1\"", "\"0\"",
                                "\"9223372036854775808\"", "\"+1\"", "null", "\"1767225660 \"", "true")
                        + ",\"Uri\":" + Json.quote(random.pick(URI, URI + "?", "/api/v1/tenant/rt2/restore/overview/",
                                "/api/v1/tenant/RT2/restore/overview", "")) + "}"),
                () -> "A".repeat(random.between(8193, 20_000)));
    }

    /** JSON objects of wrong shapes: known and unknown keys in any case, values of every type. */
    private static String wrongShape(Seeded random) {
        long future = Instant.now().getEpochSecond() + 3600;
        List<String> names = random.list(5, () -> random.pick("auth", "Auth", "AUTH", "ts", "Ts", "uri", "Uri", "keys",
                "Keys", "session_id", "Token", "x"));
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            String value = random.oneOf(() -> Json.quote(random.anyString(20)), () -> String.valueOf(random.anyLong()),
                    () -> String.valueOf(random.anyDouble()),
                    () -> random.pick("null", "true", "[]", "{}", "\"\"", "1e309", "-1", "99999999999999999999",
                            "\"" + future + "\"", "\"-5\"", "\"1.5\"", "\" 1\"", "\"0x10\""));
            json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(value);
        }
        return json.append('}').toString();
    }

    /**
     * Bodies are never valid: garbage, or a real AES body under a different key, or an IV whose first byte differs
     * (which turns the leading '{' into something else; CBC has no MAC, so a wrong IV that keeps the JSON valid
     * cannot be told from a right one).
     */
    private static Attack bodyAttack(Seeded random, ObshellSdkHeaders sdk) {
        long future = Instant.now().getEpochSecond() + 60;
        String garbage = random.pick("", "QUJD", "%%%", "AAAAAAAAAAAAAAAAAAAAAA==", "A".repeat(70_000));
        byte[] keyBytes = random.bytes(0, 40);
        String header = sdk.encrypt("{\"auth\": \"P@ssw0rd!\", \"ts\": \"" + future + "\", \"uri\": \""
                + URI + "\", \"keys\": \"" + Base64.getEncoder().encodeToString(keyBytes) + "\"}");
        if (!garbage.isEmpty()) {
            return new Attack(header, garbage);
        }
        byte[] other = keyBytes.length >= 32 ? Arrays.copyOf(keyBytes, 32) : ObshellSdkHeaders.randomKeys();
        other[random.between(0, 16)] ^= 0x5a;
        return new Attack(header, ObshellSdkHeaders.aesBody(other, "{\"name\": \"rt2\"}"));
    }

    @Test
    void hostileHeadersGetOnlyDocumentedAnswers(Seeded random) throws Exception {
        String key = Json.parse(io.restassured.RestAssured.get("/api/v1/secret").asString()).get("data").get("public_key").asText();
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(key);
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        ObshellSdkHeaders foreign = new ObshellSdkHeaders(Base64.getEncoder().encodeToString(
                Pkcs1.encodePublicKey((java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic())));
        List<Attack> attacks = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            attacks.add(attack(random, sdk, foreign));
        }

        List<Outcome<Attack>> outcomes = new ParallelHttp(8, Duration.ofSeconds(10)).send(attacks, attack -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(ParallelHttp.uri(URI));
            if (!attack.header().isEmpty()) {
                request.header("X-OCS-Header", attack.header());
            }
            return attack.body().isEmpty() ? request.GET()
                    : request.method("GET", HttpRequest.BodyPublishers.ofString(attack.body()));
        });

        Map<String, Long> byAnswer = new TreeMap<>();
        for (Outcome<Attack> outcome : outcomes) {
            assertEquals(null, outcome.failure(), () -> "no answer for " + outcome.input());
            int status = outcome.status();
            assertTrue(Set.of(400, 401, 413, 431).contains(status), () -> status + " for " + outcome.input() + ": " + outcome.body());
            JsonNode error = Json.parse(outcome.body()).get("error");
            String errCode = error.get("errCode").asText();
            assertTrue(DOCUMENTED.contains(errCode), errCode);
            if (errCode.equals("Security.Authentication.Header.DecryptFailed")) {
                assertEquals(1, error.get("code").asInt(), "the SDKs refetch the key on code 1");
            }
            byAnswer.merge(status + " " + errCode, 1L, Long::sum);
        }
        long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
        System.out.printf("RELIABILITY header fuzz: %d cases, answers %s, slowest %d ms%n", outcomes.size(), byAnswer, slowest);
        assertEquals(CASES, outcomes.size());
    }
}
