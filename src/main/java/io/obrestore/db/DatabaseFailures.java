package io.obrestore.db;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mysqlclient.MySQLException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Turns driver failures into client-facing errors, and tells the operator once what is wrong. The driver's text
 * goes to the log only (it can name hosts, users and SQL, none of which the client needs), and the same kind of
 * failure is logged at most once a minute, so an outage under load does not flood the log.
 */
@ApplicationScoped
public class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    // MariaDB/MySQL server errors that mean "this account cannot work at all" rather than "this query failed".
    private static final int ACCESS_DENIED = 1045;
    private static final int DB_ACCESS_DENIED = 1044;

    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final Duration queryTimeout;

    public DatabaseFailures(ServiceConfig config) {
        this.queryTimeout = config.queryTimeout();
    }

    /**
     * A database call as every request path runs it: bounded by {@code obrestore.query-timeout} (503
     * {@code Agent.OceanBase.Timeout}), failures {@link #classify classified}, a success after failures logged as
     * the recovery.
     */
    public <T> Uni<T> guard(Uni<T> call) {
        return call.ifNoItem().after(queryTimeout)
                .failWith(() -> new ApiException(ErrorCode.OCEANBASE_TIMEOUT, queryTimeout))
                .onFailure().transform(this::classify)
                .invoke(this::recovered);
    }

    /** The client-facing error for a failure of a database call; {@link ApiException}s pass through. */
    public ApiException classify(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        ApiException mapped;
        String hint;
        if (failure instanceof ConnectionPoolTooBusyException) {
            mapped = new ApiException(ErrorCode.OCEANBASE_BUSY);
            hint = "every pooled connection is busy and the wait queue is full";
        } else if (failure instanceof MySQLException sql
                && (sql.getErrorCode() == ACCESS_DENIED || sql.getErrorCode() == DB_ACCESS_DENIED)) {
            mapped = new ApiException(ErrorCode.OCEANBASE_UNAVAILABLE);
            hint = "OceanBase refused the login: check QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";
        } else if (failure instanceof MySQLException) {
            mapped = new ApiException(ErrorCode.MYSQL_ERROR);
            hint = "OceanBase rejected the query: does the account have SELECT on the oceanbase.* restore views?";
        } else {
            // Connection refused or reset, closed connection, pool acquisition timeout: the database is unusable now.
            mapped = new ApiException(ErrorCode.OCEANBASE_UNAVAILABLE);
            hint = "OceanBase is not reachable: check QUARKUS_DATASOURCE_REACTIVE_URL and the observer";
        }
        logOncePerInterval(mapped.code(), hint, failure);
        return mapped;
    }

    /** Forgets what was logged, so the next failure after a recovery is reported at once. */
    public void recovered() {
        if (!lastLogged.isEmpty()) {
            lastLogged.clear();
            LOG.info("OceanBase answers again");
        }
    }

    private void logOncePerInterval(ErrorCode code, String hint, Throwable failure) {
        long now = System.nanoTime();
        Long previous = lastLogged.get(code.errCode());
        if (previous != null && now - previous < LOG_INTERVAL_NANOS) {
            return;
        }
        lastLogged.put(code.errCode(), now);
        // The driver's message names the user and host but never the password.
        LOG.warnf("%s: %s (%s: %s)", code.errCode(), hint, failure.getClass().getSimpleName(), failure.getMessage());
    }
}
