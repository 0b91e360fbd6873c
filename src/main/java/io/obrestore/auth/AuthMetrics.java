package io.obrestore.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.connection.ConnectionLimit;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The authentication counters, each registered at 0 when the service starts (a rule or panel reading a series that
 * appears only after the first failure sees nothing until then), with its HELP text.
 */
@Startup(StartupOrder.AGENT_KEY)
@ApplicationScoped
public class AuthMetrics {

    /** Every answer the auth path gives besides success. */
    static final Set<ErrorCode> AUTH_ERRORS = EnumSet.of(ErrorCode.HEADER_NOT_FOUND, ErrorCode.HEADER_DECRYPT_FAILED,
            ErrorCode.URI_MISMATCH, ErrorCode.EXPIRED, ErrorCode.TIMESTAMP_INVALID,
            ErrorCode.INCORRECT_OCEANBASE_PASSWORD, ErrorCode.INCORRECT_AGENT_PASSWORD, ErrorCode.WITH_AGENT_PASSWORD,
            ErrorCode.WITH_OCEANBASE_PASSWORD, ErrorCode.REPLAYED, ErrorCode.TIMESTAMP_TOO_FAR,
            ErrorCode.TOO_MANY_FAILURES, ErrorCode.AUTH_UNAVAILABLE, ErrorCode.HEADER_TOO_LARGE,
            ErrorCode.BODY_KEYS_INVALID, ErrorCode.BODY_LENGTH_INVALID, ErrorCode.BODY_DECRYPT_FAILED);

    private final Map<ErrorCode, Counter> failures = new EnumMap<>(ErrorCode.class);

    public AuthMetrics(MeterRegistry registry) {
        for (ErrorCode code : AUTH_ERRORS) {
            failures.put(code, Counter.builder("obrestore.auth.failures").tag("errCode", code.errCode())
                    .description("Requests under /api/v1 refused by authentication, by the errCode they were answered"
                            + " with").register(registry));
        }
        FunctionCounter.builder("obrestore.auth.connections.refused", ConnectionLimit.REFUSED,
                java.util.concurrent.atomic.AtomicLong::get)
                .description("Connections closed as they arrived because their client address (IPv6: its /64) held"
                        + " obrestore.auth.throttle.connections-per-client already").register(registry);
    }

    /** Counts {@code failure} and returns it. */
    ApiException counted(ApiException failure) {
        Counter counter = failures.get(failure.code());
        if (counter != null) {
            counter.increment();
        }
        return failure;
    }
}
