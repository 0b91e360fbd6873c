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
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Slows password guessing down the way MySQL's connection_control does, before any RSA work: after
 * {@code obrestore.auth.throttle.failures} consecutive failed headers from one client address, that address waits
 * {@code delay}, doubled with every further failure up to {@code max-delay} (429 with {@code Retry-After}, nothing
 * decrypted). A global budget caps the failures of all addresses that have not authenticated within the last hour,
 * so many addresses together cannot guess faster either, while a client that has authenticated keeps working.
 * docs/auth-protocol.md §8.
 *
 * <p>Failures are weighed by the RSA blocks they cost (a quarter of the blocks, at least one), so an oversized
 * header counts as the several guesses it could have been. IPv6 clients are counted per /64, which one host can
 * fill. The client address is the connection's, or the forwarded one only where Quarkus' proxy settings trust it.
 */
@ApplicationScoped
public class GuessThrottle {

    private static final Logger LOG = Logger.getLogger(GuessThrottle.class);
    /** A client that authenticated within this span is exempt from the global budget (not from its own count). */
    static final long KNOWN_NANOS = Duration.ofHours(1).toNanos();
    private static final int MAX_CLIENTS = 100_000;
    private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    /** A check allowed to run; hand it back with {@link #succeeded}, {@link #failed} or {@link #released}. */
    public record Permit(String client, int weight, boolean fromBudget) {
    }

    private static final class Client {
        int failures;
        int inFlight;
        long lockedUntil;
        long lastSuccess;
        boolean authenticated;
    }

    private final int threshold;
    private final long delayNanos;
    private final long maxDelayNanos;
    private final double budgetPerNano;
    private final double budgetBurst;

    // Guarded by this.
    private final Map<String, Client> clients = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > MAX_CLIENTS;
        }
    };
    private double budget;
    private long budgetAt;
    private long budgetLoggedAt;

    @Inject
    public GuessThrottle(ServiceConfig config) {
        this(config.auth().throttle(), System.nanoTime());
    }

    GuessThrottle(ServiceConfig.Throttle config, long now) {
        this.threshold = config.failures();
        this.delayNanos = config.delay().toNanos();
        this.maxDelayNanos = Math.max(delayNanos, config.maxDelay().toNanos());
        int perMinute = config.globalFailuresPerMinute();
        this.budgetPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        // A third of a minute's worth may go at once: the first minute then sees at most 4/3 of the rate.
        this.budgetBurst = Math.max(1, perMinute / 3.0);
        this.budget = budgetBurst;
        this.budgetAt = now;
        this.budgetLoggedAt = now - LOG_INTERVAL_NANOS;
    }

    /** The key a client is counted under: its IPv4 address, or the /64 of its IPv6 address. */
    public static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
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
        if (!known) {
            refill(now);
            if (budget < weight) {
                if (now - budgetLoggedAt >= LOG_INTERVAL_NANOS) {
                    budgetLoggedAt = now;
                    LOG.warnf("Authentication failures exceed %.0f a minute from clients that have not authenticated"
                            + " recently: they wait (429) until the budget refills; authenticated clients are served",
                            budgetPerNano * Duration.ofMinutes(1).toNanos());
                }
                throw refused((long) Math.ceil((weight - budget) / budgetPerNano));
            }
            budget -= weight;
        }
        if (state == null) {
            state = new Client();
            clients.put(client, state);
        }
        state.inFlight++;
        return new Permit(client, weight, !known);
    }

    /** The header passed: the client's count starts again and its budget share is returned. */
    public synchronized void succeeded(Permit permit, long now) {
        Client state = finish(permit);
        state.failures = 0;
        state.lockedUntil = 0;
        state.authenticated = true;
        state.lastSuccess = now;
        if (permit.fromBudget()) {
            budget = Math.min(budgetBurst, budget + permit.weight());
        }
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

    /** The check could not be made (the block memory was unavailable): neither a success nor a guess. */
    public synchronized void released(Permit permit) {
        finish(permit);
        if (permit.fromBudget()) {
            budget = Math.min(budgetBurst, budget + permit.weight());
        }
    }

    private Client finish(Permit permit) {
        Client state = clients.computeIfAbsent(permit.client(), key -> new Client());
        state.inFlight = Math.max(0, state.inFlight - 1);
        return state;
    }

    private void refill(long now) {
        budget = Math.min(budgetBurst, budget + (now - budgetAt) * budgetPerNano);
        budgetAt = now;
    }

    private static int weight(int blocks) {
        return Math.max(1, (blocks + 3) / 4);
    }

    private static ApiException refused(long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return ApiException.retryAfter(seconds, ErrorCode.TOO_MANY_FAILURES, seconds);
    }
}
