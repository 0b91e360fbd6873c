package io.obrestore.auth.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.obrestore.auth.GuessThrottle;
import io.obrestore.config.ServiceConfig;
import io.smallrye.config.SmallRyeConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Caps the connections one client address (IPv6: its /64) holds open on the service's ports
 * ({@code obrestore.auth.throttle.connections-per-client}): one more is closed as it is accepted, before any byte is
 * read, so one host holding slow connections cannot take the whole connection cap
 * ({@code quarkus.http.limits.max-connections}) from everyone else (docs/auth-protocol.md §8). Sits first in every
 * server channel's pipeline, where accepted connections pass by ({@link ConnectionLimitTransport}); Quarkus offers no
 * hook of its own before a request has been read, and a slow connection never completes one.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    /** Connections closed as they arrived, for {@code obrestore_auth_connections_refused_total}. */
    public static final AtomicLong REFUSED = new AtomicLong();

    private static final Logger LOG = Logger.getLogger(ConnectionLimit.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private volatile int perClient;
    private volatile long loggedAt;

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (!(message instanceof Channel child) || !(child.remoteAddress() instanceof InetSocketAddress remote)) {
            context.fireChannelRead(message);
            return;
        }
        String client = GuessThrottle.clientKey(remote.getAddress().getHostAddress());
        AtomicInteger count = open.computeIfAbsent(client, key -> new AtomicInteger());
        if (count.incrementAndGet() > limit()) {
            release(client, count);
            REFUSED.incrementAndGet();
            logRefused(client);
            // Not yet registered with an event loop: closed at once, as Netty's own acceptor closes a child it
            // cannot register.
            child.unsafe().closeForcibly();
            return;
        }
        child.closeFuture().addListener(closed -> release(client, count));
        context.fireChannelRead(message);
    }

    private void release(String client, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            open.remove(client, count);
        }
    }

    private int limit() {
        int limit = perClient;
        if (limit == 0) {
            // Read on the first connection: the transport exists before the application's configuration is mapped.
            limit = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ServiceConfig.class)
                    .auth().throttle().connectionsPerClient();
            perClient = limit;
        }
        return limit;
    }

    private void logRefused(String client) {
        long now = System.nanoTime();
        if (now - loggedAt >= LOG_INTERVAL_NANOS) {
            loggedAt = now;
            LOG.warnf("Connections from %s beyond %d at once are closed as they arrive"
                    + " (obrestore.auth.throttle.connections-per-client); logged once a minute", client, perClient);
        }
    }
}
