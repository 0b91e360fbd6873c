package io.obrestore.restore;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.ParallelHttp.Outcome;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Database faults under load, against the real MariaDB: killed while requests are in flight, and slowed by a lock
 * the test holds. Query timeout 2 s (test profile), pool of 8 connections with 256 waiting requests at most.
 */
@QuarkusTest
@Tag("reliability") // kills and locks the database: ./mvnw -B verify -Preliability
@WithTestResource(MariaDbTestResource.class)
class DatabaseFaultTest {

    private static final long TIMEOUT_MS = 2_000;
    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";

    @Test
    void databaseKilledUnderLoad() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Long> answers = new ConcurrentHashMap<>();
        List<Long> slowest = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            Thread client = new Thread(() -> {
                java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
                long worst = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    String answer;
                    try {
                        var response = http.send(HttpRequest.newBuilder(ParallelHttp.uri(RT2))
                                .timeout(Duration.ofSeconds(10)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                        answer = response.statusCode() == 200 ? "200"
                                : response.statusCode() + " " + Json.parse(response.body()).get("error").get("errCode").asText();
                    } catch (Exception e) {
                        answer = "no answer: " + e.getClass().getSimpleName();
                    }
                    worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
                    answers.merge(answer, 1L, Long::sum);
                    // A steady load (about 1 600 requests/s in all), not a spin that starves the restarting database.
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                }
                slowest.add(worst);
            });
            clients.add(client);
            client.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).alias("answers so far: " + answers)
                .until(() -> answers.getOrDefault("200", 0L) > 50);

        long stopping = System.nanoTime();
        TestDatabase.server().stopServer();
        // From the moment the server process is gone (MariaDB's own shutdown takes a variable while).
        long killedAt = System.nanoTime();
        long shutdownMs = (killedAt - stopping) / 1_000_000;
        long downAfterMs;
        long recoveredAfterMs;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> management().get("/q/health/ready").statusCode() == 503);
            downAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> answers.keySet().stream().anyMatch(a -> a.startsWith("503")));
        } finally {
            TestDatabase.server().restart();
        }
        long backAt = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get(RT2).statusCode() == 200 && management().get("/q/health/ready").statusCode() == 200);
        recoveredAfterMs = (System.nanoTime() - backAt) / 1_000_000;
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        long worst = slowest.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("RELIABILITY database killed under load: answers %s, slowest %d ms, server shutdown took %d ms,"
                + " readiness DOWN %d ms after it, normal again %d ms after the database was back%n",
                new TreeMap<>(answers), worst, shutdownMs, downAfterMs, recoveredAfterMs);
        for (String answer : answers.keySet()) {
            assertTrue(answer.equals("200") || answer.startsWith("503 Agent.OceanBase."), answer);
        }
        assertTrue(worst < TIMEOUT_MS + 1_500, "slowest answer " + worst + " ms");
    }

    @Test
    void slowDatabaseTimesOutAndTheWaitQueueIsBounded() throws Exception {
        given().get(RT2).then().statusCode(200);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        Map<String, Long> answers = new TreeMap<>();
        long busyFastest = Long.MAX_VALUE;
        long worst = 0;
        try (Connection admin = TestDatabase.admin(); Statement lock = admin.createStatement()) {
            // Every read of the views waits for the lock on the job tables under them: the statement is slow, not the
            // network.
            lock.execute("LOCK TABLES oceanbase.__all_virtual_restore_job WRITE,"
                    + " oceanbase.__all_virtual_restore_job_history WRITE");
            try {
                // 8 connections + 256 waiting: the rest of 400 concurrent requests must be refused at once.
                List<Outcome<Integer>> outcomes = new ParallelHttp(400, Duration.ofSeconds(10)).send(
                        java.util.stream.IntStream.range(0, 400).boxed().toList(),
                        i -> HttpRequest.newBuilder(ParallelHttp.uri(RT2)).GET());
                for (Outcome<Integer> outcome : outcomes) {
                    assertEquals(null, outcome.failure());
                    var error = Json.parse(outcome.body()).get("error");
                    String errCode = error == null ? "none" : error.get("errCode").asText();
                    answers.merge(outcome.status() + " " + errCode, 1L, Long::sum);
                    worst = Math.max(worst, outcome.millis());
                    if (errCode.equals("Agent.OceanBase.Busy")) {
                        busyFastest = Math.min(busyFastest, outcome.millis());
                    }
                }
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given().get(RT2).statusCode() == 200);
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("RELIABILITY slow database: 400 concurrent requests, answers %s, slowest %d ms, first Busy after"
                + " %d ms, heap %d -> %d MB%n", answers, worst, busyFastest, heapBefore >> 20, heapAfter >> 20);
        assertTrue(answers.getOrDefault("503 Agent.OceanBase.Timeout", 0L) > 0, answers.toString());
        assertTrue(answers.getOrDefault("503 Agent.OceanBase.Busy", 0L) > 0, answers.toString());
        assertEquals(400L, answers.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(answers.keySet().stream().allMatch(a -> a.startsWith("503 Agent.OceanBase.")), answers.toString());
        assertTrue(worst < TIMEOUT_MS + 1_500, "slowest answer " + worst + " ms");
        assertTrue(heapAfter - heapBefore < 64L << 20, "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MB");
    }
}
