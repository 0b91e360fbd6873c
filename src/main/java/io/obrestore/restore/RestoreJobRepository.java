package io.obrestore.restore;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The only holder of SQL. Reads the OceanBase restore views through the reactive MySQL pool.
 *
 * <p>BACKUP_DEST is never selected: it holds cloud access keys and no response needs it.
 */
@ApplicationScoped
public class RestoreJobRepository {

    /** Marks which view a job row came from ({@code SOURCE} column). */
    static final String FROM_PROGRESS = "PROGRESS";
    static final String FROM_HISTORY = "HISTORY";

    /** The columns both views share, in the order of the repository's one row shape. */
    private static final String JOB_COLUMNS = """
            TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID,
            BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, RESTORE_OPTION,
            RESTORE_SCN, RESTORE_SCN_DISPLAY, STATUS, START_TIMESTAMP,
            BACKUP_SET_LIST, BACKUP_PIECE_LIST, TABLET_COUNT, FINISH_TABLET_COUNT,
            TOTAL_BYTES, TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION""";

    /** A CDB_OB_RESTORE_PROGRESS row in that shape: NULL in place of the history-only columns. */
    private static final String PROGRESS_COLUMNS = "'PROGRESS' AS SOURCE, " + JOB_COLUMNS + """
            ,
            RECOVER_SCN, RECOVER_SCN_DISPLAY, RECOVER_PROGRESS, RESTORE_PROGRESS,
            NULL AS BACKUP_CLUSTER_VERSION, NULL AS LS_COUNT, NULL AS FINISH_LS_COUNT,
            NULL AS `COMMENT`, NULL AS FINISH_TIMESTAMP
            """;

    /** A CDB_OB_RESTORE_HISTORY row in that shape: NULL in place of the progress-only columns. */
    private static final String HISTORY_COLUMNS = "'HISTORY' AS SOURCE, " + JOB_COLUMNS + """
            ,
            NULL AS RECOVER_SCN, NULL AS RECOVER_SCN_DISPLAY, NULL AS RECOVER_PROGRESS, NULL AS RESTORE_PROGRESS,
            BACKUP_CLUSTER_VERSION, LS_COUNT, FINISH_LS_COUNT, `COMMENT`, FINISH_TIMESTAMP
            """;

    /**
     * obshell's three look-ups (tenant, running job, newest finished job) in one statement, so an overview costs
     * one round trip instead of obshell's three or four.
     *
     * <p>Rows: none when the tenant does not exist (or is a META tenant); one row with a NULL {@code SOURCE} when
     * it exists but has no restore job; otherwise up to one {@code PROGRESS} and one {@code HISTORY} row.
     * <ul>
     *   <li>Jobs join on the tenant's stored name, as obshell passes {@code tenant.TenantName} on.</li>
     *   <li>Running job: the sys tenant's job row only ({@code TENANT_ID = 1}), as obshell; the tenant-side copy
     *       has other progress numbers. Newest job id first, so the choice is deterministic.</li>
     *   <li>Finished job: obshell's {@code ORDER BY START_TIMESTAMP DESC}; ties broken by {@code TENANT_ID ASC}
     *       (prefer the sys job row over a tenant-side copy) then {@code JOB_ID DESC} (newest job).</li>
     * </ul>
     */
    static final String OVERVIEW_SQL = """
            SELECT t.TENANT_NAME AS FOUND_TENANT_NAME, j.*
              FROM (SELECT TENANT_NAME
                      FROM oceanbase.DBA_OB_TENANTS
                     WHERE TENANT_NAME = ? AND TENANT_TYPE != 'META'
                     LIMIT 1) t
              LEFT JOIN (
                    (SELECT %s
                       FROM oceanbase.CDB_OB_RESTORE_PROGRESS
                      WHERE RESTORE_TENANT_NAME = ? AND TENANT_ID = 1
                      ORDER BY JOB_ID DESC
                      LIMIT 1)
                    UNION ALL
                    (SELECT %s
                       FROM oceanbase.CDB_OB_RESTORE_HISTORY
                      WHERE RESTORE_TENANT_NAME = ?
                      ORDER BY START_TIMESTAMP DESC, TENANT_ID ASC, JOB_ID DESC
                      LIMIT 1)
                  ) j ON j.RESTORE_TENANT_NAME = t.TENANT_NAME
            """.formatted(PROGRESS_COLUMNS, HISTORY_COLUMNS);

    /**
     * Every running job (sys job rows, {@code TENANT_ID = 1}), newest job first: what the shared poller of the live
     * watch and the restore gauges reads, one statement for all tenants.
     */
    static final String RUNNING_SQL = """
            SELECT %s
              FROM oceanbase.CDB_OB_RESTORE_PROGRESS
             WHERE TENANT_ID = 1
             ORDER BY JOB_ID DESC
            """.formatted(PROGRESS_COLUMNS);

    /**
     * obshell's task list ({@code GET /api/v1/restore/tasks}): running then finished sys job rows
     * ({@code TENANT_ID = 1} in both, as obshell's list queries), each filter applying to both views when set.
     * Parameters per view: start, start, end, end, statuses, statuses ({@code NULL}/empty = no filter);
     * statuses are a comma list matched with FIND_IN_SET so one prepared statement serves any number of them.
     */
    static final String TASKS_SQL = """
            (SELECT %s
               FROM oceanbase.CDB_OB_RESTORE_PROGRESS
              WHERE TENANT_ID = 1
                AND (? IS NULL OR START_TIMESTAMP >= ?) AND (? IS NULL OR START_TIMESTAMP <= ?)
                AND (? = '' OR FIND_IN_SET(STATUS, ?) > 0))
            UNION ALL
            (SELECT %s
               FROM oceanbase.CDB_OB_RESTORE_HISTORY
              WHERE TENANT_ID = 1
                AND (? IS NULL OR START_TIMESTAMP >= ?) AND (? IS NULL OR START_TIMESTAMP <= ?)
                AND (? = '' OR FIND_IN_SET(STATUS, ?) > 0))
            ORDER BY SOURCE DESC, START_TIMESTAMP DESC, JOB_ID DESC
            """.formatted(PROGRESS_COLUMNS, HISTORY_COLUMNS);

    /** Zero rows, but fails unless all three views exist and are readable: proves the grants. */
    static final String PROBE_SQL = """
            SELECT 1 FROM oceanbase.DBA_OB_TENANTS WHERE 1 = 0
            UNION ALL SELECT 1 FROM oceanbase.CDB_OB_RESTORE_PROGRESS WHERE 1 = 0
            UNION ALL SELECT 1 FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE 1 = 0
            """;

    private final Pool pool;

    public RestoreJobRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The overview rows for {@code tenantName} (see {@link #OVERVIEW_SQL}), handed to {@code collector} one by one
     * as the client decodes them: no row set is built, and no reactive operator runs per row.
     */
    public <R> Uni<R> overviewRows(String tenantName, Collector<Row, ?, R> collector) {
        // The name is only ever a bound parameter, never SQL text.
        return value(pool.getDelegate().preparedQuery(OVERVIEW_SQL).collecting(collector)
                .execute(Tuple.of(tenantName, tenantName, tenantName)));
    }

    /** The sys rows of all running jobs, newest job first (see {@link #RUNNING_SQL}), into {@code collector}. */
    public <R> Uni<R> runningJobs(Collector<Row, ?, R> collector) {
        return value(pool.getDelegate().preparedQuery(RUNNING_SQL).collecting(collector).execute());
    }

    /**
     * The task-list rows, running jobs first, into {@code collector}; {@code from}/{@code to} bound START_TIMESTAMP
     * (inclusive, either may be null) and {@code statuses} is a comma list of exact STATUS values (empty = any).
     */
    public <R> Uni<R> taskRows(LocalDateTime from, LocalDateTime to, String statuses, Collector<Row, ?, R> collector) {
        Tuple filters = Tuple.tuple();
        for (int view = 0; view < 2; view++) {
            filters.addValue(from).addValue(from).addValue(to).addValue(to).addValue(statuses).addValue(statuses);
        }
        return value(pool.getDelegate().preparedQuery(TASKS_SQL).collecting(collector).execute(filters));
    }

    /**
     * A collector of rows into {@code container}: the client feeds it from one connection, in order, so partial
     * results are never combined.
     */
    public static <A> Collector<Row, A, A> rowsInto(Supplier<A> container, BiConsumer<A, Row> add) {
        return Collector.of(container, add, (left, right) -> {
            throw new UnsupportedOperationException("rows are collected sequentially");
        });
    }

    // Collectors are only on the core client's API (the Mutiny wrapper leaves collecting() out).
    private static <R> Uni<R> value(Future<SqlResult<R>> result) {
        return UniHelper.toUni(result.map(SqlResult::value));
    }

    /**
     * Opens a connection and prepares the overview statement on it, so the first request after start-up pays
     * neither the connection set-up nor the PREPARE. The empty name matches no tenant.
     */
    public Uni<Void> warmUp() {
        return overviewRows("", Collectors.counting()).replaceWithVoid();
    }

    /** One cheap statement on the three views; fails when the database is unreachable or the grants are missing. */
    public Uni<Void> probe() {
        return pool.query(PROBE_SQL).execute().replaceWithVoid();
    }
}
