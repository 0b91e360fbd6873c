package io.obrestore.bench;

import io.vertx.core.Future;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The benchmarks' load: a closed loop of operations on Vert.x, with every latency kept. */
final class ClosedLoop {

    /** What one run did: requests, those that failed or answered another status, latencies (sorted, µs). */
    record Result(long requests, long errors, long[] latenciesMicros, double seconds) {
        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            return Measures.percentileMillis(latenciesMicros, p);
        }
    }

    private ClosedLoop() {
    }

    /** Closed loop: {@code concurrency} operations in flight, each replaced as soon as it completes. */
    static Result run(int seconds, int concurrency, Supplier<Future<Integer>> operation, int expected)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        CompletableFuture<?>[] loops = new CompletableFuture<?>[concurrency];
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            int slot = i;
            latencies[i] = new long[1 << 16];
            CompletableFuture<Void> done = new CompletableFuture<>();
            loops[i] = done;
            new Object() {
                void step() {
                    if (System.nanoTime() >= end) {
                        done.complete(null);
                        return;
                    }
                    long t0 = System.nanoTime();
                    operation.get().onComplete(ar -> {
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (counts[slot] == latencies[slot].length) {
                            latencies[slot] = Arrays.copyOf(latencies[slot], counts[slot] * 2);
                        }
                        latencies[slot][counts[slot]++] = micros;
                        requests.incrementAndGet();
                        if (ar.failed() || ar.result() != expected) {
                            errors.incrementAndGet();
                        }
                        step();
                    });
                }
            }.step();
        }
        CompletableFuture.allOf(loops).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[(int) requests.get()];
        int at = 0;
        for (int i = 0; i < concurrency; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all, 0, at);
        return new Result(requests.get(), errors.get(), Arrays.copyOf(all, at), elapsed);
    }

}
