package io.obrestore.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small server-sent-events client over the JDK's HTTP client: one connection per stream, no thread per stream,
 * events parsed as the SSE specification says (comment lines start with {@code :}, a blank line ends an event).
 */
public final class SseClient {

    /** One dispatched event. */
    public record Event(String name, String id, String data) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Opens {@code uri}; the returned stream fills as events arrive. */
    public Stream open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        Stream stream = new Stream();
        client.sendAsync(request.build(), info -> {
            // The head's fields first: completing the status wakes the test thread, which then reads them.
            stream.contentType = info.headers().firstValue("Content-Type").orElse("");
            stream.status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
        }).whenComplete((response, failure) -> stream.ended.complete(null));
        return stream;
    }

    /** The client side of one stream. */
    public static final class Stream implements Flow.Subscriber<String>, AutoCloseable {
        private final CompletableFuture<Integer> status = new CompletableFuture<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final StringBuffer raw = new StringBuffer();
        private volatile String contentType = "";
        private volatile int comments;
        private volatile Flow.Subscription subscription;
        // Only touched by the subscriber callbacks, which the HTTP client serialises.
        private String name;
        private String id;
        private StringBuilder data;

        /** The HTTP status, waiting for the response head at most {@code timeout}. */
        public int status(Duration timeout) throws Exception {
            return status.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        public String contentType() {
            return contentType;
        }

        /** The next event, or null when none arrived within {@code timeout}. */
        public Event next(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether the server ended the response (or the connection broke). */
        public boolean ended() {
            return ended.isDone();
        }

        /** Comment lines received (the service's heartbeats). */
        public int comments() {
            return comments;
        }

        /** Every line received so far, for secret scans and error bodies. */
        public String raw() {
            return raw.toString();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            raw.append(line).append('\n');
            if (line.isEmpty()) {
                if (data != null || name != null) {
                    events.add(new Event(name == null ? "message" : name, id, data == null ? "" : data.toString()));
                }
                name = null;
                id = null;
                data = null;
            } else if (line.startsWith(":")) {
                comments++;
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended.complete(null);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }

        /** Leaves the stream: the client drops the connection, as a closed browser tab does. */
        @Override
        public void close() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
