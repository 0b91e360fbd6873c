package io.obrestore.bench;

import io.obrestore.restore.RestoreSqlAccess;
import io.obrestore.support.ObshellSdkHeaders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load process of {@code src/test/bench/throughput-benchmark.sh}: closed-loop load at several concurrencies
 * against the running service, and the same SQL through a raw Vert.x MySQL pool (no HTTP, no JSON) as the ceiling,
 * and through {@link BareOverviewServer} (plain Vert.x HTTP, no framework) as the least any HTTP service costs.
 * Prints one table row per scenario and concurrency, with the CPU time per request of each process: service (or
 * bare server), MariaDB, and this load process.
 *
 * <p>Arguments: serviceUrl servicePid dbPort dbUser dbPassword adminUser secondsPerRun concurrencies(comma list)
 * [scenario name filter, e.g. "rt2"]. System properties: DB_PID (mariadbd), BARE_URL and BARE_PID (the bare
 * server), WARMUP_SECONDS.
 */
public final class ThroughputBenchmark {

    private record Scenario(String name, String path, int status, boolean authenticated) {
    }

    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";

    public static void main(String[] args) throws Exception {
        String service = args[0];
        long pid = Long.parseLong(args[1]);
        int dbPort = Integer.parseInt(args[2]);
        String dbUser = args[3];
        String dbPassword = args[4];
        String adminUser = args[5];
        int seconds = Integer.parseInt(args[6]);
        int[] concurrencies = Arrays.stream(args[7].split(",")).mapToInt(Integer::parseInt).toArray();

        Vertx vertx = Vertx.vertx();
        URI base = URI.create(service);
        String publicKey = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient()
                .send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/secret")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).get("data").get("public_key").asText();
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(publicKey);

        String only = args.length > 8 ? args[8] : "";
        List<Scenario> all = List.of(
                new Scenario("history (rt2)", "/api/v1/tenant/rt2/restore/overview", 200, false),
                new Scenario("running (rt_running)", "/api/v1/tenant/rt_running/restore/overview", 200, false),
                new Scenario("unknown tenant (400)", "/api/v1/tenant/no_such_tenant/restore/overview", 400, false),
                new Scenario("no restore (404)", "/api/v1/tenant/tenant1/restore/overview", 404, false),
                new Scenario("authenticated rt2", "/api/v1/tenant/rt2/restore/overview", 200, true));
        List<Scenario> scenarios = all.stream().filter(s -> s.name().contains(only)).toList();

        System.out.printf("%d s per run, %d cores, JDK %s%n", seconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| scenario | concurrency | requests/s | p50 ms | p99 ms | max ms | errors"
                + " | CPU µs/request: service | database | load | service RSS MB | statements/request | ÷ raw | ÷ bare |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        long dbPid = Long.getLong("DB_PID");
        long loadPid = ProcessHandle.current().pid();
        URI bare = URI.create(System.getProperty("BARE_URL"));
        long barePid = Long.getLong("BARE_PID");
        String jdbc = "jdbc:mariadb://127.0.0.1:" + dbPort + "/oceanbase";
        // What reading the counter costs in statements itself, measured rather than assumed.
        long counterCost = questions(jdbc, adminUser, dbPassword);
        counterCost = questions(jdbc, adminUser, dbPassword) - counterCost;
        Pool raw = MySQLBuilder.pool().with(new PoolOptions().setMaxSize(8))
                .connectingTo(new MySQLConnectOptions().setHost("127.0.0.1").setPort(dbPort).setUser(dbUser)
                        .setPassword(dbPassword).setCachePreparedStatements(true))
                .using(vertx).build();
        // Warm-up (JIT, pools, prepared statements) before anything is measured: a mix of every unauthenticated
        // scenario for WARMUP_SECONDS (default 30). Shorter warm-ups left the C2 compiler busy during the first
        // measured runs on 2 cores, which doubled the service's CPU per request there.
        int warmupSeconds = Integer.getInteger("WARMUP_SECONDS", 30);
        HttpClient warm = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(16)
                .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()));
        List<Scenario> plain = all.stream().filter(s -> !s.authenticated()).toList();
        AtomicLong turn = new AtomicLong();
        ClosedLoop.run(warmupSeconds, 16, () -> {
            Scenario scenario = plain.get((int) (turn.getAndIncrement() % plain.size()));
            return warm.request(new RequestOptions().setURI(scenario.path()))
                    .compose(r -> r.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                    .map(status -> status == scenario.status() ? 0 : -1);
        }, 0);
        // The authenticated path (RSA, AES, replay memory) too, so its first measured run is not the JIT's.
        int authWarmup = Math.max(2, warmupSeconds / 6);
        List<String> warmHeaders = prebuiltHeaders(sdk, RT2, 8, authWarmup);
        AtomicLong warmNext = new AtomicLong();
        ClosedLoop.run(authWarmup, 8, () -> warm.request(new RequestOptions().setURI(RT2)
                        .putHeader("X-OCS-Header", warmHeaders.get((int) (warmNext.getAndIncrement() % warmHeaders.size()))))
                .compose(r -> r.send().compose(resp -> resp.body().map(b -> resp.statusCode()))), 200);
        ClosedLoop.run(Math.max(2, warmupSeconds / 4), 8, () -> raw.preparedQuery(RestoreSqlAccess.overviewSql())
                .execute(Tuple.of("rt2", "rt2", "rt2")).map(rows -> 200), 200);
        warm.close();
        HttpClient bareClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(128)
                .setDefaultHost(bare.getHost()).setDefaultPort(bare.getPort()));
        Supplier<Future<Integer>> bareOverview = () -> bareClient.request(new RequestOptions().setURI(RT2))
                .compose(r -> r.send().compose(resp -> resp.body().map(b -> resp.statusCode())));
        ClosedLoop.run(Math.max(2, warmupSeconds / 3), 16, bareOverview, 200);
        for (int concurrency : concurrencies) {
            Cpu cpu = new Cpu(0, dbPid, loadPid);
            ClosedLoop.Result ceiling = ClosedLoop.run(seconds, concurrency, () -> raw.preparedQuery(RestoreSqlAccess.overviewSql())
                    .execute(Tuple.of("rt2", "rt2", "rt2")).map(rows -> rows.size() == 1 ? 200 : 500), 200);
            System.out.printf("| raw driver, same SQL | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | - | 1 | 1.00 | - |%n",
                    concurrency, ceiling.perSecond(), ceiling.percentileMillis(0.5), ceiling.percentileMillis(0.99),
                    ceiling.percentileMillis(1.0), ceiling.errors(), cpu.perRequest(ceiling.requests()));
            cpu = new Cpu(barePid, dbPid, loadPid);
            ClosedLoop.Result floor = ClosedLoop.run(seconds, concurrency, bareOverview, 200);
            System.out.printf("| bare Vert.x HTTP, same SQL | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %d | - | %.2f | 1.00 |%n",
                    concurrency, floor.perSecond(), floor.percentileMillis(0.5), floor.percentileMillis(0.99),
                    floor.percentileMillis(1.0), floor.errors(), cpu.perRequest(floor.requests()), Measures.rssMb(barePid),
                    floor.perSecond() / ceiling.perSecond());
            for (Scenario scenario : scenarios) {
                HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setMaxPoolSize(concurrency).setDefaultHost(base.getHost()).setDefaultPort(base.getPort()));
                // Headers are built before the run: the client's RSA work is not what is measured.
                List<String> headers = scenario.authenticated()
                        ? prebuiltHeaders(sdk, scenario.path(), concurrency, seconds) : List.of();
                AtomicLong next = new AtomicLong();
                Cpu serviceCpu = new Cpu(pid, dbPid, loadPid);
                long questionsBefore = questions(jdbc, adminUser, dbPassword);
                ClosedLoop.Result result = ClosedLoop.run(seconds, concurrency, () -> {
                    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setURI(scenario.path());
                    if (scenario.authenticated()) {
                        request.putHeader("X-OCS-Header", headers.get((int) (next.getAndIncrement() % headers.size())));
                    }
                    return http.request(request).compose(r -> r.send().compose(resp -> resp.body()
                            .map(body -> resp.statusCode())));
                }, scenario.status());
                String cpuPerRequest = serviceCpu.perRequest(result.requests());
                long statements = questions(jdbc, adminUser, dbPassword) - questionsBefore - counterCost;
                boolean sameSql = scenario.status() == 200;
                System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %d | %.2f | %s | %s |%n", scenario.name(),
                        concurrency, result.perSecond(), result.percentileMillis(0.5), result.percentileMillis(0.99),
                        result.percentileMillis(1.0), result.errors(), cpuPerRequest,
                        Measures.rssMb(pid), statements / (double) Math.max(1, result.requests()),
                        sameSql ? String.format("%.2f", result.perSecond() / ceiling.perSecond()) : "-",
                        sameSql ? String.format("%.2f", result.perSecond() / floor.perSecond()) : "-");
                http.close();
            }
        }
        raw.close();
        bareClient.close();
        vertx.close();
    }

    /** CPU time of the server (0: none), the database and this load process from creation to {@link #perRequest}. */
    private record Cpu(long server, long database, long load, long[] before) {
        Cpu(long server, long database, long load) throws Exception {
            this(server, database, load, new long[] {server == 0 ? 0 : Measures.cpuNanos(server),
                Measures.cpuNanos(database), Measures.cpuNanos(load)});
        }

        /** "server | database | load" in µs per request ("-" for no server). */
        String perRequest(long requests) throws Exception {
            double n = Math.max(1, requests);
            String serverMicros = server == 0 ? "-" : String.format("%.0f", (Measures.cpuNanos(server) - before[0]) / 1000.0 / n);
            return String.format("%s | %.0f | %.0f", serverMicros, (Measures.cpuNanos(database) - before[1]) / 1000.0 / n,
                    (Measures.cpuNanos(load) - before[2]) / 1000.0 / n);
        }
    }

    /**
     * Enough distinct headers for the run (a replayed header would be refused), expiring in 4.5 min: the service
     * refuses a lifetime above its max-lifetime (5 min), and a run is far shorter.
     */
    private static List<String> prebuiltHeaders(ObshellSdkHeaders sdk, String path, int concurrency, int seconds) {
        int count = Math.min(400_000, Math.max(20_000, concurrency * 2_000 * seconds / 8));
        List<String> headers = new ArrayList<>(count);
        long ts = java.time.Instant.now().getEpochSecond() + 270;
        for (int i = 0; i < count; i++) {
            headers.add(sdk.encrypt(ObshellSdkHeaders.goPlaintext("", ts, path, null)));
        }
        return headers;
    }

    private static long questions(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password);
                ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
