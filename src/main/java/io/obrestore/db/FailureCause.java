package io.obrestore.db;

import io.obrestore.api.ErrorCode;

/**
 * Why a database call failed, as the operator needs to know it: each cause has its own log line saying what to do,
 * its own label on {@code obrestore_database_failures_total{cause}}, and the obshell error the client gets.
 * "Not reachable" is said only when the network says so (docs/operations.md, "Database failures").
 */
public enum FailureCause {

    UNREACHABLE("unreachable", ErrorCode.OCEANBASE_UNAVAILABLE,
            "OceanBase is not reachable: check QUARKUS_DATASOURCE_REACTIVE_URL and the observer"),
    LOGIN_REFUSED("login_refused", ErrorCode.OCEANBASE_UNAVAILABLE,
            "OceanBase refused the login: check QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD"),
    TIMEOUT("timeout", ErrorCode.OCEANBASE_TIMEOUT,
            "OceanBase did not answer within OBRESTORE_QUERY_TIMEOUT: the observer is overloaded or far away; raise the"
                    + " timeout if it is merely slow"),
    BUSY("busy", ErrorCode.OCEANBASE_BUSY,
            "every pooled connection is busy and the wait queue is full: raise QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE or"
                    + " OBRESTORE_MAX_WAITING_REQUESTS"),
    MISSING_VIEW("missing_view", ErrorCode.MYSQL_ERROR,
            "a restore view is missing: connect to the sys tenant (user root, not root@<tenant>) of OceanBase 4.2 or"
                    + " later"),
    MISSING_COLUMN("missing_column", ErrorCode.MYSQL_ERROR,
            "a restore view lost a column the service had found (OceanBase upgraded?): its columns are read again"
                    + " before the next statement"),
    MISSING_PRIVILEGE("missing_privilege", ErrorCode.MYSQL_ERROR,
            "the account may not read the restore views: GRANT SELECT ON oceanbase.* to it (root@sys can)"),
    QUERY_REJECTED("query_rejected", ErrorCode.MYSQL_ERROR,
            "OceanBase rejected the restore query"),
    UNREADABLE_VALUE("unreadable_value", null,
            "a restore view held a value the service cannot read; it is shown as obshell's zero value"),
    UNEXPECTED("unexpected", ErrorCode.UNEXPECTED,
            "the restore query failed in an unexpected way"),
    STOPPING("stopping", ErrorCode.OCEANBASE_UNAVAILABLE,
            "the service is stopping and has closed its connections");

    private final String label;
    private final ErrorCode code;
    private final String advice;

    FailureCause(String label, ErrorCode code, String advice) {
        this.label = label;
        this.code = code;
        this.advice = advice;
    }

    /** The metric label. */
    public String label() {
        return label;
    }

    /** The client-facing error; null for a cause that fails no call (an unreadable value is shown as zero). */
    public ErrorCode code() {
        return code;
    }

    /** What the log line tells the operator to do. */
    public String advice() {
        return advice;
    }
}
