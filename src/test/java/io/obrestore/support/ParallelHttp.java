package io.obrestore.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Sends many requests with bounded concurrency and a per-request deadline, so a hang fails instead of waiting. */
public final class ParallelHttp {

    /** One answer, or the failure to get one. */
    public record Outcome<T>(T input, int status, String body, long millis, Throwable failure) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int concurrency;
    private final Duration deadline;

    public ParallelHttp(int concurrency, Duration deadline) {
        this.concurrency = concurrency;
        this.deadline = deadline;
    }

    public <T> List<Outcome<T>> send(List<T> inputs, Function<T, HttpRequest.Builder> request) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<Outcome<T>>> futures = new ArrayList<>();
        for (T input : inputs) {
            permits.acquire();
            long start = System.nanoTime();
            HttpRequest built = request.apply(input).timeout(deadline).build();
            futures.add(client.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        permits.release();
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        return failure == null
                                ? new Outcome<>(input, response.statusCode(), response.body(), millis, null)
                                : new Outcome<>(input, -1, "", millis, failure);
                    }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    public static URI uri(String path) {
        return URI.create("http://localhost:" + io.restassured.RestAssured.port + path);
    }
}
