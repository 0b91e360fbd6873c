package io.obrestore.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The service's own settings ({@code obrestore.*}, env {@code OBRESTORE_*}). The database connection uses the
 * standard {@code quarkus.datasource.*} keys.
 */
@ConfigMapping(prefix = "obrestore")
public interface ServiceConfig {

    /**
     * Upper bound for one database round trip (overview query and readiness probe). When it passes the client
     * gets a 503 {@code Agent.OceanBase.Timeout} envelope instead of waiting.
     */
    @WithDefault("5s")
    Duration queryTimeout();

    /**
     * Requests allowed to wait for a pooled connection when all {@code quarkus.datasource.reactive.max-size}
     * connections are busy; beyond it requests fail at once with 503 {@code Agent.OceanBase.Busy}.
     */
    @WithDefault("256")
    int maxWaitingRequests();

    /**
     * Zone attached to the wall-clock times OceanBase returns (its session time zone) and used for the
     * envelope's {@code timestamp}. obshell uses the agent's local zone; unset means the same here
     * (the JVM default, i.e. {@code TZ}).
     */
    Optional<ZoneId> timeZone();

    /** The effective zone: {@link #timeZone()} or the JVM default. */
    default ZoneId zone() {
        return timeZone().orElseGet(ZoneId::systemDefault);
    }
}
