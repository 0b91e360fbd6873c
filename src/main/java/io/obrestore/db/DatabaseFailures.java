package io.obrestore.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.config.ServiceConfig;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Turns driver failures into client-facing errors, and tells the operator once what is wrong and what to do, by cause
 * ({@link FailureCause}). The driver's text goes to the log only (it can name hosts, users and SQL, none of which the
 * client needs), with anything shaped like a URI cut out (a backup URI carries access keys), and the same cause is
 * logged at most once a minute, so an outage under load does not flood the log. Every cause counts in
 * {@code obrestore_database_failures_total{cause}}, each series present from the start.
 */
@ApplicationScoped
public class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S*");

    // MariaDB/MySQL server errors, as OceanBase reports them in MySQL mode.
    private static final int ACCESS_DENIED = 1045;
    private static final int DB_ACCESS_DENIED = 1044;
    private static final int NO_SUCH_TABLE = 1146;
    private static final int BAD_FIELD = 1054;
    private static final int TABLE_ACCESS_DENIED = 1142;
    private static final int COLUMN_ACCESS_DENIED = 1143;
    private static final int SPECIFIC_ACCESS_DENIED = 1227;

    // Failures logged since the last success (a success clears them); unreadable values apart, as they fail no call.
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final Map<String, Long> unreadableLogged = new ConcurrentHashMap<>();
    private final Map<FailureCause, Counter> counters = new EnumMap<>(FailureCause.class);
    private final Duration queryTimeout;

    public DatabaseFailures(ServiceConfig config, MeterRegistry registry) {
        this.queryTimeout = config.queryTimeout();
        for (FailureCause cause : FailureCause.values()) {
            counters.put(cause, Counter.builder("obrestore.database.failures").tag("cause", cause.label())
                    .description("Failed database calls and unreadable values, by cause (docs/operations.md)")
                    .register(registry));
        }
    }

    /**
     * A database call as every request path runs it: bounded by {@code obrestore.query-timeout} (503
     * {@code Agent.OceanBase.Timeout}), failures {@link #classify classified}, a success after failures logged as
     * the recovery.
     */
    public <T> Uni<T> guard(Uni<T> call) {
        return call.ifNoItem().after(queryTimeout).fail()
                .onFailure().transform(this::classify)
                .invoke(this::recovered);
    }

    /** The client-facing error for a failure of a database call, logged and counted; {@link ApiException}s pass. */
    public ApiException classify(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        FailureCause cause = causeOf(failure);
        counters.get(cause).increment();
        ApiException mapped = cause == FailureCause.TIMEOUT
                ? new ApiException(cause.code(), queryTimeout)
                : new ApiException(cause.code());
        if (cause == FailureCause.STOPPING) {
            // The service is stopping and closed its own pool: nothing for the operator to do.
            LOG.debugf("Database call ended by the stop (%s)", failure.getClass().getSimpleName());
        } else {
            logOncePerInterval(lastLogged, cause.label(), "%s: %s (%s: %s)", cause.code().errCode(), cause.advice(),
                    failure.getClass().getSimpleName(), scrub(failure.getMessage()));
        }
        return mapped;
    }

    /**
     * A value a restore view held that the service could not read: counted and logged (once a minute per place), the
     * caller shows the zero value instead. {@code where} names the view and column, {@code what} the value's kind.
     */
    public void unreadable(String where, String what) {
        FailureCause cause = FailureCause.UNREADABLE_VALUE;
        counters.get(cause).increment();
        logOncePerInterval(unreadableLogged, where, "%s: %s held %s, shown as the zero value (please report it"
                + " with the OceanBase version in the start log)", cause.label(), where, what);
    }

    /** Forgets what was logged, so the next failure after a recovery is reported at once. */
    public void recovered() {
        if (!lastLogged.isEmpty()) {
            lastLogged.clear();
            LOG.info("OceanBase answers again");
        }
    }

    /** Why {@code failure} happened; pure, for callers that react to a cause (e.g. read a view's columns again). */
    public static FailureCause causeOf(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return FailureCause.TIMEOUT;
        }
        if (failure instanceof ConnectionPoolTooBusyException) {
            return FailureCause.BUSY;
        }
        if (failure instanceof MySQLException sql) {
            return switch (sql.getErrorCode()) {
                case ACCESS_DENIED -> FailureCause.LOGIN_REFUSED;
                case NO_SUCH_TABLE -> FailureCause.MISSING_VIEW;
                case BAD_FIELD -> FailureCause.MISSING_COLUMN;
                case DB_ACCESS_DENIED, TABLE_ACCESS_DENIED, COLUMN_ACCESS_DENIED, SPECIFIC_ACCESS_DENIED ->
                        FailureCause.MISSING_PRIVILEGE;
                default -> FailureCause.QUERY_REJECTED;
            };
        }
        // Refused, reset or timed-out connects are IOExceptions; a connection lost mid-call is closed, or (when the
        // statement is sent on a connection that closed a moment before) "not active now" from the SQL client.
        if (failure instanceof IOException || failure instanceof ClosedConnectionException || isInactive(failure)) {
            return FailureCause.UNREACHABLE;
        }
        if (isOwnStop(failure)) {
            return FailureCause.STOPPING;
        }
        return FailureCause.UNEXPECTED;
    }

    /** A statement written to a pooled connection the server had just closed (SocketConnectionBase's message). */
    private static boolean isInactive(Throwable failure) {
        return failure instanceof NoStackTraceThrowable && failure.getMessage() != null
                && failure.getMessage().startsWith("Connection is not active now");
    }

    /** The pool or client was closed by this service's own stop (Vert.x says "Pool closed" / "Client is closed"). */
    private static boolean isOwnStop(Throwable failure) {
        String message = failure.getMessage();
        return (failure instanceof VertxException || failure instanceof IllegalStateException) && message != null
                && (message.contains("Pool closed") || message.contains("Client is closed"));
    }

    private static String scrub(String message) {
        return message == null ? "" : URI.matcher(message).replaceAll("<uri>");
    }

    private static void logOncePerInterval(Map<String, Long> logged, String key, String format, Object... arguments) {
        long now = System.nanoTime();
        Long previous = logged.get(key);
        if (previous != null && now - previous < LOG_INTERVAL_NANOS) {
            return;
        }
        logged.put(key, now);
        // The driver's message names the user and host but never the password.
        LOG.warnf(format, arguments);
    }
}
