package io.obrestore.restore;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.StartupOrder;
import io.obrestore.db.ClusterZone;
import io.obrestore.db.DatabaseFailures;
import io.obrestore.db.FailureCause;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The only holder of restore SQL. Reads the OceanBase restore views through the reactive MySQL pool and returns
 * domain values: rows go from the MySQL decoder straight into them (no row set, no reactive operator per row), and
 * no caller sees a row. Statements are built for the columns the cluster's views have ({@link RestoreViews}). Every
 * call is bounded by {@code obrestore.query-timeout} and its failures are classified ({@link DatabaseFailures#guard}).
 */
@ApplicationScoped
public class RestoreJobRepository {

    /** Zero rows whose column names tell which columns this cluster's views have ({@link ViewColumns}). */
    static final String PROGRESS_COLUMNS_SQL = "SELECT * FROM oceanbase.CDB_OB_RESTORE_PROGRESS WHERE 1 = 0";
    static final String HISTORY_COLUMNS_SQL = "SELECT * FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE 1 = 0";

    /** OceanBase's version: {@code 5.7.25-OceanBase_CE-v4.3.5.1} and {@code OceanBase_CE 4.3.5.1 (r...)}. */
    static final String VERSION_SQL = "SELECT @@version AS VERSION, @@version_comment AS VERSION_COMMENT";

    /**
     * A running job: the sys tenant's row {@code p} with the restored tenant's row {@code u} of the same job, which
     * holds the progress figures (docs/restore-views.md, "The two job rows"; {@link RestoreRowShape}).
     */
    private static final String RUNNING_JOBS = """
            oceanbase.CDB_OB_RESTORE_PROGRESS p
                     LEFT JOIN oceanbase.CDB_OB_RESTORE_PROGRESS u ON u.JOB_ID = p.JOB_ID AND u.TENANT_ID <> 1""";

    /**
     * obshell's three look-ups (tenant, running job, newest finished job) in one statement, so an overview costs
     * one round trip instead of obshell's three or four. {@code %1$s}/{@code %2$s}: the running and finished job
     * columns ({@link RestoreRowShape}).
     *
     * <p>Rows: none when the tenant does not exist (or is a META tenant); one row with a NULL {@code SOURCE} when
     * it exists but has no restore job; otherwise up to one {@code PROGRESS} and one {@code HISTORY} row.
     * <ul>
     *   <li>Jobs join on the tenant's stored name, as obshell passes {@code tenant.TenantName} on.</li>
     *   <li>Running job: the sys tenant's job row ({@code TENANT_ID = 1}), as obshell, with the restored tenant's
     *       progress figures. Newest job id first, so the choice is deterministic.</li>
     *   <li>Finished job: obshell's {@code ORDER BY START_TIMESTAMP DESC}; ties broken by {@code TENANT_ID ASC}
     *       (the sys row over the restored tenant's copy of the same job, which OceanBase writes with the same
     *       start) then {@code JOB_ID DESC} (newest job).</li>
     * </ul>
     */
    private static final String OVERVIEW_SQL = """
            SELECT t.TENANT_NAME AS FOUND_TENANT_NAME, j.*
              FROM (SELECT TENANT_NAME
                      FROM oceanbase.DBA_OB_TENANTS
                     WHERE TENANT_NAME = ? AND TENANT_TYPE != 'META'
                     LIMIT 1) t
              LEFT JOIN (
                    (SELECT %1$s
                       FROM %3$s
                      WHERE p.RESTORE_TENANT_NAME = ? AND p.TENANT_ID = 1
                      ORDER BY p.JOB_ID DESC
                      LIMIT 1)
                    UNION ALL
                    (SELECT %2$s
                       FROM oceanbase.CDB_OB_RESTORE_HISTORY h
                      WHERE h.RESTORE_TENANT_NAME = ?
                      ORDER BY h.START_TIMESTAMP DESC, h.TENANT_ID ASC, h.JOB_ID DESC
                      LIMIT 1)
                  ) j ON j.RESTORE_TENANT_NAME = t.TENANT_NAME
            """;

    /**
     * What the running-restores feed reads on every poll, for all tenants in one statement:
     * <ul>
     *   <li>every running job (sys job rows, {@code TENANT_ID = 1}, with their progress figures), newest job
     *       first;</li>
     *   <li>the finished rows of the job ids given as a comma list (the jobs that were running at the previous
     *       poll): a job moves from PROGRESS to HISTORY with its id, so the statement that no longer sees it run
     *       also sees how it ended, and nobody has to ask again;</li>
     *   <li>tenants in {@code RESTORE} status that no running job restores: orphans of failed or cancelled
     *       restores.</li>
     * </ul>
     */
    private static final String RUNNING_SQL = """
            (SELECT %1$s
               FROM %4$s
              WHERE p.TENANT_ID = 1)
            UNION ALL
            (SELECT %2$s
               FROM oceanbase.CDB_OB_RESTORE_HISTORY h
              WHERE h.TENANT_ID = 1 AND ? <> '' AND FIND_IN_SET(h.JOB_ID, ?) > 0)
            UNION ALL
            (SELECT %3$s
               FROM oceanbase.DBA_OB_TENANTS t
              WHERE t.STATUS = 'RESTORE' AND t.TENANT_TYPE = 'USER'
                AND NOT EXISTS (SELECT 1 FROM oceanbase.CDB_OB_RESTORE_PROGRESS r
                                 WHERE r.TENANT_ID = 1 AND r.RESTORE_TENANT_NAME = t.TENANT_NAME))%5$s
            ORDER BY JOB_ID DESC
            """;

    /**
     * The running-restores statement's fourth part where the log streams' tables can be read: every replica of every
     * log stream of the running jobs (under the restored tenant, with the job's id), and the failed replicas of the
     * jobs asked about (a failed job's rows stay in the progress table; a successful job's leave it at once), so the
     * poll that sees a job end as FAIL also sees which stream failed, where and why. {@code %1$s}: the job columns of
     * a log-stream row, {@code %2$s}: the stream's columns.
     */
    private static final String RUNNING_LOG_STREAMS = """

            UNION ALL
            (SELECT %1$s,
                    %2$s
               FROM oceanbase.__all_virtual_ls_restore_progress l
              WHERE l.tenant_id <> 1
                AND (l.job_id IN (SELECT r.JOB_ID FROM oceanbase.CDB_OB_RESTORE_PROGRESS r WHERE r.TENANT_ID = 1)
                     OR (? <> '' AND FIND_IN_SET(l.job_id, ?) > 0 AND l.status IN (13, 105))))""";

    /**
     * The log streams of a tenant's restore ({@code GET .../restore/log-streams}), in one statement: the tenant check
     * and job choice of the overview ({@link #OVERVIEW_SQL}: the running sys job row, else the newest finished one)
     * with the job's own failure reason, then every replica of every log stream of that job from whichever table
     * OceanBase keeps them in (the progress table while it runs and after a failure, the history table after a
     * success). Parameters: the name three times.
     *
     * <p>Rows: none when the tenant does not exist; one job row ({@code LS_TABLE} NULL), with a NULL
     * {@code JOB_SOURCE} when the tenant has no restore; then one row per replica. The job's own {@code comment}
     * key, which the root service writes for a failure outside the log streams, is only in the key/value job table
     * (CDB_OB_RESTORE_PROGRESS has no COMMENT).
     */
    static final String LOG_STREAMS_SQL = """
            WITH j AS (
              SELECT t.TENANT_NAME AS FOUND_TENANT_NAME, jobs.*
                FROM (SELECT TENANT_NAME
                        FROM oceanbase.DBA_OB_TENANTS
                       WHERE TENANT_NAME = ? AND TENANT_TYPE != 'META'
                       LIMIT 1) t
                LEFT JOIN (SELECT * FROM (
                      (SELECT 'PROGRESS' AS JOB_SOURCE, p.RESTORE_TENANT_NAME AS JOB_TENANT_NAME, p.JOB_ID AS JOB_ID,
                              p.RESTORE_TENANT_ID AS JOB_TENANT_ID, p.STATUS AS JOB_STATUS,
                              (SELECT c.value FROM oceanbase.__all_virtual_restore_job c
                                WHERE c.tenant_id = 1 AND c.job_id = p.JOB_ID AND c.name = 'comment') AS JOB_COMMENT
                         FROM oceanbase.CDB_OB_RESTORE_PROGRESS p
                        WHERE p.RESTORE_TENANT_NAME = ? AND p.TENANT_ID = 1
                        ORDER BY p.JOB_ID DESC
                        LIMIT 1)
                      UNION ALL
                      (SELECT 'HISTORY', h.RESTORE_TENANT_NAME, h.JOB_ID, h.RESTORE_TENANT_ID, h.STATUS, h.`COMMENT`
                         FROM oceanbase.CDB_OB_RESTORE_HISTORY h
                        WHERE h.RESTORE_TENANT_NAME = ?
                        ORDER BY h.START_TIMESTAMP DESC, h.TENANT_ID ASC, h.JOB_ID DESC
                        LIMIT 1)) found
                      ORDER BY JOB_SOURCE DESC
                      LIMIT 1) jobs ON jobs.JOB_TENANT_NAME = t.TENANT_NAME)
            SELECT j.FOUND_TENANT_NAME, j.JOB_SOURCE, j.JOB_ID, j.JOB_TENANT_ID, j.JOB_STATUS, j.JOB_COMMENT,
                   %3$s
              FROM j
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, %1$s
              FROM j JOIN oceanbase.__all_virtual_ls_restore_progress l
                ON l.tenant_id = j.JOB_TENANT_ID AND l.job_id = j.JOB_ID
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, %2$s
              FROM j JOIN oceanbase.__all_virtual_ls_restore_history l
                ON l.tenant_id = j.JOB_TENANT_ID AND l.job_id = j.JOB_ID
            """.formatted(LogStreamShape.progressColumns(), LogStreamShape.historyColumns(),
            LogStreamShape.nullColumns());

    /** Zero rows, read once per cluster: whether the account may read the log streams' tables. */
    static final String LOG_STREAM_TABLES_SQL = """
            SELECT 1 FROM oceanbase.__all_virtual_ls_restore_progress l, oceanbase.__all_virtual_ls_restore_history h
             WHERE 1 = 0""";

    /**
     * The task list's filters on one view, whose rows are {@code %1$s}: start, start, end, end, statuses, statuses
     * ({@code NULL}/empty = none).
     */
    private static final String TASK_FILTERS = """
            %1$s.TENANT_ID = 1
                AND (? IS NULL OR %1$s.START_TIMESTAMP >= ?) AND (? IS NULL OR %1$s.START_TIMESTAMP <= ?)
                AND (? = '' OR FIND_IN_SET(%1$s.STATUS, ?) > 0)""";

    /**
     * One page of obshell's task list ({@code GET /api/v1/restore/tasks}): running then finished sys job rows
     * ({@code TENANT_ID = 1} in both, as obshell's list queries), each filter applying to both views when set;
     * statuses are a comma list matched with FIND_IN_SET so one prepared statement serves any number of them.
     * Parameters: the filters ({@link #TASK_FILTERS}) for the two counts, then for the running jobs and the rows
     * each view contributes at most (offset + size), the same for the finished jobs, then size and offset.
     * {@code %1$s}/{@code %2$s}: the job columns, {@code %3$s}/{@code %4$s}: the filters on {@code p} and {@code h},
     * {@code %5$s}: the running jobs.
     *
     * <p>The database counts and pages; only the page's rows travel. Each view contributes its newest offset + size
     * rows (a top-N sort, not a sort of every row) and the total comes from two counts, so a long history costs two
     * scans of it and nothing in the service. The page is left-joined to the total: a page past the end is one row
     * without a task, which still carries the total. (A window function over the wide rows made the database sort all
     * of them, far slower; see docs/performance.md.)
     */
    private static final String TASKS_SQL = """
            SELECT page.*, total.TASK_TOTAL
              FROM (SELECT (SELECT COUNT(*) FROM oceanbase.CDB_OB_RESTORE_PROGRESS p WHERE %3$s)
                         + (SELECT COUNT(*) FROM oceanbase.CDB_OB_RESTORE_HISTORY h WHERE %4$s) AS TASK_TOTAL) total
              LEFT JOIN (SELECT * FROM ((SELECT %1$s
                                           FROM %5$s WHERE %3$s
                                          ORDER BY p.START_TIMESTAMP DESC, p.JOB_ID DESC LIMIT ?)
                                        UNION ALL
                                        (SELECT %2$s
                                           FROM oceanbase.CDB_OB_RESTORE_HISTORY h WHERE %4$s
                                          ORDER BY h.START_TIMESTAMP DESC, h.JOB_ID DESC LIMIT ?)) tasks
                          ORDER BY SOURCE DESC, START_TIMESTAMP DESC, JOB_ID DESC LIMIT ? OFFSET ?) page ON TRUE
             ORDER BY page.SOURCE DESC, page.START_TIMESTAMP DESC, page.JOB_ID DESC
            """;

    /**
     * The restore statements for the columns of one cluster's views: built once per {@link ViewColumns}, so the
     * prepared-statement cache keeps one text of each.
     */
    record Statements(ViewColumns columns, String overview, String running, String tasks) {

        static Statements of(ViewColumns columns) {
            String progress = RestoreRowShape.progressColumns(columns.progress());
            String history = RestoreRowShape.historyColumns(columns.history());
            String orphans = RestoreRowShape.orphanColumns();
            // The running statement carries the log streams where the account can read them; its job rows then carry
            // the log-stream columns as NULLs, so every part of the UNION has the same columns.
            String running = columns.logStreams()
                    ? RUNNING_SQL.formatted(withNullStreams(progress), withNullStreams(history),
                            withNullStreams(orphans), RUNNING_JOBS, RUNNING_LOG_STREAMS.formatted(
                                    RestoreRowShape.logStreamColumns(), LogStreamShape.progressColumns()))
                    : RUNNING_SQL.formatted(progress, history, orphans, RUNNING_JOBS, "");
            return new Statements(columns,
                    OVERVIEW_SQL.formatted(progress, history, RUNNING_JOBS),
                    running,
                    TASKS_SQL.formatted(progress, history, TASK_FILTERS.formatted("p"), TASK_FILTERS.formatted("h"),
                            RUNNING_JOBS));
        }

        private static String withNullStreams(String columns) {
            return columns + ",\n" + LogStreamShape.nullColumns();
        }
    }

    /**
     * What the overview statement found for one tenant name.
     *
     * @param storedName the tenant's name as stored, null when no such (non-META) tenant exists
     * @param job its running job (sys row) if it has one, else its newest finished job, else null: obshell's choice,
     *     made here so that only the row answered with is turned into a payload (redaction and time formatting are
     *     the costly part of a row)
     */
    public record TenantJob(String storedName, RestoreOverview job) {
    }

    /**
     * One poll of the running restores.
     *
     * @param running every running job, one per tenant name (the newest job), newest job first
     * @param finished the finished rows of the job ids asked about
     * @param orphaned tenants left in RESTORE status with no running job
     * @param logStreams by job id: every replica of each running job's log streams, and the failed replicas of the
     *     jobs asked about, failed and slowest first
     * @param logStreamsRead whether the poll could read the log streams at all (false: the account cannot read their
     *     tables, and {@code logStreams} is empty for that reason)
     */
    public record PollRows(List<RestoreOverview> running, List<RestoreOverview> finished,
            List<OrphanedTenant> orphaned, Map<Long, List<LogStream>> logStreams, boolean logStreamsRead) {

        /** A poll without log streams (a cluster whose account cannot read their tables). */
        public PollRows(List<RestoreOverview> running, List<RestoreOverview> finished, List<OrphanedTenant> orphaned) {
            this(running, finished, orphaned, Map.of(), false);
        }

        /** The log streams polled for job {@code jobId}; empty when it has none (or none could be read). */
        public List<LogStream> logStreamsOf(long jobId) {
            return logStreams.getOrDefault(jobId, List.of());
        }
    }

    /**
     * What the log-stream statement found for one tenant name.
     *
     * @param storedName the tenant's name as stored, null when no such (non-META) tenant exists
     * @param streams the log streams of its running job, else of its newest finished one; null when it has no job
     */
    public record TenantLogStreams(String storedName, RestoreLogStreams streams) {
    }

    /**
     * One page of the task list.
     *
     * @param contents the tasks of the page
     * @param total the tasks matching the filters on all pages
     */
    public record TaskSlice(List<RestoreOverview> contents, long total) {
    }

    private final Pool pool;
    private final DatabaseFailures failures;
    private final ClusterZone zone;
    private final RestoreViews views;

    public RestoreJobRepository(Pool pool, DatabaseFailures failures, ClusterZone zone, RestoreViews views) {
        this.pool = pool;
        this.failures = failures;
        this.zone = zone;
        this.views = views;
    }

    /** Reads the views' columns at start, so the log says at once which OceanBase and which view shape it found. */
    void readViewsAtStart(@Observes @Priority(StartupOrder.RESTORE_VIEWS) StartupEvent event) {
        // A failure is logged by its cause (DatabaseFailures); the next statement reads the columns again.
        failures.guard(statements()).subscribe().with(ignored -> { }, ignored -> { });
    }

    /** The tenant's stored name and the job its overview shows (see {@link #OVERVIEW_SQL}). */
    public Uni<TenantJob> tenantJob(String name) {
        // The name is only ever a bound parameter, never SQL text.
        return failures.guard(withStatements(sql -> run(pool.getDelegate().preparedQuery(sql.overview())
                .collecting(rowsInto(TenantJobBuilder::new, TenantJobBuilder::add))
                .execute(Tuple.of(name, name, name))
                .map(SqlResult::value))))
                .map(TenantJobBuilder::build);
    }

    /**
     * Every running job, the finished rows of {@code finishedJobIds} and the orphaned tenants, in one statement
     * (see {@link #RUNNING_SQL}).
     */
    public Uni<PollRows> runningJobs(Collection<Long> finishedJobIds) {
        String ids = finishedJobIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return failures.guard(withStatements(sql -> run(pool.getDelegate().preparedQuery(sql.running())
                .collecting(rowsInto(() -> new PollRowsBuilder(sql.columns().logStreams()), PollRowsBuilder::add))
                .execute(sql.columns().logStreams() ? Tuple.of(ids, ids, ids, ids) : Tuple.of(ids, ids))
                .map(SqlResult::value))))
                .map(PollRowsBuilder::build);
    }

    /**
     * The log streams of tenant {@code name}'s running restore, else of its newest finished one (see
     * {@link #LOG_STREAMS_SQL}). A cluster whose account cannot read the log streams' tables fails with
     * {@link ErrorCode#LOG_STREAMS_UNAVAILABLE}, saying why; nothing else depends on them.
     */
    public Uni<TenantLogStreams> logStreams(String name) {
        // One fixed statement, whatever the views' shape: not rebuilt (nor the views' columns read again) when the
        // log streams' tables are missing, so a cluster without them answers each request with one statement.
        return failures.guard(run(pool.getDelegate().preparedQuery(LOG_STREAMS_SQL)
                .collecting(rowsInto(LogStreamsBuilder::new, LogStreamsBuilder::add))
                .execute(Tuple.of(name, name, name))
                .map(SqlResult::value))
                .onFailure(RestoreJobRepository::logStreamTablesUnreadable)
                .transform(RestoreJobRepository::logStreamsUnavailable))
                .map(LogStreamsBuilder::build)
                .invoke(found -> {
                    // The tables answer (again): a poll built without them is rebuilt with them.
                    if (!views.knowsLogStreams()) {
                        views.forget();
                    }
                });
    }

    /**
     * The {@code size} task-list rows from index {@code offset} on, running jobs first, and how many match (see
     * {@link #TASKS_SQL}). {@code from}/{@code to} bound START_TIMESTAMP (inclusive, either may be null) and
     * {@code statuses} is a comma list of exact STATUS values (empty = any).
     */
    public Uni<TaskSlice> tasks(LocalDateTime from, LocalDateTime to, String statuses, long offset, long size) {
        // A page beyond any BIGINT is empty: the limits saturate instead of overflowing.
        long perView = offset > Long.MAX_VALUE - size ? Long.MAX_VALUE : offset + size;
        Tuple parameters = Tuple.tuple();
        addFilters(parameters, from, to, statuses);
        addFilters(parameters, from, to, statuses);
        addFilters(parameters, from, to, statuses);
        parameters.addValue(perView);
        addFilters(parameters, from, to, statuses);
        parameters.addValue(perView).addValue(size).addValue(offset);
        return failures.guard(withStatements(sql -> run(pool.getDelegate().preparedQuery(sql.tasks())
                .collecting(rowsInto(TaskSliceBuilder::new, TaskSliceBuilder::add))
                .execute(parameters)
                .map(SqlResult::value))))
                .map(slice -> new TaskSlice(slice.contents, slice.total));
    }

    /**
     * Runs {@code query} with the statements for this cluster's views. When the views changed under a running service
     * (a column or view the statements name is gone: OceanBase upgraded), the failure is logged by its cause, the
     * columns are read again and the query runs once more on new statements, so the client never sees the change.
     */
    private <R> Uni<R> withStatements(Function<Statements, Uni<R>> query) {
        return statements().chain(sql -> query.apply(sql))
                .onFailure(RestoreJobRepository::viewsChanged).recoverWithUni(changed -> {
                    failures.classify(changed);
                    views.forget();
                    return statements().chain(sql -> query.apply(sql));
                });
    }

    private static boolean viewsChanged(Throwable failure) {
        FailureCause cause = DatabaseFailures.causeOf(failure);
        // A log streams' table the account may no longer read: the poll is rebuilt without the log streams.
        return cause == FailureCause.MISSING_COLUMN || cause == FailureCause.MISSING_VIEW
                || (cause == FailureCause.MISSING_PRIVILEGE && namesLogStreamTable(failure));
    }

    /** A failure because a table the log streams are read from is missing or not readable. */
    private static boolean logStreamTablesUnreadable(Throwable failure) {
        FailureCause cause = DatabaseFailures.causeOf(failure);
        return (cause == FailureCause.MISSING_VIEW || cause == FailureCause.MISSING_PRIVILEGE)
                && (namesLogStreamTable(failure) || String.valueOf(failure.getMessage()).contains(
                        "__all_virtual_restore_job"));
    }

    private static boolean namesLogStreamTable(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("__all_virtual_ls_restore_");
    }

    private static ApiException logStreamsUnavailable(Throwable failure) {
        return new ApiException(ErrorCode.LOG_STREAMS_UNAVAILABLE,
                DatabaseFailures.causeOf(failure) == FailureCause.MISSING_PRIVILEGE
                        ? "the account may not read oceanbase.__all_virtual_ls_restore_progress,"
                                + " __all_virtual_ls_restore_history and __all_virtual_restore_job (GRANT SELECT ON"
                                + " oceanbase.* to it; root@sys can)"
                        : "oceanbase.__all_virtual_ls_restore_progress or __all_virtual_ls_restore_history does not"
                                + " exist (OceanBase before 4.0?)");
    }

    /** The statements for this cluster's views, reading their columns first when not known (yet, or any more). */
    Uni<Statements> statements() {
        return views.statements(this::readColumns);
    }

    /**
     * The columns of both views, the server's version and whether the log streams' tables can be read: four small
     * statements, once per cluster.
     */
    private Uni<ViewColumns> readColumns() {
        return run(pool.getDelegate().query(PROGRESS_COLUMNS_SQL).execute().map(SqlResult::columnsNames))
                .chain(progress -> run(pool.getDelegate().query(HISTORY_COLUMNS_SQL).execute()
                        .map(SqlResult::columnsNames))
                        .chain(history -> run(pool.getDelegate().query(VERSION_SQL).execute().map(rows -> {
                            Row row = rows.iterator().next();
                            return RestoreViews.version(row.getString("VERSION"), row.getString("VERSION_COMMENT"));
                        })).chain(version -> logStreamTablesReadable().map(logStreams -> new ViewColumns(
                                Set.copyOf(progress), Set.copyOf(history), version, logStreams)))));
    }

    /** Whether the log streams' tables can be read; missing ones (or no grant) are no failure, just absent. */
    private Uni<Boolean> logStreamTablesReadable() {
        return run(pool.getDelegate().query(LOG_STREAM_TABLES_SQL).execute().map(rows -> true))
                .onFailure(RestoreJobRepository::logStreamTablesUnreadable).recoverWithItem(false);
    }

    private static void addFilters(Tuple parameters, LocalDateTime from, LocalDateTime to, String statuses) {
        parameters.addValue(from).addValue(from).addValue(to).addValue(to).addValue(statuses).addValue(statuses);
    }

    /** A collector for rows fed by the client from one connection, in order: partial results are never combined. */
    private static <A> Collector<Row, A, A> rowsInto(Supplier<A> container, BiConsumer<A, Row> add) {
        return Collector.of(container, add, (left, right) -> {
            throw new UnsupportedOperationException("rows are collected sequentially");
        });
    }

    // Collectors are only on the core client's API (the Mutiny wrapper leaves collecting() out); callers bound and
    // classify the whole call (DatabaseFailures#guard).
    private static <R> Uni<R> run(Future<R> result) {
        return UniHelper.toUni(result);
    }

    private RowReader reader(Row row, String source) {
        String view = RestoreRowShape.HISTORY.equals(source) ? "CDB_OB_RESTORE_HISTORY"
                : RestoreRowShape.PROGRESS.equals(source) ? "CDB_OB_RESTORE_PROGRESS"
                : RestoreRowShape.LOG_STREAM.equals(source) ? "__all_virtual_ls_restore_progress" : "DBA_OB_TENANTS";
        return new RowReader(row, view, zone.current(), failures);
    }

    private RowReader logStreamReader(Row row) {
        String table = LogStreamShape.HISTORY.equals(row.getString("LS_TABLE")) ? "__all_virtual_ls_restore_history"
                : "__all_virtual_ls_restore_progress";
        return new RowReader(row, table, zone.current(), failures);
    }

    /** Log streams by job, each job's failed and slowest first. */
    private static Map<Long, List<LogStream>> sortedByJob(Map<Long, List<LogStream>> byJob) {
        Map<Long, List<LogStream>> sorted = new HashMap<>();
        byJob.forEach((job, streams) -> sorted.put(job, streams.stream()
                .sorted(LogStream.FAILED_AND_SLOWEST_FIRST).toList()));
        return Map.copyOf(sorted);
    }

    /** Keeps the rows as decoded; only the chosen one becomes a payload. */
    private final class TenantJobBuilder {
        private String storedName;
        private Row running;
        private Row finished;

        void add(Row row) {
            storedName = row.getString("FOUND_TENANT_NAME");
            String source = RestoreRowShape.source(row);
            if (RestoreRowShape.PROGRESS.equals(source)) {
                running = row;
            } else if (RestoreRowShape.HISTORY.equals(source)) {
                finished = row;
            }
        }

        /** A running job wins over history; the view the row came from decides, never its STATUS (as obshell). */
        TenantJob build() {
            if (running != null) {
                return new TenantJob(storedName, RestoreRowShape.overview(reader(running, RestoreRowShape.PROGRESS)));
            }
            return new TenantJob(storedName, finished == null ? null
                    : RestoreRowShape.overview(reader(finished, RestoreRowShape.HISTORY)));
        }
    }

    private final class PollRowsBuilder {
        private final List<RestoreOverview> running = new ArrayList<>();
        private final Set<String> runningNames = new HashSet<>();
        private final List<RestoreOverview> finished = new ArrayList<>();
        private final List<OrphanedTenant> orphaned = new ArrayList<>();
        private final Map<Long, List<LogStream>> logStreams = new HashMap<>();
        private final boolean logStreamsRead;

        PollRowsBuilder(boolean logStreamsRead) {
            this.logStreamsRead = logStreamsRead;
        }

        void add(Row row) {
            String source = String.valueOf(RestoreRowShape.source(row));
            switch (source) {
                case RestoreRowShape.LOG_STREAM -> {
                    RowReader reader = reader(row, source);
                    logStreams.computeIfAbsent(LogStreamShape.jobId(reader), job -> new ArrayList<>())
                            .add(LogStreamShape.logStream(reader));
                }
                case RestoreRowShape.PROGRESS -> {
                    RestoreOverview job = RestoreRowShape.overview(reader(row, source));
                    // Newest job first: an older running row of the same name (never seen, but possible) is dropped.
                    if (runningNames.add(job.restoreTenantName())) {
                        running.add(job);
                    }
                }
                case RestoreRowShape.HISTORY -> finished.add(RestoreRowShape.overview(reader(row, source)));
                case RestoreRowShape.ORPHAN -> orphaned.add(RestoreRowShape.orphan(reader(row, source)));
                default -> throw new IllegalStateException("unexpected row source");
            }
        }

        PollRows build() {
            return new PollRows(List.copyOf(running), List.copyOf(finished), List.copyOf(orphaned),
                    sortedByJob(logStreams), logStreamsRead);
        }
    }

    /** The tenant and its job from the job row, then one log stream per row. */
    private final class LogStreamsBuilder {
        private String storedName;
        private String jobSource;
        private Row job;
        private final List<LogStream> streams = new ArrayList<>();
        private String table = "";

        void add(Row row) {
            if (LogStreamShape.isLogStream(row)) {
                streams.add(LogStreamShape.logStream(logStreamReader(row)));
                table = LogStreamShape.HISTORY.equals(row.getString("LS_TABLE")) ? "__all_ls_restore_history"
                        : "__all_ls_restore_progress";
            } else {
                storedName = row.getString("FOUND_TENANT_NAME");
                jobSource = row.getString("JOB_SOURCE");
                job = row;
            }
        }

        TenantLogStreams build() {
            if (jobSource == null) {
                return new TenantLogStreams(storedName, null);
            }
            boolean running = RestoreRowShape.PROGRESS.equals(jobSource);
            RowReader reader = new RowReader(job, running ? "CDB_OB_RESTORE_PROGRESS" : "CDB_OB_RESTORE_HISTORY",
                    zone.current(), failures);
            List<LogStream> sorted = streams.stream().sorted(LogStream.FAILED_AND_SLOWEST_FIRST).toList();
            return new TenantLogStreams(storedName, new RestoreLogStreams(storedName,
                    reader.number("JOB_TENANT_ID"), reader.number("JOB_ID"), reader.text("JOB_STATUS"), running,
                    table, reader.text("JOB_COMMENT"), LogStreamSummary.of(sorted), sorted));
        }
    }

    /** Turns the page's rows into payloads; every row carries the total, also the task-less row past the end. */
    private final class TaskSliceBuilder {
        private final List<RestoreOverview> contents = new ArrayList<>();
        private long total;

        void add(Row row) {
            total = row.getLong("TASK_TOTAL");
            String source = RestoreRowShape.source(row);
            if (source != null) {
                contents.add(RestoreRowShape.overview(reader(row, source)));
            }
        }
    }
}
