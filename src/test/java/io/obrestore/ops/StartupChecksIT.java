package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.DocumentedCommands;
import io.obrestore.support.Json;
import io.obrestore.support.PackagedService;
import io.obrestore.support.Ports;
import io.obrestore.support.RedisServer;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged service started with a bad value for each kind of setting: it must stop at once, non-zero, with one
 * line naming the setting, no stack trace, and nothing done before (no database connection attempt, no key file).
 * Each test starts a process of its own: two run at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class StartupChecksIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OBRESTORE_QUERY_TIMEOUT        | 0s          | obrestore.query-timeout",
        "OBRESTORE_QUERY_TIMEOUT        | soon        | obrestore.query-timeout",
        "OBRESTORE_QUERY_TIMEOUT        | 5 sec       | obrestore.query-timeout",
        "OBRESTORE_READINESS_TIMEOUT    | -1s         | obrestore.readiness-timeout",
        "OBRESTORE_WATCH_POLL_INTERVAL  | 0s          | obrestore.watch.poll-interval",
        "OBRESTORE_WATCH_STALL_AFTER    | 0s          | obrestore.watch.stall-after",
        "OBRESTORE_WATCH_MAX_TENANTS    | 0           | obrestore.watch.max-tenants",
        "OBRESTORE_MAX_WAITING_REQUESTS | -1          | obrestore.max-waiting-requests",
        "OBRESTORE_MAX_BODY_BYTES       | 1e6         | obrestore.max-body-bytes",
        "OBRESTORE_AUTH_KEY_SIZE        | 512         | obrestore.auth.key-size",
        "OBRESTORE_AUTH_BLOCK_MEMORY    | 0           | obrestore.auth.block-memory",
        "OBRESTORE_AUTH_BLOCK_MEMORY_STORE | memcached | obrestore.auth.block-memory-store",
        "OBRESTORE_AUTH_MAX_LIFETIME    | 0s          | obrestore.auth.max-lifetime",
        "OBRESTORE_AUTH_MAX_HEADER_BLOCKS | 0         | obrestore.auth.max-header-blocks",
        "OBRESTORE_AUTH_THROTTLE_FAILURES | 0         | obrestore.auth.throttle.failures",
        "OBRESTORE_AUTH_THROTTLE_CONNECTIONS_PER_CLIENT | 0 | obrestore.auth.throttle.connections-per-client",
        "OBRESTORE_AUTH_BLOCK_MEMORY_STORE | redis    | obrestore.auth.block-memory-store",
        "QUARKUS_DATASOURCE_REACTIVE_URL | notaurl    | quarkus.datasource.reactive.url",
        "OBRESTORE_QUERY_TIMOUT         | 1s          | OBRESTORE_QUERY_TIMOUT",
        "OBRESTORE_WATCH_MAXTENANTS     | 3           | OBRESTORE_WATCH_MAXTENANTS",
        "QUARKUS_DATASOURCE_PASWORD     | secret      | QUARKUS_DATASOURCE_PASWORD",
        "QUARKUS_HTTP_PORT              | 99999       | quarkus.http.port",
        "QUARKUS_MANAGEMENT_PORT        | -1          | quarkus.management.port",
        "OBRESTORE_TIME_ZONE            | Mars/Base   | obrestore.time-zone",
        "OBRESTORE_AUTH_PRIVATE_KEY     | not-a-key   | obrestore.auth.private-key",
        "OBRESTORE_AUTH_PRIVATE_KEY_FILE| /nonexistent| obrestore.auth.private-key-file",
        "OBRESTORE_AUTH_REQUIRED        | true        | obrestore.auth.required"})
    void aBadSettingStopsTheStartWithOneLineNamingIt(String variable, String value, String key) throws Exception {
        Path data = dir.resolve("data");
        PackagedService.Outcome outcome;
        // A socket where the database would be: a start that fails must not have opened a connection to it.
        try (ServerSocket database = new ServerSocket(0)) {
            database.setSoTimeout(300);
            Map<String, String> env = new java.util.HashMap<>(Map.of("OBRESTORE_AUTH_DATA_DIR", data.toString(),
                    "QUARKUS_HTTP_PORT", "0", "QUARKUS_MANAGEMENT_PORT", "0",
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "mysql://127.0.0.1:" + database.getLocalPort()));
            env.put(variable, value);
            outcome = PackagedService.startExpectingFailure(env, dir.resolve("out.txt"));
            assertThrows(SocketTimeoutException.class, database::accept, "no connection to the database");
        }
        String output = outcome.output();
        assertNotEquals(0, outcome.exitCode(), output);
        List<String> naming = output.lines().filter(line -> line.contains(key)).toList();
        assertEquals(1, naming.size(), "one line names " + key + ":\n" + output);
        assertEquals(List.of(), PackagedService.stackTraceLines(output), output);
        if (value.equals("5 sec") || variable.startsWith("QUARKUS_DATASOURCE_PAS")) {
            // What to write instead: the accepted form, or the setting probably meant; and nothing else.
            String expected = value.equals("5 sec") ? "e.g. 5s, 500ms"
                    : "did you mean QUARKUS_DATASOURCE_PASSWORD (quarkus.datasource.password)";
            assertTrue(naming.get(0).contains(expected), naming.get(0));
            assertEquals(naming.get(0), output.strip(), "only that line");
        }
        if (variable.startsWith("QUARKUS_DATASOURCE_PAS")) {
            assertFalse(output.contains(value), "the value of a misspelt variable (a password here) is never echoed");
        }
        assertFalse(output.contains("not reachable"), "no database work before a failed start:\n" + output);
        assertFalse(Files.exists(data.resolve("agent-key.pem")), "no key generated by a start that fails");
        if (variable.equals("OBRESTORE_AUTH_PRIVATE_KEY")) {
            assertFalse(output.contains(value), "key material is never echoed:\n" + output);
        }
    }

    /**
     * A port another process holds (here a listener on loopback only: the service binds all interfaces, so even that
     * is in its way): the start stops with exactly one line naming the port and its setting, before any database work
     * (Quarkus alone logs the pool's and the zone's failures first, then 50 stack frames for the management port).
     */
    @ParameterizedTest
    @CsvSource({"QUARKUS_HTTP_PORT, quarkus.http.port", "QUARKUS_MANAGEMENT_PORT, quarkus.management.port"})
    void aPortInUseStopsTheStartWithOneLineNamingItsSetting(String variable, String key) throws Exception {
        int taken = Ports.fresh();
        PackagedService.Outcome outcome;
        try (ServerSocket holder = new ServerSocket(taken, 50, java.net.InetAddress.getLoopbackAddress());
                ServerSocket database = new ServerSocket(0)) {
            database.setSoTimeout(300);
            Map<String, String> env = new java.util.HashMap<>(Map.of("OBRESTORE_AUTH_DATA_DIR",
                    dir.resolve("data").toString(), "QUARKUS_HTTP_PORT", "0", "QUARKUS_MANAGEMENT_PORT", "0",
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "mysql://127.0.0.1:" + database.getLocalPort()));
            env.put(variable, String.valueOf(taken));
            outcome = PackagedService.startExpectingFailure(env, dir.resolve("out.txt"));
            assertThrows(SocketTimeoutException.class, database::accept, "no connection to the database");
            assertTrue(holder.isBound());
        }
        assertNotEquals(0, outcome.exitCode(), outcome.output());
        assertEquals("Port " + taken + " (" + key + ") is in use by another process: stop it, or set " + variable
                + " to a free port", outcome.output().strip(), "one line and nothing else");
    }

    /** A private key file any local account can read is refused, as ssh refuses it, before anything else happens. */
    @Test
    void aWorldReadableKeyFileStopsTheStart() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, DocumentedCommands.run(DocumentedCommands.keyCommand()));
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        PackagedService.Outcome outcome = PackagedService.startExpectingFailure(Map.of(
                "OBRESTORE_AUTH_PRIVATE_KEY_FILE", key.toString(), "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_MANAGEMENT_PORT", "0"), dir.resolve("out.txt"));
        String output = outcome.output();
        assertNotEquals(0, outcome.exitCode(), output);
        List<String> naming = output.lines().filter(line -> line.contains("obrestore.auth.private-key-file")).toList();
        assertEquals(1, naming.size(), output);
        assertTrue(naming.get(0).contains("readable by every local account") && naming.get(0).contains("chmod 600"),
                naming.get(0));
        assertEquals(List.of(), PackagedService.stackTraceLines(output), output);
        // Owner-only, the same file is used (a shared key seeds the keys of a shared block memory: Redis).
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int port = Ports.fresh();
        try (RedisServer redis = RedisServer.start(dir)) {
            Process service = PackagedService.start(Map.of("OBRESTORE_AUTH_PRIVATE_KEY_FILE", key.toString(),
                    "OBRESTORE_AUTH_BLOCK_MEMORY_STORE", "redis", "QUARKUS_REDIS_HOSTS", redis.url(),
                    "QUARKUS_HTTP_PORT", String.valueOf(port), "QUARKUS_MANAGEMENT_PORT", String.valueOf(Ports.fresh())),
                    dir.resolve("service.txt"));
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                assertEquals(200, PackagedService.awaitAnswer(http, URI.create("http://127.0.0.1:" + port
                        + "/api/v1/secret"), service).statusCode());
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /**
     * The README's key command, run as documented: its output (base64 of a PEM file) is accepted as the seed of a
     * shared block memory's keys; the service serves a key derived from it, never its own public half (which
     * /api/v1/secret served before keys changed with the memory). SharedBlockMemoryIT shows replicas derive one key.
     */
    @Test
    void theReadmeKeyCommandMakesAKeyTheServiceAccepts() throws Exception {
        String key = DocumentedCommands.run(DocumentedCommands.keyCommand());
        String ownHalf = DocumentedCommands.run("echo '" + key + "' | base64 -d"
                + " | openssl rsa -RSAPublicKey_out -outform DER 2>/dev/null | base64 -w0");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (RedisServer redis = RedisServer.start(dir)) {
            int port = Ports.fresh();
            Process service = PackagedService.start(Map.of("OBRESTORE_AUTH_PRIVATE_KEY", key,
                    "OBRESTORE_AUTH_BLOCK_MEMORY_STORE", "redis", "QUARKUS_REDIS_HOSTS", redis.url(),
                    "QUARKUS_HTTP_PORT", String.valueOf(port), "QUARKUS_MANAGEMENT_PORT", String.valueOf(Ports.fresh())),
                    dir.resolve("service.txt"));
            try {
                HttpResponse<String> secret = PackagedService.awaitAnswer(http,
                        URI.create("http://127.0.0.1:" + port + "/api/v1/secret"), service);
                String log = Files.readString(dir.resolve("service.txt"));
                assertEquals(200, secret.statusCode(), "the service started with the key:\n" + log);
                assertTrue(log.contains("Using the RSA private key from configuration"), log);
                assertFalse(log.contains(key.substring(40, 80)), "key material is never logged");
                String served = Json.parse(secret.body()).get("data").get("public_key").asText();
                assertTrue(served.startsWith("MIGJAoGBA"), "a 1024-bit PKCS#1 key: " + served);
                assertNotEquals(ownHalf, served);
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** A Redis that may evict keys would forget header blocks unnoticed: the start stops, naming the setting. */
    @Test
    void aRedisThatMayEvictKeysStopsTheStart() throws Exception {
        try (RedisServer redis = RedisServer.start(dir, "--save", "", "--maxmemory-policy", "allkeys-lru")) {
            PackagedService.Outcome outcome = PackagedService.startExpectingFailure(Map.of(
                    "OBRESTORE_AUTH_PRIVATE_KEY", DocumentedCommands.run(DocumentedCommands.keyCommand()),
                    "OBRESTORE_AUTH_BLOCK_MEMORY_STORE", "redis", "QUARKUS_REDIS_HOSTS", redis.url(),
                    "QUARKUS_HTTP_PORT", "0", "QUARKUS_MANAGEMENT_PORT", "0"), dir.resolve("out.txt"));
            String output = outcome.output();
            assertNotEquals(0, outcome.exitCode(), output);
            List<String> naming = output.lines().filter(line -> line.contains("maxmemory-policy allkeys-lru")).toList();
            assertEquals(1, naming.size(), output);
            assertTrue(naming.get(0).contains("noeviction"), naming.get(0));
            assertEquals(List.of(), PackagedService.stackTraceLines(output), output);
        }
    }
}
