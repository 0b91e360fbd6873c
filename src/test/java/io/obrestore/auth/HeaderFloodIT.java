package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.RawHttp;
import io.obrestore.support.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RSA work under a flood of the largest headers the service takes (16 blocks, each a private-key operation) from 256
 * addresses, decrypted on the event loop ({@code obrestore.auth.rsa-threads=0}) or on two threads of their own, with
 * the throttle as shipped and with it opened wide (what the RSA work alone costs). Prints the latency of an
 * authenticated client, of {@code /api/v1/info} and of the liveness probe before and during the flood, for the choice
 * docs/performance.md records. Asserts only that everything legitimate was answered: the figures are measurements.
 */
@Tag("reliability")
class HeaderFloodIT {

    private static final String PASSWORD = "P@ssw0rd!";
    private static final String URI = "/api/v1/tenant/rt2/restore/overview";
    private static final int SECONDS = 10;

    @TempDir
    Path dir;

    @Test
    void rsaWorkUnderAHeaderFlood() throws Exception {
        System.out.println("ATTACK header flood: variant | phase | authenticated p50/p99 ms (n) | info p50/p99 ms |"
                + " live p50/p99 ms | flood answers/s (401, 429)");
        for (String threads : List.of("0", "2")) {
            for (boolean throttled : List.of(true, false)) {
                Map<String, String> env = new HashMap<>(Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD,
                        "OBRESTORE_AUTH_RSA_THREADS", threads));
                if (!throttled) {
                    env.putAll(ServiceProcess.NO_THROTTLE);
                }
                String variant = (threads.equals("0") ? "event loop" : "2 RSA threads")
                        + (throttled ? ", throttle" : ", no throttle");
                try (ServiceProcess service = ServiceProcess.start(dir, "flood-" + threads + throttled, env)) {
                    AtomicReference<ObshellSdkHeaders> sdk = new AtomicReference<>(new ObshellSdkHeaders(service.publicKey()));
                    for (int i = 0; i < 300; i++) {
                        assertEquals(200, authenticated(service, sdk).statusCode());
                    }
                    measure(service, sdk, variant, "quiet", false);
                    measure(service, sdk, variant, "flood", true);
                }
            }
        }
    }

    /**
     * One authenticated request as the Go SDK makes it: when the key changed (code 1: the flood filled the block memory
     * and the key changed), it fetches the new key and sends once more.
     */
    private static HttpResponse<String> authenticated(ServiceProcess service, AtomicReference<ObshellSdkHeaders> sdk)
            throws Exception {
        HttpResponse<String> answer = service.get(URI, "X-OCS-Header", sdk.get().go(PASSWORD, URI));
        if (answer.statusCode() == 401 && answer.body().contains("\"code\":1,")) {
            sdk.set(new ObshellSdkHeaders(service.publicKey()));
            answer = service.get(URI, "X-OCS-Header", sdk.get().go(PASSWORD, URI));
        }
        return answer;
    }

    private void measure(ServiceProcess service, AtomicReference<ObshellSdkHeaders> sdk, String variant, String phase,
            boolean flood)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger rejected401 = new AtomicInteger();
        AtomicInteger rejected429 = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> floods = new ArrayList<>();
        if (flood) {
            int blockSize = sdk.get().blockSize();
            for (int t = 0; t < 8; t++) {
                int first = t;
                floods.add(attackers.submit(() -> {
                    for (int i = first; running.get(); i = (i + 8) % 256) {
                        try {
                            // Fresh junk every time: a header sent before would be a replay, refused without RSA work.
                            byte[] blocks = new byte[16 * blockSize];
                            java.util.concurrent.ThreadLocalRandom.current().nextBytes(blocks);
                            blocks[0] = 0; // below the modulus: a real private-key operation for the service
                            int status = RawHttp.get("127.0.6." + i, service.port(), URI, "X-OCS-Header",
                                    Base64.getEncoder().encodeToString(blocks)).status();
                            assertTrue(status == 401 || status == 429, "a flood header got " + status);
                            (status == 429 ? rejected429 : rejected401).incrementAndGet();
                        } catch (IOException e) {
                            // a refused connection is an answer too, not a legitimate request
                        }
                    }
                    return null;
                }));
            }
        }
        List<Long> authenticated = Collections.synchronizedList(new ArrayList<>());
        List<Long> info = new ArrayList<>();
        List<Long> live = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> legitimate = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            legitimate.add(clients.submit(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = authenticated(service, sdk);
                    assertEquals(200, answer.statusCode(), answer.body());
                    authenticated.add(System.nanoTime() - started);
                }
                return null;
            }));
        }
        long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI liveUri = java.net.URI.create("http://127.0.0.1:" + service.managementPort() + "/q/health/live");
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            assertEquals(200, service.get("/api/v1/info").statusCode());
            info.add(System.nanoTime() - started);
            started = System.nanoTime();
            assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(liveUri).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            live.add(System.nanoTime() - started);
            Thread.sleep(100);
        }
        running.set(false);
        attackers.shutdown();
        clients.shutdown();
        for (java.util.concurrent.Future<?> attacker : floods) {
            attacker.get();
        }
        assertTrue(attackers.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        for (java.util.concurrent.Future<?> client : legitimate) {
            client.get(); // an unanswered legitimate request fails the run here
        }
        System.out.printf("ATTACK header flood: %s | %s | %s (%d) | %s | %s | %.0f (%.0f, %.0f)%n", variant, phase,
                percentiles(authenticated), authenticated.size(), percentiles(info), percentiles(live),
                (rejected401.get() + rejected429.get()) / (double) SECONDS, rejected401.get() / (double) SECONDS,
                rejected429.get() / (double) SECONDS);
        assertTrue(authenticated.size() > 0);
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.format("%.1f/%.1f", sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
    }
}
