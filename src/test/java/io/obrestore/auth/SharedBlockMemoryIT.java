package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.RedisServer;
import io.obrestore.support.ServiceProcess;
import io.obrestore.support.SpecVectors;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged replicas sharing one RSA key, as the documented Deployment runs them, against a real Redis
 * (docs/auth-protocol.md §7, "Replicas"): with the shared block memory neither accepts a block the other checked;
 * without it each knows only its own. A full or unreachable Redis refuses headers instead of letting them through.
 */
class SharedBlockMemoryIT {

    private static final String PASSWORD = "P@ssw0rd!";
    private static final String OVERVIEW = "/api/v1/tenant/rt2/restore/overview";
    private static final String TASKS = "/api/v1/restore/tasks";

    @TempDir
    Path dir;

    private static Map<String, String> replica(String redisUrl) {
        return redisUrl == null
                ? Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD, "OBRESTORE_AUTH_PRIVATE_KEY", SpecVectors.PRIVATE_KEY_PKCS1)
                : Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD, "OBRESTORE_AUTH_PRIVATE_KEY", SpecVectors.PRIVATE_KEY_PKCS1,
                        "OBRESTORE_AUTH_BLOCK_MEMORY_STORE", "redis", "QUARKUS_REDIS_HOSTS", redisUrl);
    }

    @Test
    void replicasSharingAKeyAndARedisRefuseEachOthersBlocks() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
                ServiceProcess a = ServiceProcess.start(dir, "a", replica(redis.url()));
                ServiceProcess b = ServiceProcess.start(dir, "b", replica(redis.url()))) {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(a.publicKey());
            assertEquals(a.publicKey(), b.publicKey(), "one key for both replicas");

            String first = sdk.go(PASSWORD, OVERVIEW);
            assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", first).statusCode());
            assertEquals("Security.Authentication.Replayed", errCode(b.get(OVERVIEW, "X-OCS-Header", first)));

            String second = sdk.python(PASSWORD, OVERVIEW);
            assertEquals(200, b.get(OVERVIEW, "X-OCS-Header", second).statusCode());
            assertEquals("Security.Authentication.Replayed", errCode(a.get(OVERVIEW, "X-OCS-Header", second)));

            // A's answered password block spliced into a header for another route, sent to B.
            byte[] block = java.util.Arrays.copyOf(java.util.Base64.getDecoder().decode(first), sdk.blockSize());
            java.io.ByteArrayOutputStream forged = new java.io.ByteArrayOutputStream();
            forged.writeBytes(block);
            forged.writeBytes(sdk.blocks("restore/tasks\",\"Keys\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("Security.Authentication.Replayed", errCode(b.get(TASKS, "X-OCS-Header",
                    java.util.Base64.getEncoder().encodeToString(forged.toByteArray()))));

            // Fresh headers pass on both; their blocks are in Redis, each with an expiry.
            assertEquals(200, a.get(TASKS, "X-OCS-Header", sdk.go(PASSWORD, TASKS)).statusCode());
            assertEquals(200, b.get(TASKS, "X-OCS-Header", sdk.go(PASSWORD, TASKS)).statusCode());
            int keys = Integer.parseInt(redis.command("DBSIZE").substring(1));
            assertTrue(keys >= 8, "blocks remembered in Redis: " + keys);

            // Redis full (noeviction): headers are refused, not let through and not evicting young blocks.
            assertEquals("+OK", redis.command("CONFIG", "SET", "maxmemory", "1"));
            HttpResponse<String> full = a.get(OVERVIEW, "X-OCS-Header", sdk.go(PASSWORD, OVERVIEW));
            assertEquals(503, full.statusCode(), full.body());
            assertEquals("Security.Authentication.Unavailable", errCode(full));
            assertEquals("+OK", redis.command("CONFIG", "SET", "maxmemory", "0"));
            assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", sdk.go(PASSWORD, OVERVIEW)).statusCode());

            // Redis gone: fail closed.
            redis.stop();
            HttpResponse<String> gone = b.get(OVERVIEW, "X-OCS-Header", sdk.go(PASSWORD, OVERVIEW));
            assertEquals(503, gone.statusCode(), gone.body());
            assertEquals("Security.Authentication.Unavailable", errCode(gone));
            assertTrue(b.log().contains("The shared block memory did not answer"), b.log());
        }
    }

    /**
     * The shape docs/auth-protocol.md warns about: replicas that share a key but not a block memory each accept a
     * header the other already answered (within its lifetime). Give every instance its own key, or share Redis.
     */
    @Test
    void withoutTheSharedMemoryEachReplicaKnowsOnlyItsOwnBlocks() throws Exception {
        try (ServiceProcess a = ServiceProcess.start(dir, "a", replica(null));
                ServiceProcess b = ServiceProcess.start(dir, "b", replica(null))) {
            String header = new ObshellSdkHeaders(a.publicKey()).go(PASSWORD, OVERVIEW);
            assertEquals(200, a.get(OVERVIEW, "X-OCS-Header", header).statusCode());
            assertEquals("Security.Authentication.Replayed", errCode(a.get(OVERVIEW, "X-OCS-Header", header)));
            assertEquals(200, b.get(OVERVIEW, "X-OCS-Header", header).statusCode());
        }
    }

    private static String errCode(HttpResponse<String> response) {
        return Json.parse(response.body()).path("error").path("errCode").asText("none: " + response.statusCode());
    }
}
