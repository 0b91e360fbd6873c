package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.ParallelHttp.Outcome;
import io.obrestore.support.Seeded;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10 000 generated tenant names (any unicode, control characters, percent-encodings, SQL metacharacters, quotes,
 * backslashes, path traversal, 10 KiB names, the empty name, near-misses of real tenants) against the real service
 * and database: only 400/404 envelopes, never 5xx, never a hang, never another tenant's data.
 */
@QuarkusTest
@Tag("scaled") // larger in the reliability profile: ./mvnw -B verify -Preliability
@WithTestResource(MariaDbTestResource.class)
@ExtendWith(Seeded.class)
class TenantNameFuzzTest {

    /** 1 000 cases in the regular suite, 10 000 in the reliability profile ({@code -Preliability}). */
    static final int CASES = Integer.getInteger("test.fuzz.cases", 1_000);
    static final Set<String> RESTORED = Set.of("rt2", "rt_multi", "rt_failed", "rt-4_x~y+z#1", "t_recreated",
            "rt_unparsable", "rt_running", "rt_xss");

    static String hostileName(Seeded random) {
        String[] real = {"rt2", "rt_running", "tenant1", "sys", "META$1002", "rt-4_x~y+z#1"};
        String noise = "'\"\\%;`-_#+~/.*?&=,()<> \t\n\r\0";
        return random.oneOf(
                () -> random.anyString(40),
                () -> random.string(1, 8, '\u0000', '\u001f'),
                () -> random.pick(real) + random.string(0, 12, noise),
                () -> random.string(0, 12, noise) + random.pick(real),
                () -> random.pick("", " ", "%", "%25", "%2F", "..", "../..", "..%2F..%2Fetc%2Fpasswd", "rt2' OR '1'='1",
                        "rt2\" OR \"1\"=\"1", "rt2'; DROP TABLE oceanbase.DBA_OB_TENANTS; --", "rt2\\", "rt2\\'",
                        "%' OR 1=1 --", "_", "%%", "rt_%", "RT2", "rt2\u0000", "\uFEFFrt2", "rt2\u200B", "ｒｔ２",
                        "SYS", "Sys", "sys ", " sys"),
                () -> random.asciiString(129, 600),
                () -> random.string(10 * 1024, 10 * 1024, 'a', 'z'),
                () -> random.string(100, 3000, '\u4e00', '\u9fa5'));
    }

    /** Every byte percent-encoded except RFC 3986 unreserved characters: always a valid request-target. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    @Test
    void hostileNamesGetOnlyClientErrorsInTheEnvelope(Seeded random) throws InterruptedException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            names.add(hostileName(random));
        }
        ParallelHttp http = new ParallelHttp(8, Duration.ofSeconds(10));
        List<Outcome<String>> outcomes = http.send(names, name -> HttpRequest.newBuilder(
                ParallelHttp.uri("/api/v1/tenant/" + encode(name) + "/restore/overview")).GET());

        Map<String, Long> byAnswer = new TreeMap<>();
        for (Outcome<String> outcome : outcomes) {
            String name = outcome.input();
            assertEquals(null, outcome.failure(), () -> "no answer for " + printable(name));
            int status = outcome.status();
            assertTrue(outcome.body().startsWith("{\"successful\""),
                    () -> status + " without envelope for " + printable(name) + ": " + outcome.body());
            JsonNode body = Json.parse(outcome.body());
            assertEquals(status, body.get("status").asInt());
            if (status == 200) {
                // Only a real tenant's own name may ever answer, and with its own restore.
                assertTrue(RESTORED.contains(name), () -> "200 for " + printable(name));
                assertEquals(name, body.get("data").get("restore_tenant_name").asText());
            } else {
                assertTrue(status == 400 || status == 404, () -> status + " for " + printable(name) + ": " + outcome.body());
                assertTrue(body.get("error").get("errCode").asText().matches("OB\\.Tenant\\..+|Common\\.NotFound"));
            }
            byAnswer.merge(status + " " + (status == 200 ? "OK" : body.get("error").get("errCode").asText()), 1L, Long::sum);
        }
        long slowest = outcomes.stream().mapToLong(Outcome::millis).max().orElse(0);
        System.out.printf("RELIABILITY tenant-name fuzz: %d cases, answers %s, slowest %d ms%n", outcomes.size(),
                byAnswer, slowest);
        assertEquals(CASES, outcomes.size());
    }

    private static String printable(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return shown.chars().mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
