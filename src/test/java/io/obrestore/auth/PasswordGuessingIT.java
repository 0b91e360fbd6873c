package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing against the packaged service with its default throttle (docs/auth-protocol.md §8), as fast as the
 * attacker's threads go, ignoring Retry-After: one address alone, then 256 loopback addresses together, while a client
 * that authenticated before keeps sending the right password. Prints what the throttle let through (8 s per phase
 * regular, 60 s with -Preliability) against the targets: at most 10 guesses a minute checked per address after the
 * threshold, at most 100 a minute from all addresses, every request with the right password answered.
 */
@Tag("scaled")
class PasswordGuessingIT {

    static final int SECONDS = Integer.getInteger("test.attack.seconds", 8);
    private static final String PASSWORD = "P@ssw0rd!";
    private static final String URI = "/api/v1/tenant/rt2/restore/overview";

    @TempDir
    Path dir;

    @Test
    void guessingIsThrottledPerAddressAndInTotalWhileTheRightPasswordWorks() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir, "guessed", Map.of("OBRESTORE_AUTH_PASSWORD", PASSWORD))) {
            ObshellSdkHeaders sdk = new ObshellSdkHeaders(service.publicKey());
            int port = service.port();
            // The operator's client authenticated before the attack.
            assertEquals(200, RawHttp.get("127.0.0.1", port, URI, "X-OCS-Header", sdk.go(PASSWORD, URI)).status());

            Map<String, AtomicInteger> checked = new ConcurrentHashMap<>();
            AtomicInteger throttled = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            AtomicInteger rightOk = new AtomicInteger();
            AtomicInteger rightTried = new AtomicInteger();
            AtomicLong rightSlowest = new AtomicLong();
            ExecutorService attackers = Executors.newFixedThreadPool(8);
            long phaseOneEnd = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            long phaseTwoEnd = phaseOneEnd + Duration.ofSeconds(SECONDS).toNanos();
            // Phase one: one address alone, hammering. Phase two: 256 addresses, eight threads taking turns over them.
            attackers.submit(() -> guess(sdk, port, "127.0.4.1", phaseOneEnd, checked, throttled, other));
            for (int thread = 0; thread < 8; thread++) {
                int first = thread;
                attackers.submit(() -> {
                    while (System.nanoTime() < phaseOneEnd) {
                        Thread.sleep(10);
                    }
                    for (int i = first; System.nanoTime() < phaseTwoEnd; i = (i + 8) % 256) {
                        guessOnce(sdk, port, "127.0.5." + i, checked, throttled, other);
                    }
                    return null;
                });
            }
            // Meanwhile the operator's client, every half second, with the right password.
            while (System.nanoTime() < phaseTwoEnd) {
                long started = System.nanoTime();
                rightTried.incrementAndGet();
                if (RawHttp.get("127.0.0.1", port, URI, "X-OCS-Header", sdk.go(PASSWORD, URI)).status() == 200) {
                    rightOk.incrementAndGet();
                }
                rightSlowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                Thread.sleep(500);
            }
            attackers.shutdown();
            assertTrue(attackers.awaitTermination(30, TimeUnit.SECONDS));

            double minutes = SECONDS / 60.0;
            int alone = checked.getOrDefault("127.0.4.1", new AtomicInteger()).get();
            int many = checked.entrySet().stream().filter(e -> e.getKey().startsWith("127.0.5."))
                    .mapToInt(e -> e.getValue().get()).sum();
            int worstOfMany = checked.entrySet().stream().filter(e -> e.getKey().startsWith("127.0.5."))
                    .mapToInt(e -> e.getValue().get()).max().orElse(0);
            String log = service.log();
            long lockLines = log.lines().filter(line -> line.contains("Authentication from ")).count();
            System.out.printf("ATTACK guessing, %d s each: one address %d checked (%.1f/min after its first 3);"
                    + " 256 addresses %d checked (at most %d from one; the budget allows %d in %d s: 60/min after a"
                    + " burst of 20); %d answered 429 without any work, %d other answers; right password %d/%d answered"
                    + " 200, slowest %d ms; %d lock-out log lines, log %d bytes%n", SECONDS, alone,
                    Math.max(0, alone - 3) / minutes, many, worstOfMany, 20 + SECONDS, SECONDS, throttled.get(),
                    other.get(), rightOk.get(), rightTried.get(), rightSlowest.get(), lockLines, log.length());
            assertTrue((alone - 3) / minutes <= 10, "one address, after its first three: " + alone);
            assertTrue(many <= 20 + SECONDS, "all addresses together within the budget: " + many);
            assertEquals(rightTried.get(), rightOk.get(), "every request with the right password answered");
            assertEquals(0, other.get(), "only 401 and 429 for guesses");
            assertTrue(lockLines >= 1 && lockLines <= alone + many, "one log line per lock-out, none per failure");
            assertTrue(log.contains("Authentication from 127.0.4.1 refused"), "the lock-out names the address");
        }
    }

    private static Void guess(ObshellSdkHeaders sdk, int port, String source, long end, Map<String, AtomicInteger> checked,
            AtomicInteger throttled, AtomicInteger other) {
        while (System.nanoTime() < end) {
            guessOnce(sdk, port, source, checked, throttled, other);
        }
        return null;
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
            }
        } catch (IOException e) {
            other.incrementAndGet();
        }
    }
}
