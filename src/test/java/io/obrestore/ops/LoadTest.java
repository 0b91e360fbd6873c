package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load: 64 concurrent keep-alive clients for 60 s on loopback, rotating over every fixture outcome.
 * Zero errors (every answer is the status that tenant always gets), and afterwards no growth in the service's
 * threads or in database connections.
 */
@QuarkusTest
@Tag("reliability") // a minute of load: ./mvnw -B verify -Preliability
@WithTestResource(MariaDbTestResource.class)
class LoadTest {

    private static final int CLIENTS = 64;
    private static final Duration DURATION = Duration.ofSeconds(60);
    private static final String[][] TARGETS = {{"rt2", "200"}, {"rt_running", "200"}, {"tenant1", "404"},
        {"no_such_tenant", "400"}, {"sys", "400"}};

    @Test
    void sixtyFourClientsForAMinute() throws Exception {
        warmUp();
        int threadsBefore = serviceThreads();
        long dbConnectionsBefore = databaseConnections();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + DURATION.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int offset = c;
            Thread client = new Thread(() -> {
                // One client each: its own keep-alive connection, as separate callers would have.
                HttpClient http = HttpClient.newHttpClient();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    String[] target = TARGETS[i % TARGETS.length];
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                ParallelHttp.uri("/api/v1/tenant/" + target[0] + "/restore/overview"))
                                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != Integer.parseInt(target[1])) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
            }, "load-client-" + c);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        System.gc();
        // Connections and threads settle once the clients are gone; poll with a bound instead of sleeping.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> serviceThreads() <= threadsBefore + 2 && databaseConnections() <= dbConnectionsBefore + 8);
        int threadsAfter = serviceThreads();
        long dbConnectionsAfter = databaseConnections();
        System.out.printf("RELIABILITY load: %d clients x %d s, %d requests (%.0f/s), %d errors, service threads %d -> %d,"
                + " database connections %d -> %d%n", CLIENTS, DURATION.toSeconds(), requests.get(),
                requests.get() / (double) DURATION.toSeconds(), errors.get(), threadsBefore, threadsAfter,
                dbConnectionsBefore, dbConnectionsAfter);
        assertEquals(0, errors.get(), "errors under load");
        assertTrue(requests.get() > CLIENTS, "the load really ran");
        // The pool never exceeds its max-size (8), whatever the load.
        assertTrue(dbConnectionsAfter <= 8 + 1, "database connections " + dbConnectionsAfter);
    }

    private static void warmUp() throws InterruptedException {
        new ParallelHttp(CLIENTS, Duration.ofSeconds(5)).send(java.util.Collections.nCopies(CLIENTS * 4, "rt2"),
                t -> HttpRequest.newBuilder(ParallelHttp.uri("/api/v1/tenant/" + t + "/restore/overview")).GET());
    }

    /** Threads the service owns: Vert.x event loops and workers, Quarkus' executor. */
    private static int serviceThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("vert.x-") || n.startsWith("executor-thread-")).count();
    }

    /** Client connections the database has open, the admin one asking included. */
    private static long databaseConnections() throws Exception {
        try (Connection admin = TestDatabase.admin(); Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'Threads_connected'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
