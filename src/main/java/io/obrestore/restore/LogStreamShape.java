package io.obrestore.restore;

import java.util.List;
import java.util.StringJoiner;

/**
 * The log-stream columns of the restore statements, as SELECT lists over a row {@code l} of
 * {@code __all_virtual_ls_restore_progress} or {@code __all_virtual_ls_restore_history} (the sys tenant's views of
 * the meta tenants' {@code __all_ls_restore_progress} (401) and {@code __all_ls_restore_history} (402)), and the
 * mapping back to {@link LogStream}s. The names carry an {@code LS_} prefix where they would clash with a job's.
 */
final class LogStreamShape {

    /** Where a row came from ({@code LS_TABLE}). */
    static final String PROGRESS = "PROGRESS";
    static final String HISTORY = "HISTORY";

    /** Column alias, then the base table's column ({@code null}: the history table has none; STATUS 0 there). */
    private record Column(String alias, String column) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("LS_TENANT_ID", "tenant_id"), new Column("LS_JOB_ID", "job_id"),
            new Column("LS_ID", "ls_id"), new Column("SVR_IP", "svr_ip"), new Column("SVR_PORT", "svr_port"),
            new Column("LS_STATUS", "status"), new Column("LS_RESTORE_SCN", "restore_scn"),
            new Column("START_REPLAY_SCN", "start_replay_scn"), new Column("LAST_REPLAY_SCN", "last_replay_scn"),
            new Column("LS_TABLET_COUNT", "tablet_count"), new Column("LS_FINISH_TABLET_COUNT", "finish_tablet_count"),
            new Column("LS_TOTAL_BYTES", "total_bytes"), new Column("LS_FINISH_BYTES", "finish_bytes"),
            new Column("LS_TRACE_ID", "trace_id"), new Column("LS_RESULT", "result"),
            new Column("LS_COMMENT", "comment"), new Column("LS_MODIFIED", "gmt_modified"));

    private LogStreamShape() {
    }

    /** The columns of a progress row {@code l}. */
    static String progressColumns() {
        return columns(PROGRESS, false);
    }

    /** The columns of a history row {@code l}: no STATUS there, a finished replica's (NONE, 0) instead. */
    static String historyColumns() {
        return columns(HISTORY, true);
    }

    /** The columns as NULLs, for a row that is no log stream. */
    static String nullColumns() {
        StringJoiner list = new StringJoiner(", ", "NULL AS LS_TABLE, ", "");
        COLUMNS.forEach(column -> list.add("NULL AS " + column.alias()));
        return list.toString();
    }

    private static String columns(String table, boolean history) {
        StringJoiner list = new StringJoiner(", ", "'" + table + "' AS LS_TABLE, ", "");
        for (Column column : COLUMNS) {
            boolean noStatus = history && column.column().equals("status");
            list.add((noStatus ? "0" : "l.`" + column.column() + "`") + " AS " + column.alias());
        }
        return list.toString();
    }

    /** Whether the row is a log stream (its LS_TABLE is set). */
    static boolean isLogStream(io.vertx.sqlclient.Row row) {
        return row.getValue("LS_TABLE") != null;
    }

    /** The job a log-stream row belongs to. */
    static long jobId(RowReader row) {
        return row.number("LS_JOB_ID");
    }

    /** A log-stream row as a {@link LogStream}. */
    static LogStream logStream(RowReader row) {
        long status = row.number("LS_STATUS");
        long result = row.number("LS_RESULT");
        String ip = row.text("SVR_IP");
        long port = row.number("SVR_PORT");
        long startReplay = row.scn("START_REPLAY_SCN");
        long lastReplay = row.scn("LAST_REPLAY_SCN");
        return new LogStream(
                row.number("LS_ID"),
                ip + ":" + port,
                ip,
                port,
                LogStreamStatus.name(status),
                status,
                status == LogStreamStatus.NONE,
                LogStreamStatus.failed(status),
                row.number("LS_TABLET_COUNT"),
                row.number("LS_FINISH_TABLET_COUNT"),
                row.number("LS_TOTAL_BYTES"),
                row.number("LS_FINISH_BYTES"),
                row.scn("LS_RESTORE_SCN"),
                // 0 is "never set" (nothing in the sources read updates them): no value rather than a false one.
                startReplay == 0 ? null : startReplay,
                lastReplay == 0 ? null : lastReplay,
                result,
                OceanBaseErrors.name(result),
                row.text("LS_COMMENT"),
                row.text("LS_TRACE_ID"),
                row.time("LS_MODIFIED"));
    }
}
