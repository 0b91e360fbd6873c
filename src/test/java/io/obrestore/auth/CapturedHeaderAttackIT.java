package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkClient;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.RawHttp;
import io.obrestore.support.ServiceProcess;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker on the network does with the public key and captured X-OCS-Headers, against the packaged service
 * (docs/auth-protocol.md §7): probe for a padding oracle (answers and timing), splice a captured block that holds the
 * password into headers of his own, stretch its lifetime, replay re-encodings. Each must yield nothing.
 */
class CapturedHeaderAttackIT {

    private static final String PASSWORD = "P@ssw0rd!";
    /** 40 characters: in both SDK forms the first block then holds the password but no digit of ts. */
    private static final String LONG_PASSWORD = "correct-horse-battery-staple-0123456789x";
    private static final String OVERVIEW = "/api/v1/tenant/rt2/restore/overview";
    private static final String TASKS = "/api/v1/restore/tasks";
    private static final String RUNNING = "/api/v1/restore/running/stream";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The SDKs' chunk: 512/8 - 11 bytes. */
    private static final int CHUNK = 53;

    @TempDir
    static Path dir;

    private static ServiceProcess service;
    private static ObshellSdkHeaders attacker;

    @BeforeAll
    static void start() throws Exception {
        // Guessing is throttled; these attacks are about what a header reveals, not how fast one may guess.
        Map<String, String> env = new java.util.HashMap<>(ServiceProcess.NO_THROTTLE);
        env.put("OBRESTORE_AUTH_PASSWORD", PASSWORD);
        env.put("OBRESTORE_AUTH_AGENT_PASSWORD", LONG_PASSWORD);
        service = ServiceProcess.start(dir, "attacked", env);
        attacker = new ObshellSdkHeaders(service.publicKey());
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /**
     * Bleichenbacher needs to tell a block with valid PKCS#1 padding from one without. Four kinds of forged 8-block
     * headers, the first block of each differing only in what it decrypts to: bad padding; good padding around
     * random bytes; good padding around text that is not JSON; good padding around truncated JSON. One answer for
     * all, and the same time (medians over interleaved tries, printed).
     */
    @Test
    void noPaddingOracleInAnswersOrTiming() throws Exception {
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        int tries = 150;
        for (String kind : List.of("bad padding", "random bytes", "not JSON", "truncated JSON")) {
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                headers.add(forged(kind));
            }
            kinds.put(kind, headers);
        }
        Set<String> answers = new HashSet<>();
        Map<String, long[]> nanos = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> nanos.put(kind, new long[tries]));
        for (int i = 0; i < tries; i++) {
            for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
                long start = System.nanoTime();
                HttpResponse<String> response = service.get(OVERVIEW, "X-OCS-Header", kind.getValue().get(i));
                nanos.get(kind.getKey())[i] = System.nanoTime() - start;
                answers.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                        + " " + withoutRequestFields(response.body()));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        nanos.forEach((kind, times) -> medians.put(kind, median(times) / 1e6));
        double fastest = medians.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double slowest = medians.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("ATTACK padding-oracle timing, median ms over %d tries each: %s; slowest/fastest %.3f%n",
                tries, format(medians), slowest / fastest);
        System.out.printf("ATTACK padding-oracle answers: %d distinct for the four kinds%s%n", answers.size(),
                answers.size() > 1 ? ": " + answers : "");
        assertEquals(1, answers.size(), "one answer for every kind: " + answers);
        JsonNode error = Json.parse(answers.iterator().next().split(" ", 3)[2]).get("error");
        assertEquals(1, error.get("code").asInt(), "code 1: the SDKs refetch the key");
        assertEquals("Security.Authentication.Header.DecryptFailed", error.get("errCode").asText());

        // Stopping at a bad first block would save 7 of 8 RSA operations (several ms here): far beyond this bound.
        assertTrue(slowest / fastest < 1.25, "medians differ: " + format(medians));
    }

    /**
     * The victim's first block holds {"Auth":"<password>","Ts":"<ts>","Uri":"/api/v1 ; the attacker encrypts the rest
     * of a header of his choosing with the public key. Once the victim's header has been answered, every such forgery
     * is refused, on any route, also with a ts of his own added as a second key.
     */
    @Test
    void aCapturedPasswordBlockCannotBeSplicedIntoAnotherHeader() throws Exception {
        String victim = attacker.go(PASSWORD, OVERVIEW);
        assertEquals(200, service.get(OVERVIEW, "X-OCS-Header", victim).statusCode());
        byte[] passwordBlock = firstBlock(victim);
        String prefix = ObshellSdkHeaders.goPlaintext(PASSWORD, ObshellSdkHeaders.expiry(), OVERVIEW, null)
                .substring(0, 53);
        int refused = 0;
        for (String[] forgery : new String[][] {
            {TASKS, completing(prefix, TASKS) + "\",\"Keys\":null}"},
            {RUNNING, completing(prefix, RUNNING) + "\",\"Keys\":null}"},
            {TASKS, completing(prefix, TASKS) + "\",\"Ts\":\"9999999999\",\"Keys\":null}"},
        }) {
            String spliced = splice(passwordBlock, forgery[1]);
            // The status only: an accepted forgery of the stream route would open a stream that never ends.
            if (service.status(forgery[0], "X-OCS-Header", spliced) == 401) {
                refused++;
            }
        }
        System.out.printf("ATTACK splicing a captured password block: %d of 3 forgeries refused%n", refused);
        assertEquals(3, refused);
        // The same forgery with the attacker's own first block (and a wrong password) is checked normally: it is the
        // captured block that is refused, not the shape of the header.
        assertEquals("Security.Authentication.IncorrectOceanbasePassword", errCode(service.get(TASKS, "X-OCS-Header",
                attacker.go("guess", TASKS))));
    }

    /**
     * A second ts key appended by a forger is refused even before the victim's header arrives (no memory needed). The
     * forgery's blocks are remembered as it arrives, whatever happens to it, so the victim's header, held back and
     * spliced first, is a replay when it arrives: the SDK sends a fresh one.
     */
    @Test
    void aForgedSecondTsIsRefusedOutright() throws Exception {
        String victim = attacker.go(PASSWORD, OVERVIEW);
        String prefix = ObshellSdkHeaders.goPlaintext(PASSWORD, ObshellSdkHeaders.expiry(), OVERVIEW, null)
                .substring(0, 53);
        String spliced = splice(firstBlock(victim), completing(prefix, TASKS) + "\",\"Ts\":\"9999999999\",\"Keys\":null}");
        assertEquals("Security.Authentication.Header.DecryptFailed", errCode(service.get(TASKS, "X-OCS-Header", spliced)));
        assertEquals("Security.Authentication.Replayed", errCode(service.get(OVERVIEW, "X-OCS-Header", victim)));
        assertEquals(200, service.get(OVERVIEW, "X-OCS-Header", attacker.go(PASSWORD, OVERVIEW)).statusCode());
    }

    /**
     * A client locked out by the throttle (three wrong passwords) sends a valid header: 429, unchecked. Sent from
     * another address, that header, or its first block with a password of 40 characters and a fresh ts of the
     * attacker's, gets nothing: its first block was remembered with the 429.
     */
    @Test
    void aHeaderTheThrottleRefusedIsWorthlessFromAnyOtherAddress() throws Exception {
        try (ServiceProcess guarded = ServiceProcess.start(dir, "throttled", Map.of(
                "OBRESTORE_AUTH_PASSWORD", PASSWORD, "OBRESTORE_AUTH_AGENT_PASSWORD", LONG_PASSWORD))) {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(guarded.publicKey());
            int port = guarded.port();
            for (int i = 0; i < 3; i++) {
                assertEquals(401, RawHttp.get("127.0.8.1", port, OVERVIEW, "X-OCS-Header", sdk.go("typo", OVERVIEW)).status());
            }
            String victim = sdk.go(PASSWORD, OVERVIEW);
            String longVictim = sdk.go(LONG_PASSWORD, OVERVIEW);
            assertEquals(429, RawHttp.get("127.0.8.1", port, OVERVIEW, "X-OCS-Header", victim).status());
            assertEquals(429, RawHttp.get("127.0.8.1", port, OVERVIEW, "X-OCS-Agent-Header", longVictim).status());

            RawHttp.Answer replayed = RawHttp.get("127.0.9.1", port, OVERVIEW, "X-OCS-Header", victim);
            byte[] longBlock = Arrays.copyOf(Base64.getDecoder().decode(longVictim), sdk.blockSize());
            String forged = spliceWith(sdk, longBlock, "s\":\"" + ObshellSdkHeaders.expiry() + "\",\"Uri\":\"" + TASKS
                    + "\",\"Keys\":null}");
            RawHttp.Answer spliced = RawHttp.get("127.0.9.1", port, TASKS, "X-OCS-Agent-Header", forged);
            System.out.printf("ATTACK a header the throttle refused (429), from another address: %d %s; its long"
                    + " password's block with a fresh ts: %d %s%n", replayed.status(), errCode(replayed),
                    spliced.status(), errCode(spliced));
            assertEquals("Security.Authentication.Replayed", errCode(replayed));
            assertEquals("Security.Authentication.Replayed", errCode(spliced));
            // The attacker's own header with a wrong password is checked normally from there.
            assertEquals("Security.Authentication.IncorrectOceanbasePassword", errCode(RawHttp.get("127.0.9.1", port,
                    TASKS, "X-OCS-Header", sdk.go("guess", TASKS))));
        }
    }

    /**
     * A header the clock refused (its ts passed) leaves no usable block: the first block of a 40-character password,
     * which holds no ts digit, spliced with a fresh ts is a replay.
     */
    @Test
    void aHeaderTheClockRefusedLeavesNoUsableBlock() throws Exception {
        String expired = attacker.encrypt(ObshellSdkHeaders.goPlaintext(LONG_PASSWORD,
                Instant.now().getEpochSecond() - 5, OVERVIEW, null));
        assertEquals("Security.Authentication.Expired", errCode(service.get(OVERVIEW, "X-OCS-Agent-Header", expired)));
        String forged = splice(firstBlock(expired), "s\":\"" + ObshellSdkHeaders.expiry() + "\",\"Uri\":\"" + TASKS
                + "\",\"Keys\":null}");
        HttpResponse<String> answer = service.get(TASKS, "X-OCS-Agent-Header", forged);
        System.out.printf("ATTACK an expired header's password block with a fresh ts: %d %s%n", answer.statusCode(),
                errCode(answer));
        assertEquals("Security.Authentication.Replayed", errCode(answer));
    }

    /**
     * A restart forgets what the process saw, and the key with it: a header answered before the restart, sent again
     * within its 60 s, and a 40-character password's first block with a fresh ts, are headers for a key that no longer
     * exists (code 1). The SDKs fetch the new key and carry on.
     */
    @Test
    void aRestartMakesEveryEarlierHeaderWorthless() throws Exception {
        Map<String, String> env = Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD,
                "OBRESTORE_AUTH_AGENT_PASSWORD", LONG_PASSWORD);
        String victim;
        String longVictim;
        String keyBefore;
        try (ServiceProcess before = ServiceProcess.start(dir, "restarted", env)) {
            keyBefore = before.publicKey();
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(keyBefore);
            victim = sdk.go(PASSWORD, OVERVIEW);
            longVictim = sdk.go(LONG_PASSWORD, OVERVIEW);
            assertEquals(200, before.get(OVERVIEW, "X-OCS-Header", victim).statusCode());
            assertEquals(200, before.get(OVERVIEW, "X-OCS-Agent-Header", longVictim).statusCode());
        }
        try (ServiceProcess after = ServiceProcess.start(dir, "restarted", env)) {
            HttpResponse<String> replayed = after.get(OVERVIEW, "X-OCS-Header", victim);
            ObshellSdkHeaders oldKey = new ObshellSdkHeaders(keyBefore);
            byte[] longBlock = Arrays.copyOf(Base64.getDecoder().decode(longVictim), oldKey.blockSize());
            String forged = spliceWith(oldKey, longBlock, "s\":\"" + ObshellSdkHeaders.expiry() + "\",\"Uri\":\"" + TASKS
                    + "\",\"Keys\":null}");
            HttpResponse<String> spliced = after.get(TASKS, "X-OCS-Agent-Header", forged);
            System.out.printf("ATTACK after a restart: the answered header again %d %s; the long password's block with"
                    + " a fresh ts %d %s%n", replayed.statusCode(), errCode(replayed), spliced.statusCode(),
                    errCode(spliced));
            assertFalse(keyBefore.equals(after.publicKey()), "a new key at every start");
            assertEquals("Security.Authentication.Header.DecryptFailed", errCode(replayed));
            assertEquals("Security.Authentication.Header.DecryptFailed", errCode(spliced));
            assertEquals(1, Json.parse(spliced.body()).get("error").get("code").asInt());
            for (ObshellSdkClient.Sdk kind : ObshellSdkClient.Sdk.values()) {
                ObshellSdkClient client = new ObshellSdkClient(kind, "127.0.0.1", after.port(), PASSWORD, "X-OCS-Header");
                assertEquals(200, client.get(OVERVIEW).status(), kind.name());
            }
        }
    }

    /**
     * The length oracle: a forger's header opens a JSON string, puts the block he probes in the middle, and closes it.
     * A well-padded block of 53 bytes parses there (the header is then checked: a wrong password), but so did a
     * well-padded 2-byte one, which told it apart from a badly padded block (a 53-byte stand-in that never parses).
     * Every block before the last must now hold exactly one SDK chunk, so the short one fails like bad padding.
     */
    @Test
    void aShortWellPaddedBlockBeforeTheLastFailsLikeBadPadding() throws Exception {
        String open = "{\"Auth\":\"guess\",\"x\":\"";
        String first = open + "y".repeat(CHUNK - open.length());
        String close = "\",\"Ts\":\"" + ObshellSdkHeaders.expiry() + "\",\"Uri\":\"" + OVERVIEW + "\",\"Keys\":null}";
        Map<String, String> answers = new LinkedHashMap<>();
        for (String probed : List.of("a".repeat(CHUNK), "ab")) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.writeBytes(attacker.blocks(first.getBytes(StandardCharsets.UTF_8)));
            header.writeBytes(attacker.blocks(probed.getBytes(StandardCharsets.UTF_8)));
            header.writeBytes(attacker.blocks(close.getBytes(StandardCharsets.UTF_8)));
            answers.put(probed.length() + " bytes", errCode(service.get(OVERVIEW, "X-OCS-Header",
                    Base64.getEncoder().encodeToString(header.toByteArray()))));
        }
        System.out.printf("ATTACK length oracle, a well-padded block before the last: %s%n", answers);
        assertEquals("Security.Authentication.IncorrectOceanbasePassword", answers.get("53 bytes"));
        assertEquals("Security.Authentication.Header.DecryptFailed", answers.get("2 bytes"));
    }

    /** Someone with the password cannot make a header that lives longer than obrestore.auth.max-lifetime. */
    @Test
    void aTsFarAheadIsRefused() throws Exception {
        String forever = attacker.encrypt(ObshellSdkHeaders.goPlaintext(PASSWORD, 9_999_999_999L, OVERVIEW, null));
        HttpResponse<String> answer = service.get(OVERVIEW, "X-OCS-Header", forever);
        System.out.printf("ATTACK ts=9999999999 with the password: %d %s%n", answer.statusCode(), errCode(answer));
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("Security.Authentication.Timestamp.TooFar", errCode(answer));
        assertEquals(10008, Json.parse(answer.body()).get("error").get("code").asInt());
    }

    /** Changing the unused bits of an answered header's base64 tail gives the same blocks: replays, refused. */
    @Test
    void reEncodingsOfAnAnsweredHeaderAreReplays() throws Exception {
        // Two blocks (256 bytes): the base64 ends in one character with four unused bits, then "==".
        String header = attacker.go(PASSWORD, OVERVIEW);
        assertEquals(200, service.get(OVERVIEW, "X-OCS-Header", header).statusCode());
        List<String> variants = reEncodings(header);
        assertEquals(15, variants.size());
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String variant : variants) {
            assertFalse(variant.equals(header));
            HttpResponse<String> answer = service.get(OVERVIEW, "X-OCS-Header", variant);
            answers.merge(answer.statusCode() + " " + errCode(answer), 1, Integer::sum);
        }
        System.out.printf("ATTACK re-encoded replays: %s%n", answers);
        assertEquals(Map.of("401 Security.Authentication.Replayed", 15), answers);
    }

    /**
     * With a long password the first block holds the password and no digit of ts, so a forger could pair it with a
     * fresh ts for ever: such a block is remembered for obrestore.auth.password-block-retention (24 h), far beyond
     * the 2 s every other block is kept here. A short password's block carries its whole ts and expires with it.
     */
    @Test
    void passwordBlocksOutliveTheHeaderThatCarriedThem() throws Exception {
        // Plain blocks are remembered max-lifetime + clock-skew = 2 s here; password blocks' retention stays 24 h.
        try (ServiceProcess shortMemory = ServiceProcess.start(dir, "short-memory", Map.of(
                "OBRESTORE_AUTH_PASSWORD", PASSWORD,
                "OBRESTORE_AUTH_AGENT_PASSWORD", LONG_PASSWORD,
                "OBRESTORE_AUTH_MAX_LIFETIME", "2s",
                "OBRESTORE_AUTH_CLOCK_SKEW", "0s"))) {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(shortMemory.publicKey());
            long ts = Instant.now().getEpochSecond() + 1;
            String longVictim = sdk.encrypt(ObshellSdkHeaders.goPlaintext(LONG_PASSWORD, ts, OVERVIEW, null));
            String shortVictim = sdk.encrypt(ObshellSdkHeaders.goPlaintext(PASSWORD, ts, OVERVIEW, null));
            assertEquals(200, shortMemory.get(OVERVIEW, "X-OCS-Agent-Header", longVictim).statusCode());
            assertEquals(200, shortMemory.get(OVERVIEW, "X-OCS-Header", shortVictim).statusCode());
            // Until the service's clock is past the victims' ts and every plain block's memory (2 s after they were
            // answered), so only the retention of password blocks can still refuse anything.
            long past = Instant.now().getEpochSecond() + 3;
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> clockOf(shortMemory).getEpochSecond() > past);

            String longPrefix = ObshellSdkHeaders.goPlaintext(LONG_PASSWORD, ts, OVERVIEW, null).substring(0, 53);
            assertTrue(longPrefix.endsWith("\",\"T"), "the first block holds no ts digit: " + longPrefix);
            long freshTs = Instant.now().getEpochSecond() + 1;
            byte[] longBlock = Arrays.copyOf(Base64.getDecoder().decode(longVictim), sdk.blockSize());
            String forged = spliceWith(sdk, longBlock, "s\":\"" + freshTs + "\",\"Uri\":\"" + TASKS + "\",\"Keys\":null}");
            assertEquals("Security.Authentication.Replayed", errCode(shortMemory.get(TASKS, "X-OCS-Agent-Header", forged)));

            // The short password's block carries the victim's whole ts, now past: splicing it gets nothing either.
            byte[] shortBlock = Arrays.copyOf(Base64.getDecoder().decode(shortVictim), sdk.blockSize());
            String shortPrefix = ObshellSdkHeaders.goPlaintext(PASSWORD, ts, OVERVIEW, null).substring(0, 53);
            String shortForged = spliceWith(sdk, shortBlock, completing(shortPrefix, TASKS) + "\",\"Keys\":null}");
            assertEquals("Security.Authentication.Expired", errCode(shortMemory.get(TASKS, "X-OCS-Header", shortForged)));
        }
    }

    // --- attacker's tools ---

    /** An 8-block header of the given kind; only the first block differs between kinds. */
    private static String forged(String kind) {
        int k = attacker.blockSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = switch (kind) {
            case "bad padding" -> {
                byte[] encoded = new byte[k];
                RANDOM.nextBytes(encoded);
                encoded[0] = 0;
                encoded[1] = 3; // not 02: PKCS#1 v1.5 decryption fails here
                yield attacker.rawBlock(encoded);
            }
            case "random bytes" -> {
                byte[] random = new byte[53];
                RANDOM.nextBytes(random);
                random[0] = (byte) 0xff; // never a JSON start
                yield attacker.blocks(random);
            }
            case "not JSON" -> attacker.blocks("this is plain text and no JSON value at all, sorry!!".getBytes(
                    StandardCharsets.UTF_8));
            case "truncated JSON" -> attacker.blocks("{\"Auth\":\"guess\",\"Ts\":\"1767225660\",\"Uri\":\"/api/v".getBytes(
                    StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(kind);
        };
        out.writeBytes(first);
        // Seven more blocks, the same for every kind, so decrypting them is most of the work. After the truncated
        // JSON they continue its last string without ever closing it: that kind fails at the very end.
        out.writeBytes(attacker.blocks("y".repeat(7 * 53).getBytes(StandardCharsets.UTF_8)));
        byte[] all = out.toByteArray();
        assertEquals(8 * k, all.length, kind);
        return Base64.getEncoder().encodeToString(all);
    }

    /** What follows {@code prefix} (a header's first 53 bytes, ending inside its uri) to make the uri {@code target}. */
    private static String completing(String prefix, String target) {
        String uriSoFar = prefix.substring(prefix.indexOf("\"Uri\":\"") + 7);
        assertTrue(target.startsWith(uriSoFar), prefix + " / " + target);
        return target.substring(uriSoFar.length());
    }

    private static byte[] firstBlock(String header) {
        return Arrays.copyOf(Base64.getDecoder().decode(header), attacker.blockSize());
    }

    /** The captured block followed by the attacker's own blocks for {@code rest} (the text after "/api/v1"). */
    private static String splice(byte[] capturedBlock, String rest) {
        return spliceWith(attacker, capturedBlock, rest);
    }

    private static String spliceWith(ObshellSdkHeaders publicKey, byte[] capturedBlock, String rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(capturedBlock);
        out.writeBytes(publicKey.blocks(rest.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The 15 other spellings of the last base64 character before the padding (its unused bits changed). */
    private static List<String> reEncodings(String header) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int padding = header.endsWith("==") ? 2 : header.endsWith("=") ? 1 : 0;
        int last = header.length() - padding - 1;
        int value = alphabet.indexOf(header.charAt(last));
        int unusedBits = padding == 2 ? 4 : padding == 1 ? 2 : 0;
        List<String> variants = new ArrayList<>();
        for (int low = 0; low < (1 << unusedBits); low++) {
            int changed = (value & ~((1 << unusedBits) - 1)) | low;
            if (changed != value) {
                variants.add(header.substring(0, last) + alphabet.charAt(changed) + header.substring(last + 1));
            }
        }
        return variants;
    }

    private static Instant clockOf(ServiceProcess instance) throws Exception {
        return java.time.OffsetDateTime.parse(Json.parse(instance.get("/api/v1/info").body()).get("timestamp").asText())
                .toInstant();
    }

    private static String errCode(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error").path("errCode").asText("none: " + response.statusCode());
    }

    private static String errCode(RawHttp.Answer answer) {
        // A success may come chunked (RawHttp keeps the raw body): only errors are read.
        return answer.status() < 400 ? "none: " + answer.status()
                : Json.parse(answer.body()).path("error").path("errCode").asText("none: " + answer.status());
    }

    /** The body without what differs per request (timestamp, duration, traceId). */
    private static String withoutRequestFields(String body) {
        ObjectNode node = (ObjectNode) Json.parse(body);
        node.remove(List.of("timestamp", "duration", "traceId"));
        return node.toString();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(Map<String, Double> medians) {
        StringBuilder out = new StringBuilder();
        medians.forEach((kind, ms) -> out.append(out.length() == 0 ? "" : ", ").append(kind).append(' ')
                .append(String.format("%.3f", ms)));
        return out.toString();
    }
}
