package io.obrestore.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The load process of {@code src/test/bench/task-list-benchmark.sh}: the task list's first page (10 tasks) on the
 * fixture alone, then again after ROWS finished sys jobs, older than every fixture job, were added to
 * CDB_OB_RESTORE_HISTORY; prints requests/s, latency, CPU per request of the service and of MariaDB, response size,
 * and the ratio of each figure to the fixture-only run (the yardstick). A deep page and a page past the end follow.
 *
 * <p>Arguments: serviceUrl servicePid dbPort adminUser dbPassword rows secondsPerRun. System property DB_PID.
 */
public final class TaskListBenchmark {

    private static final int CONCURRENCY = 4;

    private record Figures(double perSecond, double p50, double p99, double serviceMicros, double databaseMicros,
            long bytes, long errors) {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long pid = Long.parseLong(args[1]);
        String jdbc = "jdbc:mariadb://127.0.0.1:" + args[2] + "/oceanbase";
        String admin = args[3];
        String password = args[4];
        int rows = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        long dbPid = Long.getLong("DB_PID");

        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(CONCURRENCY)
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()));
        String page1 = "/api/v1/restore/tasks?page=1&size=10";
        measure(http, page1, Math.max(10, seconds), pid, dbPid); // warm-up: JIT, pool, prepared statement
        System.out.printf("task list, %d s per run, concurrency %d, %d cores, JDK %s%n", seconds, CONCURRENCY,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| run | history rows | requests/s | p50 ms | p99 ms | CPU µs/request: service | database"
                + " | bytes/response | errors | service RSS MB | p50 ÷ fixture | CPU (service + database) ÷ fixture |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        long fixtureRows = count(jdbc, admin, password);
        Figures fixture = measure(http, page1, seconds, pid, dbPid);
        print("page 1 of 10, fixture", fixtureRows, fixture, fixture, pid);
        long t0 = System.nanoTime();
        addHistory(jdbc, admin, password, rows);
        long total = count(jdbc, admin, password);
        System.out.printf("(added %d history rows in %.1f s)%n", total - fixtureRows, (System.nanoTime() - t0) / 1e9);
        measure(http, page1, Math.max(5, seconds / 2), pid, dbPid); // the new row count's first plans and caches
        print("page 1 of 10", total, measure(http, page1, seconds, pid, dbPid), fixture, pid);
        print("page 5000 of 10", total, measure(http, "/api/v1/restore/tasks?page=5000&size=10", seconds, pid, dbPid),
                fixture, pid);
        print("page past the end", total,
                measure(http, "/api/v1/restore/tasks?page=1000000&size=10", seconds, pid, dbPid), fixture, pid);
        http.close();
        vertx.close();
    }

    private static void print(String run, long rows, Figures f, Figures fixture, long pid) throws Exception {
        System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.0f | %.0f | %d | %d | %d | %.2f | %.2f |%n", run, rows,
                f.perSecond(), f.p50(), f.p99(), f.serviceMicros(), f.databaseMicros(), f.bytes(), f.errors(),
                Measures.rssMb(pid), f.p50() / fixture.p50(),
                (f.serviceMicros() + f.databaseMicros()) / (fixture.serviceMicros() + fixture.databaseMicros()));
    }

    private static Figures measure(HttpClient http, String path, int seconds, long pid, long dbPid) throws Exception {
        long[] bytes = new long[1];
        Supplier<Future<Integer>> request = () -> http.request(new RequestOptions().setURI(path))
                .compose(r -> r.send().compose(resp -> resp.body().map(body -> {
                    bytes[0] = body.length();
                    return resp.statusCode();
                })));
        long service = Measures.cpuNanos(pid);
        long database = Measures.cpuNanos(dbPid);
        ClosedLoop.Result result = ClosedLoop.run(seconds, CONCURRENCY, request, 200);
        double n = Math.max(1, result.requests());
        return new Figures(result.perSecond(), result.percentileMillis(0.5), result.percentileMillis(0.99),
                (Measures.cpuNanos(pid) - service) / 1000.0 / n, (Measures.cpuNanos(dbPid) - database) / 1000.0 / n,
                bytes[0], result.errors());
    }

    /** Finished sys jobs in the history view (what the unfiltered list counts besides running jobs). */
    private static long count(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password);
                var rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE TENANT_ID = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * {@code rows} copies of the oldest fixture sys job's history row, written into OceanBase's job history table (the
     * view reads it), each with its own job id and tenant name and a start time that many minutes earlier, so page 1
     * keeps the fixture's newest jobs (MariaDB's SEQUENCE engine numbers them).
     */
    private static void addHistory(String jdbc, String user, String password, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMPORARY TABLE bulk AS
                    SELECT h.*, n.seq AS N FROM oceanbase.__all_virtual_restore_job_history h JOIN seq_1_to_%d n
                     WHERE h.tenant_id = 1 AND h.job_id = (SELECT MIN(job_id)
                                                             FROM oceanbase.__all_virtual_restore_job_history
                                                            WHERE tenant_id = 1)""".formatted(rows));
            s.execute("""
                    UPDATE bulk SET job_id = 10000000 + N, restore_tenant_name = CONCAT('bulk_', N),
                           start_time = start_time - INTERVAL N MINUTE,
                           finish_time = finish_time - INTERVAL N MINUTE""");
            s.execute("ALTER TABLE bulk DROP COLUMN N");
            s.execute("INSERT INTO oceanbase.__all_virtual_restore_job_history SELECT * FROM bulk");
        }
    }
}
