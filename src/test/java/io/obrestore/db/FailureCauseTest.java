package io.obrestore.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each failure by its cause, as the log line, the metric label and the client's error tell it: "not reachable" only
 * when the network says so, never for a query OceanBase refused or a value the service could not map.
 */
@Tag("fast")
class FailureCauseTest {

    @Test
    void theServersErrorsNameTheirCause() {
        assertEquals(FailureCause.MISSING_VIEW, cause(1146, "Table 'oceanbase.CDB_OB_RESTORE_PROGRESS' doesn't exist"));
        assertEquals(FailureCause.MISSING_COLUMN, cause(1054, "Unknown column 'p.RESTORE_TYPE' in 'field list'"));
        assertEquals(FailureCause.MISSING_PRIVILEGE, cause(1142, "SELECT command denied to user"));
        assertEquals(FailureCause.MISSING_PRIVILEGE, cause(1143, "SELECT command denied for column"));
        assertEquals(FailureCause.MISSING_PRIVILEGE, cause(1044, "Access denied for user to database 'oceanbase'"));
        assertEquals(FailureCause.LOGIN_REFUSED, cause(1045, "Access denied for user 'root'@'%'"));
        assertEquals(FailureCause.QUERY_REJECTED, cause(1064, "You have an error in your SQL syntax"));
    }

    @Test
    void onlyTheNetworkMakesTheDatabaseUnreachable() {
        assertEquals(FailureCause.UNREACHABLE, DatabaseFailures.causeOf(new ConnectException("Connection refused")));
        assertEquals(FailureCause.UNREACHABLE, DatabaseFailures.causeOf(ClosedConnectionException.INSTANCE));
        // Seen when the database was killed under load: a statement sent on a connection closed a moment before.
        assertEquals(FailureCause.UNREACHABLE, DatabaseFailures.causeOf(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")));
        assertEquals(FailureCause.UNEXPECTED, DatabaseFailures.causeOf(new NoStackTraceThrowable("something else")));
        assertEquals(FailureCause.TIMEOUT, DatabaseFailures.causeOf(new TimeoutException()));
        assertEquals(FailureCause.BUSY, DatabaseFailures.causeOf(new ConnectionPoolTooBusyException("busy")));
        // The service's own stop closed the pool: not an outage.
        assertEquals(FailureCause.STOPPING, DatabaseFailures.causeOf(new VertxException("Pool closed")));
        assertEquals(FailureCause.STOPPING, DatabaseFailures.causeOf(new IllegalStateException("Client is closed")));
        // A mapping bug is not the network's fault (it once said "not reachable").
        assertEquals(FailureCause.UNEXPECTED,
                DatabaseFailures.causeOf(new ClassCastException("String cannot be cast to Long")));
    }

    @Test
    void everyCauseHasItsOwnLabelAndAdvice() {
        Set<String> labels = new java.util.HashSet<>();
        for (FailureCause cause : EnumSet.allOf(FailureCause.class)) {
            assertEquals(true, labels.add(cause.label()), cause.label());
            assertEquals(true, cause.advice().length() > 20, cause.name());
        }
    }

    private static FailureCause cause(int code, String message) {
        return DatabaseFailures.causeOf(new MySQLException(message, code, "42000"));
    }
}
