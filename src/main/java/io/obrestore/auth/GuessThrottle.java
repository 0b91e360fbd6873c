package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Slows password guessing down the way MySQL's connection_control does, before any RSA work (docs/auth-protocol.md
 * §8): after {@code obrestore.auth.throttle.failures} consecutive failed headers from one client address, that address
 * waits {@code delay}, doubled with every further failure up to {@code max-delay} (429 with {@code Retry-After},
 * nothing decrypted). Clients that have not authenticated within the last hour also draw on two budgets of failures:
 * one per network ({@code network-failures-per-minute}; an IPv4 /24, an IPv6 /48), so a network flooding the service
 * spends its own and clients of other networks are not kept waiting, and one for all networks together
 * ({@code global-failures-per-minute}), so many networks together cannot guess faster either. A client that has
 * authenticated keeps working through both, also across a restart ({@link AuthenticatedClients}).
 *
 * <p>Failures are weighed by the RSA blocks they cost (a quarter of the blocks, at least one), so an oversized
 * header counts as the several guesses it could have been. IPv6 clients are counted per /64, which one host can fill.
 * The client address is the connection's, or the forwarded one only where Quarkus' proxy settings trust it.
 */
@ApplicationScoped
public class GuessThrottle {

    private static final Logger LOG = Logger.getLogger(GuessThrottle.class);
    /** A client that authenticated within this span is exempt from the budgets (not from its own count). */
    static final long KNOWN_NANOS = Duration.ofHours(1).toNanos();
    private static final int MAX_CLIENTS = 100_000;
    private static final int MAX_NETWORKS = 10_000;
    private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    /**
     * A check allowed to run; hand it back with {@link #succeeded}, {@link #failed} or {@link #released}.
     *
     * @param network the network whose budget it drew on, null when the client is known (it drew on none)
     */
    public record Permit(String client, int weight, String network) {
    }

    private static final class Client {
        int failures;
        int inFlight;
        long lockedUntil;
        long lastSuccess;
        boolean authenticated;
    }

    /** Failures a minute, refilled continuously, a third of a minute's worth at once. */
    private static final class Budget {
        final double perNano;
        final double burst;
        double tokens;
        long at;
        // When its running out was last logged: once a minute at most.
        long loggedAt;

        Budget(int perMinute, long now) {
            this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
            // A third of a minute's worth may go at once: the first minute then sees at most 4/3 of the rate.
            this.burst = Math.max(1, perMinute / 3.0);
            this.tokens = burst;
            this.at = now;
            this.loggedAt = now - LOG_INTERVAL_NANOS;
        }

        /** Whether its running out is to be logged now (and then not again within a minute). */
        boolean logNow(long now) {
            if (now - loggedAt < LOG_INTERVAL_NANOS) {
                return false;
            }
            loggedAt = now;
            return true;
        }

        double refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            return tokens;
        }

        long nanosUntil(double weight) {
            return (long) Math.ceil((weight - tokens) / perNano);
        }

        void give(int weight) {
            tokens = Math.min(burst, tokens + weight);
        }
    }

    private final int threshold;
    private final long delayNanos;
    private final long maxDelayNanos;
    private final int networkPerMinute;

    // Guarded by this.
    private final Map<String, Client> clients = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > MAX_CLIENTS;
        }
    };
    private final Map<String, Budget> networks = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
            return size() > MAX_NETWORKS;
        }
    };
    private final Budget global;

    @Inject
    public GuessThrottle(ServiceConfig config) {
        this(config.auth().throttle(), System.nanoTime());
    }

    GuessThrottle(ServiceConfig.Throttle config, long now) {
        this.threshold = config.failures();
        this.delayNanos = config.delay().toNanos();
        this.maxDelayNanos = Math.max(delayNanos, config.maxDelay().toNanos());
        this.networkPerMinute = config.networkFailuresPerMinute();
        this.global = new Budget(config.globalFailuresPerMinute(), now);
    }

    /** The key a client is counted under: its IPv4 address, or the /64 of its IPv6 address. */
    public static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        byte[] bytes = ipv6(address);
        if (bytes == null) {
            return address;
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return hostAddress(bytes) + "/64";
    }

    /** The network a client key belongs to: the /24 of an IPv4 address, the /48 of an IPv6 one. */
    static String networkKey(String client) {
        int slash = client.indexOf('/');
        if (slash > 0) {
            byte[] bytes = ipv6(client.substring(0, slash));
            if (bytes != null) {
                Arrays.fill(bytes, 6, 16, (byte) 0);
                return hostAddress(bytes) + "/48";
            }
            return client;
        }
        int lastDot = client.lastIndexOf('.');
        return lastDot < 0 ? client : client.substring(0, lastDot) + ".0/24";
    }

    /**
     * Admits a header of {@code blocks} RSA blocks from {@code client} to be checked, or refuses it without any work.
     *
     * @throws ApiException 429 {@code Security.Authentication.TooManyFailures} with a {@code Retry-After}
     */
    public synchronized Permit admit(String client, int blocks, long now) {
        Client state = clients.get(client);
        if (state != null) {
            if (state.lockedUntil - now > 0) {
                throw refused(state.lockedUntil - now);
            }
            // Checks already running count as failures until they finish: parallel guesses get no extra tries (once
            // failures began; a client that has not failed runs as many parallel requests as it likes).
            if (state.failures > 0 && state.inFlight >= Math.max(1, threshold - state.failures)) {
                throw refused(delayNanos);
            }
        }
        int weight = weight(blocks);
        boolean known = state != null && state.authenticated && now - state.lastSuccess < KNOWN_NANOS;
        String network = null;
        if (!known) {
            network = networkKey(client);
            Budget own = networks.computeIfAbsent(network, key -> new Budget(networkPerMinute, now));
            if (own.refill(now) < weight) {
                if (own.logNow(now)) {
                    LOG.warnf("Authentication failures from network %s exceed %d a minute: its clients that have"
                            + " not authenticated recently wait (429); other networks and authenticated clients are"
                            + " served", network, networkPerMinute);
                }
                throw refused(own.nanosUntil(weight));
            }
            if (global.refill(now) < weight) {
                if (global.logNow(now)) {
                    LOG.warnf("Authentication failures exceed %d a minute from all networks together: clients that"
                            + " have not authenticated recently wait (429) until the budget refills; authenticated"
                            + " clients are served", Math.round(global.perNano * Duration.ofMinutes(1).toNanos()));
                }
                throw refused(global.nanosUntil(weight));
            }
            own.tokens -= weight;
            global.tokens -= weight;
        }
        if (state == null) {
            state = new Client();
            clients.put(client, state);
        }
        state.inFlight++;
        return new Permit(client, weight, network);
    }

    /** The header passed: the client's count starts again and its budget share is returned. */
    public synchronized void succeeded(Permit permit, long now) {
        Client state = finish(permit);
        state.failures = 0;
        state.lockedUntil = 0;
        state.authenticated = true;
        state.lastSuccess = now;
        giveBack(permit);
    }

    /** The header failed ({@code errCode}): counted; at the threshold and beyond, the client waits, logged once per wait. */
    public synchronized void failed(Permit permit, String errCode, long now) {
        Client state = finish(permit);
        state.failures += permit.weight();
        if (state.failures >= threshold) {
            int beyond = Math.min(30, state.failures - threshold);
            long delay = Math.min(maxDelayNanos, delayNanos << beyond);
            state.lockedUntil = now + delay;
            LOG.warnf("Authentication from %s refused for %d s after %d failed headers in a row (last: %s)",
                    permit.client(), Duration.ofNanos(delay).toSeconds(), state.failures, errCode);
        }
    }

    /** The check could not be made (no fault of the client's): neither a success nor a guess. */
    public synchronized void released(Permit permit) {
        finish(permit);
        giveBack(permit);
    }

    /** Clients that authenticated within the last hour, with the {@code now} (nanos) of their last success. */
    synchronized Map<String, Long> authenticated(long now) {
        Map<String, Long> known = new HashMap<>();
        clients.forEach((client, state) -> {
            if (state.authenticated && now - state.lastSuccess < KNOWN_NANOS) {
                known.put(client, state.lastSuccess);
            }
        });
        return known;
    }

    /** Clients that authenticated before a restart, with their last success on this process's {@code nanoTime}. */
    synchronized void rememberAuthenticated(Map<String, Long> known) {
        known.forEach((client, lastSuccess) -> {
            Client state = clients.computeIfAbsent(client, key -> new Client());
            state.authenticated = true;
            state.lastSuccess = lastSuccess;
        });
    }

    private void giveBack(Permit permit) {
        if (permit.network() != null) {
            Budget own = networks.get(permit.network());
            if (own != null) {
                own.give(permit.weight());
            }
            global.give(permit.weight());
        }
    }

    private Client finish(Permit permit) {
        Client state = clients.computeIfAbsent(permit.client(), key -> new Client());
        state.inFlight = Math.max(0, state.inFlight - 1);
        return state;
    }

    private static int weight(int blocks) {
        return Math.max(1, (blocks + 3) / 4);
    }

    private static ApiException refused(long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return ApiException.retryAfter(seconds, ErrorCode.TOO_MANY_FAILURES, seconds);
    }

    private static byte[] ipv6(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            return parsed instanceof Inet6Address ? parsed.getAddress() : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String hostAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }
}
