package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.ParallelHttp.Outcome;
import io.obrestore.support.SpecVectors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10 000 generated X-OCS-Header values and bodies (random bytes, bad base64, truncated and extra RSA blocks, a
 * foreign key, empty, huge, JSON of the wrong shape and types, odd ts values, broken AES bodies) against the
 * service with a password set: only the documented 400/401/413/431 answers, never 5xx, never 200.
 */
@QuarkusTest
@Tag("scaled") // larger in the reliability profile: ./mvnw -B verify -Preliability
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class OcsHeaderFuzzTest {

    /** 1 000 cases in the regular suite, 10 000 in the reliability profile ({@code -Preliability}). */
    static final int CASES = Integer.getInteger("test.fuzz.cases", 1_000);
    static final String URI = "/api/v1/tenant/rt2/restore/overview";
    static final Set<String> DOCUMENTED = Set.of("Request.Header.NotFound", "Request.Header.TooLarge",
            "Request.Body.TooLarge", "Request.Body.Decrypt.AES.KeyAndIv.Invalid",
            "Request.Body.Decrypt.AES.ContentLength.Invalid", "Request.Body.Decrypt.Failed",
            "Security.Authentication.Header.DecryptFailed", "Security.Authentication.Header.UriMismatch",
            "Security.Authentication.Expired", "Security.Authentication.Timestamp.Invalid",
            "Security.Authentication.IncorrectOceanbasePassword", "Security.Authentication.IncorrectAgentPassword",
            "Security.Authentication.Replayed");

    /** A header value and a body (possibly empty). */
    record Attack(String header, String body) {
    }

    static Arbitrary<Attack> attacks(ObshellSdkHeaders sdk, ObshellSdkHeaders foreign) {
        long future = Instant.now().getEpochSecond() + 3600;
        Arbitrary<String> jsonValue = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(Json::quote),
                Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("null", "true", "[]", "{}", "\"\"", "1e309", "-1", "99999999999999999999",
                        "\"" + future + "\"", "\"-5\"", "\"1.5\"", "\" 1\"", "\"0x10\""));
        Arbitrary<String> fieldName = Arbitraries.of("auth", "Auth", "AUTH", "ts", "Ts", "uri", "Uri", "keys", "Keys",
                "session_id", "Token", "x");
        Arbitrary<String> wrongShapes = Combinators.combine(fieldName.list().ofMaxSize(5), jsonValue.list().ofSize(5))
                .as((names, values) -> {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        json.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":").append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        Arbitrary<String> oddTs = Arbitraries.of("\"\"", "\"abc\"", "1767225660", "1.7e9", "\"-1\"", "\"0\"",
                "\"9223372036854775808\"", "\"+1\"", "null", "\"1767225660 \"", "true");
        Arbitrary<String> odd = Combinators.combine(Arbitraries.of("P@ssw0rd!", "wrong", ""), oddTs,
                Arbitraries.of(URI, URI + "?", "/api/v1/tenant/rt2/restore/overview/", "/api/v1/tenant/RT2/restore/overview", ""))
                .as((pw, ts, uri) -> "{\"Auth\":" + Json.quote(pw) + ",\"Ts\":" + ts + ",\"Uri\":" + Json.quote(uri) + "}");
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(700);
        Arbitrary<String> valid = Arbitraries.of(0).map(i -> sdk.go("wrong-password", URI));
        Arbitrary<Attack> headers = Arbitraries.oneOf(
                randomBytes.map(b -> Base64.getEncoder().encodeToString(b)),
                Arbitraries.strings().ascii().ofMaxLength(300),
                Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(700),
                Arbitraries.integers().between(0, 8).map(blocks -> Base64.getEncoder().encodeToString(new byte[128 * blocks])),
                Combinators.combine(valid, Arbitraries.integers().between(-127, 300)).as((h, cut) -> {
                    byte[] raw = Base64.getDecoder().decode(h);
                    return Base64.getEncoder().encodeToString(Arrays.copyOf(raw, Math.max(1, raw.length + cut)));
                }),
                Arbitraries.of(0).map(i -> foreign.go(SpecVectors.PASSWORD, URI)),
                wrongShapes.map(sdk::encrypt),
                odd.map(sdk::encrypt),
                Arbitraries.integers().between(8193, 20_000).map("A"::repeat)
        // Only what an HTTP client can put on the wire: visible ASCII (an empty value means "no header").
        ).filter(h -> h.isEmpty() || h.chars().allMatch(c -> c > 0x20 && c < 0x7f)).map(h -> new Attack(h, ""));
        // Bodies are never valid: garbage, or a real AES body under a different key, or an IV whose first byte differs
        // (which turns the leading '{' into something else; CBC has no MAC, so a wrong IV that keeps the JSON valid
        // cannot be told from a right one).
        Arbitrary<Attack> bodies = Combinators.combine(
                Arbitraries.of("", "QUJD", "%%%", "AAAAAAAAAAAAAAAAAAAAAA==", "A".repeat(70_000)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40),
                Arbitraries.integers().between(0, 16)).as((garbage, keyBytes, flip) -> {
                    String header = sdk.encrypt("{\"auth\": \"P@ssw0rd!\", \"ts\": \"" + future + "\", \"uri\": \""
                            + URI + "\", \"keys\": \"" + Base64.getEncoder().encodeToString(keyBytes) + "\"}");
                    if (!garbage.isEmpty()) {
                        return new Attack(header, garbage);
                    }
                    byte[] other = keyBytes.length >= 32 ? Arrays.copyOf(keyBytes, 32) : ObshellSdkHeaders.randomKeys();
                    other[flip] ^= 0x5a;
                    return new Attack(header, ObshellSdkHeaders.aesBody(other, "{\"name\": \"rt2\"}"));
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, headers), net.jqwik.api.Tuple.of(1, bodies));
    }

    @Test
    void hostileHeadersGetOnlyDocumentedAnswers() throws Exception {
        String key = Json.parse(io.restassured.RestAssured.get("/api/v1/secret").asString()).get("data").get("public_key").asText();
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(key);
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        ObshellSdkHeaders foreign = new ObshellSdkHeaders(Base64.getEncoder().encodeToString(
                Pkcs1.encodePublicKey((java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic())));
        List<Attack> attacks = attacks(sdk, foreign).sampleStream().limit(CASES).toList();

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
