package io.obrestore.restore;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mysqlclient.MySQLException;
import org.jboss.logging.Logger;

/**
 * Turns driver failures into client-facing errors. The driver's text goes to the log only: it can name hosts,
 * users and SQL, none of which the client needs.
 */
public final class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    // MariaDB/MySQL server errors that mean "this account cannot work at all" rather than "this query failed".
    private static final int ACCESS_DENIED = 1045;
    private static final int DB_ACCESS_DENIED = 1044;

    private DatabaseFailures() {
    }

    /** The client-facing error for a failure of a database call; {@link ApiException}s pass through. */
    public static ApiException classify(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        LOG.warnf("OceanBase call failed: %s: %s", failure.getClass().getSimpleName(), failure.getMessage());
        if (failure instanceof ConnectionPoolTooBusyException) {
            return new ApiException(ErrorCode.OCEANBASE_BUSY);
        }
        if (failure instanceof MySQLException sql) {
            int code = sql.getErrorCode();
            return code == ACCESS_DENIED || code == DB_ACCESS_DENIED
                    ? new ApiException(ErrorCode.OCEANBASE_UNAVAILABLE)
                    : new ApiException(ErrorCode.MYSQL_ERROR);
        }
        // Connection refused or reset, closed connection, pool acquisition timeout: the database is unusable now.
        return new ApiException(ErrorCode.OCEANBASE_UNAVAILABLE);
    }
}
