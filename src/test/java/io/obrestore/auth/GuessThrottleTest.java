package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** connection_control's rules on a clock the test moves: thresholds, growing waits, the global budget. */
@Tag("fast")
class GuessThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    private long now = 1_000 * SECOND;

    private final GuessThrottle throttle = new GuessThrottle(TestThrottles.defaults(), now);

    private void fail(String client, int blocks) {
        throttle.failed(throttle.admit(client, blocks, now), "Security.Authentication.IncorrectOceanbasePassword", now);
    }

    private long refusedFor(String client) {
        ApiException refused = assertThrows(ApiException.class, () -> throttle.admit(client, 2, now));
        assertEquals(ErrorCode.TOO_MANY_FAILURES, refused.code());
        assertEquals(429, refused.code().httpStatus());
        return refused.retryAfterSeconds();
    }

    @Test
    void afterThreeFailuresAnAddressWaitsAndEachFurtherFailureDoublesTheWait() {
        fail("10.0.0.1", 2);
        fail("10.0.0.1", 2);
        fail("10.0.0.1", 2);
        assertEquals(6, refusedFor("10.0.0.1"));
        now += 6 * SECOND;
        fail("10.0.0.1", 2);
        assertEquals(12, refusedFor("10.0.0.1"));
        now += 12 * SECOND;
        fail("10.0.0.1", 2);
        assertEquals(24, refusedFor("10.0.0.1"));
        throttle.admit("10.0.0.2", 2, now); // another address is not affected
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        fail("10.0.0.1", 2);
        fail("10.0.0.1", 2);
        throttle.succeeded(throttle.admit("10.0.0.1", 2, now), now);
        fail("10.0.0.1", 2);
        fail("10.0.0.1", 2);
        throttle.admit("10.0.0.1", 2, now);
    }

    @Test
    void oversizedHeadersCountAsSeveralGuesses() {
        fail("10.0.0.1", 16); // 16 RSA blocks: four guesses' worth
        assertTrue(refusedFor("10.0.0.1") >= 12);
    }

    @Test
    void checksInFlightCountAgainstTheThreshold() {
        fail("10.0.0.1", 2);
        throttle.admit("10.0.0.1", 2, now);
        throttle.admit("10.0.0.1", 2, now);
        refusedFor("10.0.0.1"); // one failure and two checks running: a fourth guess in parallel would exceed three
        for (int i = 0; i < 10; i++) {
            throttle.admit("10.0.0.9", 2, now); // a client without failures runs requests in parallel freely
        }
    }

    @Test
    void manyAddressesTogetherGetNoMoreThanTheBudgetWhileAuthenticatedClientsPass() {
        throttle.succeeded(throttle.admit("10.9.9.9", 2, now), now); // a client that authenticated before the attack
        int checked = 0;
        long end = now + 60 * SECOND;
        for (; now < end; now += SECOND / 10) {
            for (int i = 0; i < 256; i++) {
                try {
                    fail("10.1.0." + i, 2);
                    checked++;
                } catch (ApiException refused) {
                    assertEquals(ErrorCode.TOO_MANY_FAILURES, refused.code());
                }
            }
            throttle.succeeded(throttle.admit("10.9.9.9", 2, now), now);
        }
        // 60 a minute plus the burst of 20 that may go at once: the network's budget.
        assertTrue(checked <= 80, "checked in the first minute: " + checked);
        assertTrue(checked >= 60, "the budget is used, not blocked: " + checked);
    }

    @Test
    void aFreshClientOfAnotherNetworkIsNotKeptWaitingByAFloodingNetwork() {
        for (int round = 0; round < 10; round++) {
            now += SECOND;
            for (int i = 0; i < 256; i++) {
                try {
                    fail("10.1.0." + i, 2);
                } catch (ApiException refused) {
                    assertEquals(ErrorCode.TOO_MANY_FAILURES, refused.code());
                }
            }
        }
        assertEquals(ErrorCode.TOO_MANY_FAILURES, assertThrows(ApiException.class,
                () -> throttle.admit("10.1.0.77", 2, now)).code(), "the flooding network waits");
        throttle.succeeded(throttle.admit("10.2.0.1", 2, now), now); // never seen before, another /24
    }

    @Test
    void manyNetworksTogetherGetNoMoreThanTheGlobalBudget() {
        int checked = 0;
        long end = now + 60 * SECOND;
        for (; now < end; now += SECOND / 10) {
            for (int network = 0; network < 40; network++) {
                try {
                    fail("10." + network + ".0." + (now / SECOND % 200), 2);
                    checked++;
                } catch (ApiException refused) {
                    assertEquals(ErrorCode.TOO_MANY_FAILURES, refused.code());
                }
            }
        }
        // 300 a minute plus the burst of 100.
        assertTrue(checked <= 400, "checked in the first minute: " + checked);
        assertTrue(checked >= 300, "the budget is used: " + checked);
    }

    @Test
    void clientsThatAuthenticatedAreRememberedAcrossARestart() {
        throttle.succeeded(throttle.admit("10.9.9.9", 2, now), now);
        GuessThrottle restarted = new GuessThrottle(TestThrottles.defaults(), now);
        restarted.rememberAuthenticated(throttle.authenticated(now));
        for (int i = 0; i < 256; i++) {
            try {
                restarted.failed(restarted.admit("10.9.9." + (i % 200 + 10), 2, now), "x", now);
            } catch (ApiException refused) {
                assertEquals(ErrorCode.TOO_MANY_FAILURES, refused.code());
            }
        }
        restarted.succeeded(restarted.admit("10.9.9.9", 2, now), now); // its network's budget is spent
        now += GuessThrottle.KNOWN_NANOS;
        assertTrue(throttle.authenticated(now).isEmpty(), "an hour later it is a stranger again");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertEquals(GuessThrottle.clientKey("2001:db8:1:2:aaaa::1"), GuessThrottle.clientKey("2001:db8:1:2:bbbb::2"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", GuessThrottle.clientKey("2001:db8:1:2:aaaa::1"));
        assertEquals("127.0.0.5", GuessThrottle.clientKey("127.0.0.5"));
        assertTrue(Duration.ofNanos(GuessThrottle.KNOWN_NANOS).toMinutes() == 60);
    }

    @Test
    void networksAreIpv4Slash24AndIpv6Slash48() {
        assertEquals("10.1.2.0/24", GuessThrottle.networkKey("10.1.2.77"));
        assertEquals("2001:db8:1:0:0:0:0:0/48", GuessThrottle.networkKey(GuessThrottle.clientKey("2001:db8:1:2:aaaa::1")));
        assertEquals(GuessThrottle.networkKey(GuessThrottle.clientKey("2001:db8:1:ffff::1")),
                GuessThrottle.networkKey(GuessThrottle.clientKey("2001:db8:1:2::1")));
    }
}
