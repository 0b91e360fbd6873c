package io.obrestore.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak mode of the benchmark suite ({@code src/test/bench/soak-benchmark.sh}): a fixed request rate (open
 * loop, so a slow answer does not slow the senders and latency is measured honestly) of a realistic mix for a fixed
 * time, with live-watch streams open the whole time. Every 30 s it prints the service's RSS, the requests, errors
 * and latency of the last interval; at the end the RSS drift from the first reading.
 *
 * <p>Arguments: serviceUrl servicePid seconds requestsPerSecond watchers [mix: "realistic" (default) or "rt2",
 * the rt2 overview only, which {@link BareOverviewServer} also answers].
 */
public final class SoakBenchmark {

    private record Call(String path, int status) {
    }

    // What a dashboard and a few operators do: mostly overviews, some list calls, some mistakes.
    private static final List<Call> MIX = List.of(
            new Call("/api/v1/tenant/rt2/restore/overview", 200),
            new Call("/api/v1/tenant/rt_running/restore/overview", 200),
            new Call("/api/v1/tenant/rt_multi/restore/overview", 200),
            new Call("/api/v1/tenant/rt2/restore/overview", 200),
            new Call("/api/v1/tenant/rt_failed/restore/overview", 200),
            new Call("/api/v1/tenant/rt_running/restore/overview", 200),
            new Call("/api/v1/tenant/tenant1/restore/overview", 404),
            new Call("/api/v1/tenant/no_such_tenant/restore/overview", 400),
            new Call("/api/v1/restore/tasks?status=SUCCESS,FAIL&page=1&size=5", 200),
            new Call("/api/v1/tenant/rt_running/restore/overview", 200));

    private static final List<Call> RT2_ONLY = List.of(new Call("/api/v1/tenant/rt2/restore/overview", 200));

    private static final int REPORT_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        java.net.URI base = java.net.URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int watchers = Integer.parseInt(args[4]);
        List<Call> mix = args.length > 5 && args[5].equals("rt2") ? RT2_ONLY : MIX;

        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()));
        HttpClient streams = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setMaxPoolSize(Math.max(1, watchers)).setDefaultHost(base.getHost()).setDefaultPort(base.getPort()));
        AtomicInteger openStreams = new AtomicInteger();
        AtomicLong streamBytes = new AtomicLong();
        for (int i = 0; i < watchers; i++) {
            streams.request(new RequestOptions().setURI("/api/v1/tenant/rt_running/restore/overview/stream"))
                    .compose(request -> request.send()).onSuccess(response -> {
                        if (response.statusCode() == 200) {
                            openStreams.incrementAndGet();
                            response.handler(chunk -> streamBytes.addAndGet(chunk.length()));
                            response.endHandler(v -> openStreams.decrementAndGet());
                        }
                    });
        }

        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong totalErrors = new AtomicLong();
        Latencies interval = new Latencies();
        Latencies all = new Latencies();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        // Every millisecond, send what the rate owes since the start (no drift when a tick is late). A coarser tick
        // sends bursts (10 ms: 8 requests at once at 800/s) whose queueing the latency would then include.
        long timer = vertx.setPeriodic(1, id -> {
            long owed = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent.get() < owed && System.nanoTime() < end) {
                Call call = mix.get((int) (sent.getAndIncrement() % mix.size()));
                long t0 = System.nanoTime();
                http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(call.path()))
                        .compose(r -> r.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                        .onComplete(ar -> {
                            long micros = (System.nanoTime() - t0) / 1000;
                            interval.add(micros);
                            all.add(micros);
                            if (ar.failed() || ar.result() != call.status()) {
                                errors.incrementAndGet();
                                totalErrors.incrementAndGet();
                            }
                        });
            }
        });

        System.out.printf("soak: %d s at %d requests/s (mix of %d calls), %d watch streams, %d cores, JDK %s%n",
                seconds, rate, mix.size(), watchers, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| t s | service RSS MB | requests | requests/s | errors | p50 ms | p99 ms | max ms | open streams |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        long firstRss = -1;
        long lastRss = -1;
        for (int t = REPORT_SECONDS; t <= seconds; t += REPORT_SECONDS) {
            long wake = start + t * 1_000_000_000L;
            while (System.nanoTime() < wake) {
                Thread.sleep(Math.max(1, (wake - System.nanoTime()) / 1_000_000));
            }
            long[] window = interval.drain();
            long rss = Measures.rssMb(pid);
            firstRss = firstRss < 0 ? rss : firstRss;
            lastRss = rss;
            System.out.printf("| %d | %d | %d | %.0f | %d | %.2f | %.2f | %.2f | %d |%n", t, rss, window.length,
                    window.length / (double) REPORT_SECONDS, errors.getAndSet(0), Measures.percentileMillis(window, 0.5),
                    Measures.percentileMillis(window, 0.99), Measures.percentileMillis(window, 1.0), openStreams.get());
        }
        vertx.cancelTimer(timer);
        long[] everything = all.drain();
        System.out.printf("total: %d requests, %d errors, p50 %.2f ms, p99 %.2f ms, max %.2f ms; RSS %d -> %d MB"
                + " (drift %+.1f %%); %d stream bytes received%n", everything.length, totalErrors.get(),
                Measures.percentileMillis(everything, 0.5), Measures.percentileMillis(everything, 0.99), Measures.percentileMillis(everything, 1.0), firstRss,
                lastRss, 100.0 * (lastRss - firstRss) / firstRss, streamBytes.get());
        CompletableFuture<Void> closed = new CompletableFuture<>();
        vertx.close().onComplete(ar -> closed.complete(null));
        closed.join();
    }

    /** Latencies in µs, appended from the event loop, drained by the reporting thread. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int count;

        synchronized void add(long micros) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = micros;
        }

        synchronized long[] drain() {
            long[] out = Arrays.copyOf(values, count);
            count = 0;
            Arrays.sort(out);
            return out;
        }
    }
}
