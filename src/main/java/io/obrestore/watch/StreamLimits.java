package io.obrestore.watch;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.GuessThrottle;
import io.obrestore.config.ServiceConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps on open event streams, in total ({@code obrestore.watch.max-streams}) and per client address
 * ({@code max-streams-per-client}), taken before a stream costs anything: a refused stream gets its error and its
 * connection is closed, so refused clients hold nothing either.
 */
@ApplicationScoped
public class StreamLimits {

    private static final long RETRY_SECONDS = 15;

    private final int maxStreams;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

    public StreamLimits(ServiceConfig config) {
        this.maxStreams = config.watch().maxStreams();
        this.maxPerClient = config.watch().maxStreamsPerClient();
    }

    /** A place for one stream, given back with {@link #release()} (once; later calls do nothing). */
    public final class Permit {
        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String client) {
            this.client = client;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
                perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /**
     * A permit for a stream of the request's client, or the refusal; a refused request's connection is closed once
     * its answer is written. The permit is given back when the response ends (or its connection does), or earlier by
     * {@link Permit#release()}.
     */
    public Permit admit(RoutingContext routing) {
        String client = GuessThrottle.clientKey(routing.request().remoteAddress().hostAddress());
        int[] mine = new int[1];
        perClient.compute(client, (key, count) -> {
            int current = count == null ? 0 : count;
            mine[0] = current;
            return current >= maxPerClient ? count : current + 1;
        });
        if (mine[0] >= maxPerClient) {
            throw refused(routing, ErrorCode.CLIENT_STREAM_LIMIT, maxPerClient);
        }
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            perClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            throw refused(routing, ErrorCode.STREAM_LIMIT, maxStreams);
        }
        Permit permit = new Permit(client);
        routing.addEndHandler(ended -> permit.release());
        return permit;
    }

    private static ApiException refused(RoutingContext routing, ErrorCode code, int limit) {
        // Said in the answer and done once it is written: the client keeps no connection open to retry on.
        routing.response().putHeader("Connection", "close");
        routing.addEndHandler(ignored -> routing.request().connection().close());
        return ApiException.retryAfter(RETRY_SECONDS, code, limit);
    }
}
