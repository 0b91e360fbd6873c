package io.obrestore.restore;

import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The one row shape of every restore query, as SELECT lists built for the columns a cluster's views have
 * ({@link ViewColumns}) and as the mapping back to domain values: the repository's statements are built from these
 * lists and its rows are read only here.
 *
 * <p>{@code SOURCE} says what a row is: a job of CDB_OB_RESTORE_PROGRESS (running), a job of
 * CDB_OB_RESTORE_HISTORY (finished), or a tenant of DBA_OB_TENANTS left in RESTORE status without a running job
 * (orphaned). The view a job row came from decides whether it runs, never its STATUS (as obshell).
 *
 * <p>A running job is two rows of CDB_OB_RESTORE_PROGRESS with one JOB_ID (docs/restore-views.md, "The two job
 * rows"): the sys tenant's ({@code p}, TENANT_ID 1, the one obshell reads) and the restored tenant's ({@code u}).
 * OceanBase writes the progress figures under the restored tenant only, so they are read from {@code u} whenever it
 * exists, and from {@code p} otherwise. A column the cluster's view lacks is selected as NULL, read as the zero
 * value, as obshell's {@code SELECT *} leaves a field it finds no column for.
 */
final class RestoreRowShape {

    static final String PROGRESS = "PROGRESS";
    static final String HISTORY = "HISTORY";
    static final String ORPHAN = "ORPHAN";
    static final String LOG_STREAM = "LS";

    /** Where a column of the shape comes from. */
    private enum Part {
        /** The job itself: the sys row of a running job, the history row of a finished one. */
        JOB,
        /** Progress figures: the restored tenant's row of a running job, the history row of a finished one. */
        FIGURE,
        /** Progress figures only running jobs have (CDB_OB_RESTORE_PROGRESS). */
        RUNNING,
        /** What only finished jobs have (CDB_OB_RESTORE_HISTORY). */
        FINISHED
    }

    private record Column(String name, Part part) {
    }

    /** The shape's columns, in order. BACKUP_DEST is never selected: it holds access keys. */
    private static final List<Column> COLUMNS = List.of(
            new Column("TENANT_ID", Part.JOB), new Column("JOB_ID", Part.JOB),
            new Column("RESTORE_TENANT_NAME", Part.JOB), new Column("RESTORE_TENANT_ID", Part.JOB),
            new Column("BACKUP_TENANT_NAME", Part.JOB), new Column("BACKUP_TENANT_ID", Part.JOB),
            new Column("BACKUP_CLUSTER_NAME", Part.JOB), new Column("RESTORE_OPTION", Part.JOB),
            new Column("RESTORE_SCN", Part.JOB), new Column("RESTORE_SCN_DISPLAY", Part.JOB),
            new Column("STATUS", Part.JOB), new Column("START_TIMESTAMP", Part.JOB),
            new Column("BACKUP_SET_LIST", Part.JOB), new Column("BACKUP_PIECE_LIST", Part.JOB),
            new Column("TABLET_COUNT", Part.FIGURE), new Column("FINISH_TABLET_COUNT", Part.FIGURE),
            new Column("TOTAL_BYTES", Part.FIGURE), new Column("TOTAL_BYTES_DISPLAY", Part.FIGURE),
            new Column("FINISH_BYTES", Part.FIGURE), new Column("FINISH_BYTES_DISPLAY", Part.FIGURE),
            new Column("DESCRIPTION", Part.JOB),
            new Column("RECOVER_SCN", Part.RUNNING), new Column("RECOVER_SCN_DISPLAY", Part.RUNNING),
            new Column("RECOVER_PROGRESS", Part.RUNNING), new Column("RESTORE_PROGRESS", Part.RUNNING),
            new Column("BACKUP_CLUSTER_VERSION", Part.FINISHED), new Column("LS_COUNT", Part.FINISHED),
            new Column("FINISH_LS_COUNT", Part.FINISHED), new Column("COMMENT", Part.FINISHED),
            new Column("FINISH_TIMESTAMP", Part.FINISHED));

    private RestoreRowShape() {
    }

    /**
     * A running job in the shape, from the sys row {@code p} and the restored tenant's row {@code u} of
     * CDB_OB_RESTORE_PROGRESS (see the class comment), for a view with {@code columns}.
     */
    static String progressColumns(Set<String> columns) {
        StringJoiner list = new StringJoiner(",\n", "'" + PROGRESS + "' AS SOURCE,\n", "");
        for (Column column : COLUMNS) {
            String name = quoted(column.name());
            boolean present = columns.contains(column.name());
            list.add(switch (column.part()) {
                case JOB -> present ? "p." + name + " AS " + name : "NULL AS " + name;
                case FIGURE, RUNNING -> present
                        ? "CASE WHEN u.JOB_ID IS NULL THEN p." + name + " ELSE u." + name + " END AS " + name
                        : "NULL AS " + name;
                case FINISHED -> "NULL AS " + name;
            });
        }
        return list.toString();
    }

    /** A finished job in the shape, from the row {@code h} of CDB_OB_RESTORE_HISTORY, for a view with {@code columns}. */
    static String historyColumns(Set<String> columns) {
        StringJoiner list = new StringJoiner(",\n", "'" + HISTORY + "' AS SOURCE,\n", "");
        for (Column column : COLUMNS) {
            String name = quoted(column.name());
            boolean present = column.part() != Part.RUNNING && columns.contains(column.name());
            list.add(present ? "h." + name + " AS " + name : "NULL AS " + name);
        }
        return list.toString();
    }

    /**
     * A DBA_OB_TENANTS row {@code t} in the shape, for an orphaned tenant: its id, name, status and last
     * modification in TENANT_ID, RESTORE_TENANT_NAME, STATUS and START_TIMESTAMP, and its newest finished restore
     * job (sys row) in JOB_ID; everything else NULL.
     */
    static String orphanColumns() {
        StringJoiner list = new StringJoiner(",\n", "'" + ORPHAN + "' AS SOURCE,\n", "");
        for (Column column : COLUMNS) {
            String name = quoted(column.name());
            list.add(switch (column.name()) {
                case "TENANT_ID" -> "t.TENANT_ID AS " + name;
                case "JOB_ID" -> """
                        (SELECT h.JOB_ID FROM oceanbase.CDB_OB_RESTORE_HISTORY h
                          WHERE h.RESTORE_TENANT_NAME = t.TENANT_NAME AND h.TENANT_ID = 1
                          ORDER BY h.START_TIMESTAMP DESC, h.JOB_ID DESC LIMIT 1) AS\s""" + name;
                case "RESTORE_TENANT_NAME" -> "t.TENANT_NAME AS " + name;
                case "STATUS" -> "t.STATUS AS " + name;
                case "START_TIMESTAMP" -> "t.MODIFY_TIME AS " + name;
                default -> "NULL AS " + name;
            });
        }
        return list.toString();
    }

    /**
     * A log-stream row {@code l} in the shape ({@link #LOG_STREAM}): its job id in JOB_ID (the poll's order), every
     * other job column NULL; the stream itself is in the {@link LogStreamShape} columns that follow.
     */
    static String logStreamColumns() {
        StringJoiner list = new StringJoiner(",\n", "'" + LOG_STREAM + "' AS SOURCE,\n", "");
        for (Column column : COLUMNS) {
            String name = quoted(column.name());
            list.add(column.name().equals("JOB_ID") ? "l.job_id AS " + name : "NULL AS " + name);
        }
        return list.toString();
    }

    /**
     * {@link #PROGRESS}, {@link #HISTORY}, {@link #ORPHAN}, {@link #LOG_STREAM}, or null (a tenant row joined to no
     * job).
     */
    static String source(io.vertx.sqlclient.Row row) {
        return row.getString("SOURCE");
    }

    /** A job row as obshell's 32-key payload: NULL becomes Go's zero value, backup lists are redacted. */
    static RestoreOverview overview(RowReader row) {
        return new RestoreOverview(
                row.number("TENANT_ID"),
                row.number("JOB_ID"),
                row.text("RESTORE_TENANT_NAME"),
                row.number("RESTORE_TENANT_ID"),
                row.text("BACKUP_TENANT_NAME"),
                row.number("BACKUP_TENANT_ID"),
                row.text("BACKUP_CLUSTER_NAME"),
                row.text("RESTORE_OPTION"),
                row.scn("RESTORE_SCN"),
                row.time("RESTORE_SCN_DISPLAY"),
                row.text("STATUS"),
                row.time("START_TIMESTAMP"),
                row.redactedList("BACKUP_SET_LIST"),
                row.redactedList("BACKUP_PIECE_LIST"),
                "",
                "",
                row.number("TABLET_COUNT"),
                row.number("FINISH_TABLET_COUNT"),
                row.number("TOTAL_BYTES"),
                row.text("TOTAL_BYTES_DISPLAY"),
                row.number("FINISH_BYTES"),
                row.text("FINISH_BYTES_DISPLAY"),
                row.text("DESCRIPTION"),
                row.scn("RECOVER_SCN"),
                row.time("RECOVER_SCN_DISPLAY"),
                row.decimal("RECOVER_PROGRESS"),
                row.decimal("RESTORE_PROGRESS"),
                row.number("BACKUP_CLUSTER_VERSION"),
                row.number("LS_COUNT"),
                row.number("FINISH_LS_COUNT"),
                row.text("COMMENT"),
                row.time("FINISH_TIMESTAMP"));
    }

    /** An {@link #ORPHAN} row (see {@link #orphanColumns()}). */
    static OrphanedTenant orphan(RowReader row) {
        return new OrphanedTenant(
                row.number("TENANT_ID"),
                row.text("RESTORE_TENANT_NAME"),
                row.text("STATUS"),
                row.time("START_TIMESTAMP"),
                row.number("JOB_ID"));
    }

    /** Backquoted: COMMENT is a keyword. */
    private static String quoted(String name) {
        return "`" + name + "`";
    }
}
