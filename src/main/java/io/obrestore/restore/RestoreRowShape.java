package io.obrestore.restore;

import io.obrestore.api.Rfc3339;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The one row shape of every restore query, as SELECT lists and as the mapping back to domain values: the
 * repository's statements are built from these lists and its rows are read only here.
 *
 * <p>{@code SOURCE} says what a row is: a job of CDB_OB_RESTORE_PROGRESS (running), a job of
 * CDB_OB_RESTORE_HISTORY (finished), or a tenant of DBA_OB_TENANTS left in RESTORE status without a running job
 * (orphaned). The view a job row came from decides whether it runs, never its STATUS (as obshell).
 */
final class RestoreRowShape {

    static final String PROGRESS = "PROGRESS";
    static final String HISTORY = "HISTORY";
    static final String ORPHAN = "ORPHAN";

    /** The columns both job views share, in the shape's order. BACKUP_DEST is never selected: it holds access keys. */
    private static final String JOB_COLUMNS = """
            TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID,
            BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, RESTORE_OPTION,
            RESTORE_SCN, RESTORE_SCN_DISPLAY, STATUS, START_TIMESTAMP,
            BACKUP_SET_LIST, BACKUP_PIECE_LIST, TABLET_COUNT, FINISH_TABLET_COUNT,
            TOTAL_BYTES, TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION""";

    /** A CDB_OB_RESTORE_PROGRESS row in the shape: NULL in place of the history-only columns. */
    static final String PROGRESS_COLUMNS = "'" + PROGRESS + "' AS SOURCE, " + JOB_COLUMNS + """
            ,
            RECOVER_SCN, RECOVER_SCN_DISPLAY, RECOVER_PROGRESS, RESTORE_PROGRESS,
            NULL AS BACKUP_CLUSTER_VERSION, NULL AS LS_COUNT, NULL AS FINISH_LS_COUNT,
            NULL AS `COMMENT`, NULL AS FINISH_TIMESTAMP
            """;

    /** A CDB_OB_RESTORE_HISTORY row in the shape: NULL in place of the progress-only columns. */
    static final String HISTORY_COLUMNS = "'" + HISTORY + "' AS SOURCE, " + JOB_COLUMNS + """
            ,
            NULL AS RECOVER_SCN, NULL AS RECOVER_SCN_DISPLAY, NULL AS RECOVER_PROGRESS, NULL AS RESTORE_PROGRESS,
            BACKUP_CLUSTER_VERSION, LS_COUNT, FINISH_LS_COUNT, `COMMENT`, FINISH_TIMESTAMP
            """;

    /**
     * A DBA_OB_TENANTS row {@code t} in the shape, for an orphaned tenant: its id, name, status and last
     * modification in TENANT_ID, RESTORE_TENANT_NAME, STATUS and START_TIMESTAMP, and its newest finished restore
     * job in JOB_ID; everything else NULL.
     */
    static final String ORPHAN_COLUMNS = "'" + ORPHAN + "' AS SOURCE, " + """
            t.TENANT_ID AS TENANT_ID,
            (SELECT h.JOB_ID FROM oceanbase.CDB_OB_RESTORE_HISTORY h
              WHERE h.RESTORE_TENANT_NAME = t.TENANT_NAME AND h.TENANT_ID = 1
              ORDER BY h.START_TIMESTAMP DESC, h.JOB_ID DESC LIMIT 1) AS JOB_ID,
            t.TENANT_NAME AS RESTORE_TENANT_NAME, NULL AS RESTORE_TENANT_ID,
            NULL AS BACKUP_TENANT_NAME, NULL AS BACKUP_TENANT_ID, NULL AS BACKUP_CLUSTER_NAME, NULL AS RESTORE_OPTION,
            NULL AS RESTORE_SCN, NULL AS RESTORE_SCN_DISPLAY, t.STATUS AS STATUS, t.MODIFY_TIME AS START_TIMESTAMP,
            NULL AS BACKUP_SET_LIST, NULL AS BACKUP_PIECE_LIST, NULL AS TABLET_COUNT, NULL AS FINISH_TABLET_COUNT,
            NULL AS TOTAL_BYTES, NULL AS TOTAL_BYTES_DISPLAY, NULL AS FINISH_BYTES, NULL AS FINISH_BYTES_DISPLAY,
            NULL AS DESCRIPTION,
            NULL AS RECOVER_SCN, NULL AS RECOVER_SCN_DISPLAY, NULL AS RECOVER_PROGRESS, NULL AS RESTORE_PROGRESS,
            NULL AS BACKUP_CLUSTER_VERSION, NULL AS LS_COUNT, NULL AS FINISH_LS_COUNT,
            NULL AS `COMMENT`, NULL AS FINISH_TIMESTAMP
            """;

    private RestoreRowShape() {
    }

    /** {@link #PROGRESS}, {@link #HISTORY}, {@link #ORPHAN}, or null (a tenant row joined to no job). */
    static String source(Row row) {
        return row.getString("SOURCE");
    }

    /** A job row as obshell's 32-key payload: NULL becomes Go's zero value, backup lists are redacted. */
    static RestoreOverview overview(Row row, ZoneId zone) {
        return new RestoreOverview(
                number(row, "TENANT_ID"),
                number(row, "JOB_ID"),
                text(row, "RESTORE_TENANT_NAME"),
                number(row, "RESTORE_TENANT_ID"),
                text(row, "BACKUP_TENANT_NAME"),
                number(row, "BACKUP_TENANT_ID"),
                text(row, "BACKUP_CLUSTER_NAME"),
                text(row, "RESTORE_OPTION"),
                number(row, "RESTORE_SCN"),
                Rfc3339.format(row.getLocalDateTime("RESTORE_SCN_DISPLAY"), zone),
                text(row, "STATUS"),
                Rfc3339.format(row.getLocalDateTime("START_TIMESTAMP"), zone),
                BackupUriRedactor.redactList(row.getString("BACKUP_SET_LIST")),
                BackupUriRedactor.redactList(row.getString("BACKUP_PIECE_LIST")),
                "",
                "",
                number(row, "TABLET_COUNT"),
                number(row, "FINISH_TABLET_COUNT"),
                number(row, "TOTAL_BYTES"),
                text(row, "TOTAL_BYTES_DISPLAY"),
                number(row, "FINISH_BYTES"),
                text(row, "FINISH_BYTES_DISPLAY"),
                text(row, "DESCRIPTION"),
                number(row, "RECOVER_SCN"),
                Rfc3339.format(row.getLocalDateTime("RECOVER_SCN_DISPLAY"), zone),
                percent(row, "RECOVER_PROGRESS"),
                percent(row, "RESTORE_PROGRESS"),
                number(row, "BACKUP_CLUSTER_VERSION"),
                number(row, "LS_COUNT"),
                number(row, "FINISH_LS_COUNT"),
                text(row, "COMMENT"),
                Rfc3339.format(row.getLocalDateTime("FINISH_TIMESTAMP"), zone));
    }

    /** An {@link #ORPHAN} row (see {@link #ORPHAN_COLUMNS}). */
    static OrphanedTenant orphan(Row row, ZoneId zone) {
        return new OrphanedTenant(
                number(row, "TENANT_ID"),
                text(row, "RESTORE_TENANT_NAME"),
                text(row, "STATUS"),
                Rfc3339.format(row.getLocalDateTime("START_TIMESTAMP"), zone),
                number(row, "JOB_ID"));
    }

    // NULL becomes Go's zero value, as obshell's scan does.
    private static long number(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0L : value;
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }

    /** DECIMAL(6,2) as obshell sends it: a string keeping the scale ({@code "41.60"}). */
    private static String percent(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? "" : value.toPlainString();
    }
}
