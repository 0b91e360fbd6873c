package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.ObshellSdkClient;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.RawHttp;
import io.obrestore.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SDK mode keeps working while the key changes under it (docs/auth-protocol.md §7): the Python SDK's
 * {@code X-OCS-Header} and {@code X-OCS-Agent-Header}, the Go SDK's {@code X-OCS-Header}, each a client that behaves
 * as the spec says the SDKs behave (refetching the key on code 1), while an attacker fills a small block memory with
 * junk headers over and over (once per round: a client whose few milliseconds between fetching a key and using it
 * span two key changes gets code 1 once more than its SDK retries, docs/auth-protocol.md §7). The memory never refuses anyone (no 503): each time it is full the key changes, and a
 * header answered under an old key is worthless afterwards.
 */
class KeyChangeIT {

    private static final String PASSWORD = "P@ssw0rd!";
    private static final String AGENT_PASSWORD = "agent-Pa55-word";
    private static final String OVERVIEW = "/api/v1/tenant/rt2/restore/overview";
    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    @Test
    void everySdkModeCarriesOnWhileAFullMemoryChangesTheKey() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD,
                "OBRESTORE_AUTH_AGENT_PASSWORD", AGENT_PASSWORD, "OBRESTORE_AUTH_BLOCK_MEMORY", "200"));
        // The junk must be admitted to be recorded whole; the throttle would let a few through a minute.
        env.putAll(ServiceProcess.NO_THROTTLE);
        try (ServiceProcess service = ServiceProcess.start(dir, "changing", env)) {
            int port = service.port();
            Map<String, ObshellSdkClient> clients = new LinkedHashMap<>();
            clients.put("python X-OCS-Header", new ObshellSdkClient(ObshellSdkClient.Sdk.PYTHON, "127.0.0.1", port,
                    PASSWORD, "X-OCS-Header"));
            clients.put("python X-OCS-Agent-Header", new ObshellSdkClient(ObshellSdkClient.Sdk.PYTHON, "127.0.0.1", port,
                    AGENT_PASSWORD, "X-OCS-Agent-Header"));
            clients.put("go X-OCS-Header", new ObshellSdkClient(ObshellSdkClient.Sdk.GO, "127.0.0.1", port, PASSWORD,
                    "X-OCS-Header"));
            SecureRandom random = new SecureRandom();
            Map<Integer, Integer> junkAnswers = new TreeMap<>();
            Map<String, Integer> served = new LinkedHashMap<>();
            String answeredEarlier = null;
            String keyEarlier = service.publicKey();
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, ObshellSdkClient> client : clients.entrySet()) {
                    RawHttp.Answer answer = client.getValue().get(OVERVIEW);
                    assertEquals(200, answer.status(), client.getKey() + ": " + answer.body() + " after " + client.getValue().history());
                    served.merge(client.getKey(), 1, Integer::sum);
                }
                if (round == 0) {
                    answeredEarlier = new ObshellSdkHeaders(keyEarlier).go(PASSWORD, OVERVIEW);
                    assertEquals(200, service.get(OVERVIEW, "X-OCS-Header", answeredEarlier).statusCode());
                }
                // Junk headers of 16 blocks until the memory is full and the key changes.
                String key = service.publicKey();
                for (int i = 0; i < 30 && key.equals(service.publicKey()); i++) {
                    byte[] junk = new byte[16 * 128];
                    random.nextBytes(junk);
                    junk[0] = 0;
                    junkAnswers.merge(service.get(OVERVIEW, "X-OCS-Header",
                            Base64.getEncoder().encodeToString(junk)).statusCode(), 1, Integer::sum);
                }
            }
            HttpResponse<String> replayed = service.get(OVERVIEW, "X-OCS-Header", answeredEarlier);
            double changes = metric(service, "obrestore_auth_key_changes_total{reason=\"full\"}");
            Map<String, Integer> fetches = new LinkedHashMap<>();
            clients.forEach((name, client) -> fetches.put(name, client.keyFetches()));
            System.out.printf("KEY CHANGES while junk filled a memory of 200 blocks: %.0f; SDK requests served %s, key"
                    + " fetches %s; junk answers %s; a header answered under the first key, sent again: %d %s%n",
                    changes, served, fetches, junkAnswers, replayed.statusCode(),
                    Json.parse(replayed.body()).path("error").path("errCode").asText());
            assertEquals(ROUNDS, changes, 0.0, "the key changed each time the memory filled");
            assertFalse(junkAnswers.containsKey(503), "nobody refused for a full memory: " + junkAnswers);
            assertEquals(1, Json.parse(replayed.body()).get("error").get("code").asInt(), replayed.body());
            for (String name : List.copyOf(clients.keySet())) {
                assertEquals(ROUNDS, served.get(name), name);
                assertTrue(fetches.get(name) > 1, name + " met a key change and fetched the new key");
            }
        }
    }

    private static double metric(ServiceProcess service, String series) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.managementPort() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no " + series + " in\n" + text);
    }
}
