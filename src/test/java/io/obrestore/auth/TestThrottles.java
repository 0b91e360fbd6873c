package io.obrestore.auth;

import io.obrestore.config.ServiceConfig;
import java.time.Duration;

/** Throttle settings for tests that build a {@link GuessThrottle} without configuration. */
final class TestThrottles {

    private TestThrottles() {
    }

    /** The documented defaults: 3 failures, 6 s doubling to 10 min, 60 a minute per network, 300 in total. */
    static ServiceConfig.Throttle defaults() {
        return of(3, Duration.ofSeconds(6), Duration.ofMinutes(10), 60, 300);
    }

    static ServiceConfig.Throttle of(int failures, Duration delay, Duration maxDelay, int perNetwork, int perMinute) {
        return new ServiceConfig.Throttle() {
            @Override
            public int failures() {
                return failures;
            }

            @Override
            public Duration delay() {
                return delay;
            }

            @Override
            public Duration maxDelay() {
                return maxDelay;
            }

            @Override
            public int networkFailuresPerMinute() {
                return perNetwork;
            }

            @Override
            public int globalFailuresPerMinute() {
                return perMinute;
            }

            @Override
            public int connectionsPerClient() {
                return 64;
            }
        };
    }
}
