package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.ObshellSdkClient;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.RawHttp;
import io.obrestore.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing against the packaged service with its default throttle (docs/auth-protocol.md §8), as fast as the
 * attacker's threads go, ignoring Retry-After: one address alone, then the 256 addresses of one network and 100 of a
 * second together, while a
 * client that authenticated before keeps sending the right password as the SDKs do. During the network's flood a client
 * never seen before, from another network, honours Retry-After and must be served within 10 s; then the service
 * restarts under the flood and a client of the second flooding network that authenticated before must still be served.
 * Prints
 * what the throttle let through (8 s per phase regular, 30 s with -Preliability) against the targets: at most 10
 * guesses a minute checked per address after the threshold, at most 60 a minute (after a burst of 20) from the network.
 */
@Tag("scaled")
class PasswordGuessingIT {

    static final int SECONDS = Integer.getInteger("test.attack.seconds", 8);
    private static final String PASSWORD = "P@ssw0rd!";
    private static final String URI = "/api/v1/tenant/rt2/restore/overview";
    /** Authenticated before the attack, inside the second flooding network (its attackers use .0 to .99). */
    private static final String NEIGHBOUR = "127.0.6.200";
    /** 127.0.5.0/24 whole, and 100 addresses of 127.0.6.0/24. */
    private static final int ATTACKERS = 356;
    private static final AtomicBoolean RESTARTING = new AtomicBoolean();
    private static final java.util.Set<String> OTHER = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    @Test
    void guessingIsThrottledPerAddressAndPerNetworkWhileOthersAreServed() throws Exception {
        Map<String, String> env = Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD);
        ServiceProcess service = ServiceProcess.start(dir, "guessed", env);
        try {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(service.publicKey());
            int port = service.port();
            ObshellSdkClient operator = new ObshellSdkClient(ObshellSdkClient.Sdk.GO, "127.0.0.1", port, PASSWORD,
                    "X-OCS-Header");
            ObshellSdkClient neighbour = new ObshellSdkClient(ObshellSdkClient.Sdk.PYTHON, NEIGHBOUR, port, PASSWORD,
                    "X-OCS-Header");
            // The operator's client and the neighbour authenticated before the attack.
            assertEquals(200, operator.get(URI).status());
            assertEquals(200, neighbour.get(URI).status());

            Map<String, AtomicInteger> checked = new ConcurrentHashMap<>();
            AtomicInteger throttled = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            AtomicInteger rightOk = new AtomicInteger();
            AtomicInteger rightTried = new AtomicInteger();
            AtomicLong rightSlowest = new AtomicLong();
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicReference<ObshellSdkHeaders> attackerKey = new AtomicReference<>(sdk);
            AtomicReference<Integer> attackedPort = new AtomicReference<>(port);
            ExecutorService attackers = Executors.newFixedThreadPool(8);
            long phaseOneEnd = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            long phaseTwoEnd = phaseOneEnd + Duration.ofSeconds(SECONDS).toNanos();
            // Phase one: one address alone, hammering. Phase two: 356 addresses of two networks, eight threads taking
            // turns over them, on until the end of the test (through the restart).
            attackers.submit(() -> {
                while (System.nanoTime() < phaseOneEnd) {
                    guessOnce(attackerKey.get(), port, "127.0.4.1", checked, throttled, other);
                }
                return null;
            });
            for (int thread = 0; thread < 8; thread++) {
                int first = thread;
                attackers.submit(() -> {
                    while (System.nanoTime() < phaseOneEnd) {
                        Thread.sleep(10);
                    }
                    for (int i = first; flooding.get(); i = (i + 8) % ATTACKERS) {
                        String source = i < 256 ? "127.0.5." + i : "127.0.6." + (i - 256);
                        guessOnce(attackerKey.get(), attackedPort.get(), source, checked, throttled, other);
                    }
                    return null;
                });
            }
            // Meanwhile the operator's client, every half second, with the right password; in phase two a fresh client
            // of another network, honouring Retry-After.
            long freshWaitedMillis = -1;
            int freshAttempts = 0;
            int freshStatus = 0;
            while (System.nanoTime() < phaseTwoEnd) {
                long started = System.nanoTime();
                rightTried.incrementAndGet();
                if (operator.get(URI).status() == 200) {
                    rightOk.incrementAndGet();
                }
                rightSlowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                if (freshWaitedMillis < 0 && System.nanoTime() > phaseOneEnd + Duration.ofSeconds(2).toNanos()) {
                    long since = System.nanoTime();
                    ObshellSdkClient fresh = new ObshellSdkClient(ObshellSdkClient.Sdk.GO, "127.0.7.1", port, PASSWORD,
                            "X-OCS-Header");
                    for (RawHttp.Answer answer = fresh.get(URI); ; answer = fresh.get(URI)) {
                        freshAttempts++;
                        freshStatus = answer.status();
                        if (answer.status() != 429 || System.nanoTime() - since > Duration.ofSeconds(30).toNanos()) {
                            break;
                        }
                        Thread.sleep(Math.min(10, Long.parseLong(answer.header("Retry-After"))) * 1000);
                    }
                    freshWaitedMillis = (System.nanoTime() - since) / 1_000_000;
                }
                Thread.sleep(500);
            }
            int many = checked.entrySet().stream().filter(e -> e.getKey().startsWith("127.0.5."))
                    .mapToInt(e -> e.getValue().get()).sum();
            int second = checked.entrySet().stream().filter(e -> e.getKey().startsWith("127.0.6."))
                    .mapToInt(e -> e.getValue().get()).sum();
            int worstOfMany = checked.entrySet().stream().filter(e -> e.getKey().startsWith("127.0.5."))
                    .mapToInt(e -> e.getValue().get()).max().orElse(0);
            int otherBeforeRestart = other.get();
            String log = service.log();
            // The service restarts under the flood; the neighbour, who authenticated before, is served at once.
            RESTARTING.set(true);
            service.close();
            service = ServiceProcess.start(dir, "guessed", env);
            attackerKey.set(new ObshellSdkHeaders(service.publicKey()));
            attackedPort.set(service.port());
            long restartFloodEnd = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < restartFloodEnd) {
                Thread.sleep(100);
            }
            ObshellSdkClient neighbourAfter = new ObshellSdkClient(ObshellSdkClient.Sdk.PYTHON, NEIGHBOUR, service.port(),
                    PASSWORD, "X-OCS-Header");
            RawHttp.Answer afterRestart = neighbourAfter.get(URI);
            flooding.set(false);
            attackers.shutdown();
            assertTrue(attackers.awaitTermination(30, TimeUnit.SECONDS));

            double minutes = SECONDS / 60.0;
            int alone = checked.getOrDefault("127.0.4.1", new AtomicInteger()).get();
            long lockLines = log.lines().filter(line -> line.contains("Authentication from ")).count();
            System.out.printf("ATTACK guessing, %d s each: one address %d checked (%.1f/min after its first 3);"
                    + " 256 addresses of one network %d checked, 100 of another %d (at most %d from one; a network's budget"
                    + " allows %d in %d s:"
                    + " 60/min after a burst of 20); %d answered 429 without any work, %d other answers; right password"
                    + " %d/%d answered 200 (Go SDK client, %d key fetches), slowest %d ms; a fresh client of another"
                    + " network answered %d after %d ms (%d tries); after a restart under the flood, a client of the flooding"
                    + " network that authenticated before: %d; %d lock-out log lines, log %d bytes%n", SECONDS, alone,
                    Math.max(0, alone - 3) / minutes, many, second, worstOfMany, 20 + SECONDS, SECONDS, throttled.get(),
                    otherBeforeRestart, rightOk.get(), rightTried.get(), operator.keyFetches(), rightSlowest.get(),
                    freshStatus, freshWaitedMillis, freshAttempts, afterRestart.status(), lockLines, log.length());
            assertTrue((alone - 3) / minutes <= 10, "one address, after its first three: " + alone);
            assertTrue(many <= 20 + SECONDS, "the network's addresses together within its budget: " + many);
            assertTrue(second <= 20 + SECONDS, "the other network's within its own: " + second);
            assertEquals(rightTried.get(), rightOk.get(), "every request with the right password answered");
            assertEquals(0, otherBeforeRestart, "only 401 and 429 for guesses: " + OTHER);
            assertTrue(lockLines >= 1 && lockLines <= alone + many + second, "one log line per lock-out, none per failure");
            assertTrue(log.contains("Authentication from 127.0.4.1 refused"), "the lock-out names the address");
            assertEquals(200, freshStatus, "the fresh client of another network served");
            assertTrue(freshWaitedMillis >= 0 && freshWaitedMillis <= 10_000,
                    "a fresh client of another network served within 10 s: " + freshWaitedMillis + " ms");
            assertEquals(200, afterRestart.status(), "served across the restart: " + afterRestart.body());
        } finally {
            service.close();
        }
    }

    private static void guessOnce(ObshellSdkHeaders sdk, int port, String source, Map<String, AtomicInteger> checked,
            AtomicInteger throttled, AtomicInteger other) {
        try {
            RawHttp.Answer answer = RawHttp.get(source, port, URI, "X-OCS-Header", sdk.go("guess-" + System.nanoTime(), URI));
            if (answer.status() == 401) {
                checked.computeIfAbsent(source, key -> new AtomicInteger()).incrementAndGet();
            } else if (answer.status() == 429 && answer.header("Retry-After") != null) {
                throttled.incrementAndGet();
            } else {
                other.incrementAndGet();
                OTHER.add(answer.status() + " " + answer.body());
            }
        } catch (IOException e) {
            // While the service restarts its old port closes: not an answer.
            if (!RESTARTING.get()) {
                other.incrementAndGet();
                OTHER.add(e.toString());
            }
        }
    }
}
