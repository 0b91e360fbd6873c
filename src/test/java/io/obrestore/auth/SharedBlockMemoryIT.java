package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkClient;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.PackagedService;
import io.obrestore.support.RedisServer;
import io.obrestore.support.ServiceProcess;
import io.obrestore.support.SpecVectors;
import io.obrestore.support.TcpRelay;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two packaged replicas sharing one key seed, as the documented Deployment runs them, against a real Redis
 * (docs/auth-protocol.md §7, "Replicas"): neither accepts a block the other saw, also across a replica's restart; when
 * Redis loses what it held (a restart, an older snapshot), fills up, or cannot be reached while headers arrive, the
 * key changes for both, so no header from before can be used, and SDK clients carry on with the new key. Each test
 * starts processes of its own: two run at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class SharedBlockMemoryIT {

    private static final String PASSWORD = "P@ssw0rd!";
    private static final String OVERVIEW = "/api/v1/tenant/rt2/restore/overview";
    private static final String TASKS = "/api/v1/restore/tasks";

    @TempDir
    Path dir;

    private static Map<String, String> replica(String redisUrl) {
        return Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD, "OBRESTORE_AUTH_PRIVATE_KEY", SpecVectors.PRIVATE_KEY_PKCS1,
                "OBRESTORE_AUTH_BLOCK_MEMORY_STORE", "redis", "QUARKUS_REDIS_HOSTS", redisUrl);
    }

    /**
     * Replica A reaches Redis through a network the test can cut, B directly. Neither accepts a block the other saw,
     * also after A restarts; headers A refused while Redis was unreachable are worthless once it answers again, and so
     * is every header from before Redis restarted empty (as shipped: nothing persisted). Each time both move to one new
     * key and SDK clients carry on.
     */
    @Test
    void replicasShareOneMemoryAcrossRestartsAndOutagesAndChangeKeyWhenItCannotKeepUp() throws Exception {
        try (RedisServer redis = RedisServer.start(dir); TcpRelay network = TcpRelay.to(redis.port());
                ServiceProcess b = ServiceProcess.start(dir, "b", replica(redis.url()))) {
            ServiceProcess a = ServiceProcess.start(dir, "a", replica("redis://127.0.0.1:" + network.port()));
            try {
                ObshellSdkHeaders sdk = new ObshellSdkHeaders(a.publicKey());
                assertEquals(a.publicKey(), b.publicKey(), "one key for both replicas");
                String startKey = a.publicKey();

                String first = sdk.go(PASSWORD, OVERVIEW);
                assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", first).statusCode());
                assertEquals("Security.Authentication.Replayed", errCode(b.get(OVERVIEW, "X-OCS-Header", first)));

                String second = sdk.python(PASSWORD, OVERVIEW);
                assertEquals(200, b.get(OVERVIEW, "X-OCS-Header", second).statusCode());
                assertEquals("Security.Authentication.Replayed", errCode(a.get(OVERVIEW, "X-OCS-Header", second)));

                // A's answered password block spliced into a header for another route, sent to B.
                byte[] block = Arrays.copyOf(Base64.getDecoder().decode(first), sdk.blockSize());
                ByteArrayOutputStream forged = new ByteArrayOutputStream();
                forged.writeBytes(block);
                forged.writeBytes(sdk.blocks("restore/tasks\",\"Keys\":null}".getBytes(StandardCharsets.UTF_8)));
                assertEquals("Security.Authentication.Replayed", errCode(b.get(TASKS, "X-OCS-Header",
                        Base64.getEncoder().encodeToString(forged.toByteArray()))));

                // Fresh headers pass on both; the marker, the epoch's hash and a key per answered block are in Redis.
                assertEquals(200, a.get(TASKS, "X-OCS-Header", sdk.go(PASSWORD, TASKS)).statusCode());
                assertEquals(200, b.get(TASKS, "X-OCS-Header", sdk.go(PASSWORD, TASKS)).statusCode());
                int keys = Integer.parseInt(redis.command("DBSIZE").substring(1));
                assertTrue(keys >= 4, "blocks remembered in Redis: " + keys);

                // A replica that restarts joins the same epoch: same key, and what the memory saw is still refused.
                String key = a.publicKey();
                a.close();
                a = ServiceProcess.start(dir, "a", replica("redis://127.0.0.1:" + network.port()));
                assertEquals(key, a.publicKey());
                assertEquals("Security.Authentication.Replayed", errCode(a.get(OVERVIEW, "X-OCS-Header", first)));

                // Redis unreachable from A: A refuses, unrecorded; once Redis answers again, the key changes for both.
                String refused = sdk.go(PASSWORD, OVERVIEW);
                network.cut();
                HttpResponse<String> unreachable = a.get(OVERVIEW, "X-OCS-Header", refused);
                assertEquals(503, unreachable.statusCode(), unreachable.body());
                assertEquals("Security.Authentication.Unavailable", errCode(unreachable));
                assertTrue(a.log().contains("The shared block memory did not answer"), a.log());
                network.mend();
                HttpResponse<String> later = a.get(OVERVIEW, "X-OCS-Header", refused);
                HttpResponse<String> elsewhere = b.get(OVERVIEW, "X-OCS-Header", refused);
                System.out.printf("ATTACK a header refused while Redis was unreachable, sent once it answers: %d %s, to"
                        + " the other replica: %d %s%n", later.statusCode(), errCode(later), elsewhere.statusCode(),
                        errCode(elsewhere));
                assertEquals(1, code(later), later.body());
                assertEquals(1, code(elsewhere), elsewhere.body());
                sdkClientsCarryOn(a, b);
                assertEquals(a.publicKey(), b.publicKey());

                // Redis restarted empty: the epoch's marker is gone, so is the key.
                String before = a.publicKey();
                String answered = new ObshellSdkHeaders(before).go(PASSWORD, OVERVIEW);
                assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", answered).statusCode());
                redis.restart();
                HttpResponse<String> replayed = b.get(OVERVIEW, "X-OCS-Header", answered);
                System.out.printf("ATTACK a header answered before Redis restarted, sent again: %d %s%n",
                        replayed.statusCode(), errCode(replayed));
                assertEquals(1, code(replayed), replayed.body());
                assertNotEquals(before, b.publicKey());
                // B moved, A has not seen the change yet: a header made for the new key, refused by A (code 1), is
                // remembered all the same; sent to B afterwards it is a replay.
                String madeForNew = new ObshellSdkHeaders(b.publicKey()).go(PASSWORD, OVERVIEW);
                assertEquals(1, code(a.get(OVERVIEW, "X-OCS-Header", madeForNew)));
                assertEquals("Security.Authentication.Replayed", errCode(b.get(OVERVIEW, "X-OCS-Header", madeForNew)));
                sdkClientsCarryOn(a, b);
                assertEquals(a.publicKey(), b.publicKey(), "both replicas moved to the same new key");
                assertTrue(b.log().contains("New RSA key"), b.log());
                assertNotEquals(SpecVectors.PUBLIC_KEY, startKey, "derived from the configured key, not the key itself");
            } finally {
                a.close();
            }
        }
    }

    /**
     * Redis restored from a snapshot older than its last writes (a crash with RDB persistence, or a failover to a
     * replica that lagged): the marker is back, but it names the Redis run that wrote it, so the loss is seen.
     */
    @Test
    void aRedisRestoredFromAnOlderSnapshotChangesTheKey() throws Exception {
        try (RedisServer redis = RedisServer.start(dir, "--save", "", "--appendonly", "no",
                "--maxmemory-policy", "noeviction");
                ServiceProcess a = ServiceProcess.start(dir, "a", replica(redis.url()))) {
            String before = a.publicKey();
            assertEquals("+OK", redis.command("SAVE"));
            String answered = new ObshellSdkHeaders(before).go(PASSWORD, OVERVIEW);
            assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", answered).statusCode());
            redis.crashAndRestart(); // back with the snapshot: the marker, not the answered header's blocks
            HttpResponse<String> replayed = a.get(OVERVIEW, "X-OCS-Header", answered);
            System.out.printf("ATTACK a header answered after Redis' last snapshot, sent again after Redis came back"
                    + " from it: %d %s%n", replayed.statusCode(), errCode(replayed));
            assertEquals(1, code(replayed), replayed.body());
            assertNotEquals(before, a.publicKey());
            sdkClientsCarryOn(a, a);
        }
    }

    /**
     * Redis full of an attacker's junk headers (noeviction, maxmemory reached): the key changes, the old epoch's blocks
     * are dropped, and clients carry on, instead of every header being refused (503).
     */
    @Test
    void aFullRedisChangesTheKeyInsteadOfRefusingEveryone() throws Exception {
        try (RedisServer redis = RedisServer.start(dir)) {
            Map<String, String> env = new HashMap<>(replica(redis.url()));
            // The junk must be admitted to be recorded whole: the throttle would admit a few a minute.
            env.putAll(ServiceProcess.NO_THROTTLE);
            try (ServiceProcess a = ServiceProcess.start(dir, "a", env)) {
                long used = Long.parseLong(redis.info("memory", "used_memory"));
                assertEquals("+OK", redis.command("CONFIG", "SET", "maxmemory", String.valueOf(used + 300_000)));
                String before = a.publicKey();
                SecureRandom random = new SecureRandom();
                Map<Integer, Integer> answers = new HashMap<>();
                ObshellSdkClient client = new ObshellSdkClient(ObshellSdkClient.Sdk.GO, "127.0.0.1", a.port(), PASSWORD,
                        "X-OCS-Header");
                int served = 0;
                int tries = 0;
                for (int i = 0; i < 600 && a.publicKey().equals(before); i++) {
                    byte[] junk = new byte[16 * 128];
                    random.nextBytes(junk);
                    junk[0] = 0;
                    answers.merge(a.get(OVERVIEW, "X-OCS-Header", Base64.getEncoder().encodeToString(junk)).statusCode(),
                            1, Integer::sum);
                    if (i % 20 == 0) {
                        tries++;
                        served += client.get(OVERVIEW).status() == 200 ? 1 : 0;
                    }
                }
                System.out.printf("ATTACK junk headers filling Redis (maxmemory %d KB above its start): answers %s;"
                        + " an SDK client meanwhile %d/%d served%n", 300, answers, served, tries);
                assertNotEquals(before, a.publicKey(), "the key changed when Redis was full");
                assertFalse(answers.containsKey(503), "nobody was refused for a full memory: " + answers);
                assertEquals(tries, served);
                sdkClientsCarryOn(a, a);
            }
        }
    }

    /** Every SDK mode, through either replica, gets its answer, fetching the key again where it changed. */
    private static void sdkClientsCarryOn(ServiceProcess a, ServiceProcess b) throws Exception {
        for (ServiceProcess replica : List.of(a, b)) {
            for (ObshellSdkClient.Sdk sdk : ObshellSdkClient.Sdk.values()) {
                ObshellSdkClient client = new ObshellSdkClient(sdk, "127.0.0.1", replica.port(), PASSWORD,
                        "X-OCS-Header");
                assertEquals(200, client.get(OVERVIEW).status(), sdk.name());
                assertEquals(200, client.get(TASKS).status(), sdk.name());
            }
        }
    }

    /** The shape docs/auth-protocol.md warns about, sharing a key without its memory, does not start. */
    @Test
    void aSharedKeyWithoutTheSharedMemoryDoesNotStart() throws Exception {
        PackagedService.Outcome outcome = PackagedService.startExpectingFailure(Map.of("OBRESTORE_AUTH_PASSWORD",
                PASSWORD, "OBRESTORE_AUTH_PRIVATE_KEY", SpecVectors.PRIVATE_KEY_PKCS1, "QUARKUS_HTTP_PORT", "0",
                "OBRESTORE_AUTH_DATA_DIR", dir.resolve("data").toString()), dir.resolve("out.txt"));
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("OBRESTORE_AUTH_BLOCK_MEMORY_STORE=redis"), outcome.output());
        assertEquals(List.of(), PackagedService.stackTraceLines(outcome.output()), outcome.output());
    }

    private static int code(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error").path("code").asInt(0);
    }

    private static String errCode(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error").path("errCode").asText("none: " + response.statusCode());
    }
}
