package io.obrestore.demo;

import io.obrestore.demo.OceanBaseRestoreRows.Statement;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Simulated restores in the demo database, so a newcomer sees the stream, the gauges and the dashboard move:
 * {@code demo_moving} advances every two seconds, succeeds, is dropped and restored again (as a new tenant, as in
 * OceanBase) after a pause; {@code demo_stalled} stays at 37 % and is reported stalled once
 * {@code obrestore.watch.stall-after} has passed. The rows are written into OceanBase's base tables the way OceanBase
 * writes them ({@link OceanBaseRestoreRows}), copying rt_running's job (fake, secret-bearing backup URIs included,
 * which the service redacts). Demo only.
 */
final class DemoRestores implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoRestores.class);
    static final String MOVING = "demo_moving";
    static final String STALLED = "demo_stalled";
    private static final long FIRST_MOVING_TENANT = 2002;
    private static final long STALLED_TENANT = 2000;
    private static final long TOTAL_BYTES = 80L << 30;
    private static final long TABLETS = 2400;
    private static final long PAUSE_TICKS = 10;
    /** The demo's one observer, as the log-stream rows name it. */
    private static final String SERVER_IP = "127.0.0.1";
    private static final long SERVER_PORT = 2882;
    /** rt_running's consistent and restore SCNs: log replay runs from the first to the second. */
    private static final long CONSISTENT_SCN = 1_729_467_719_925_925_888L;
    private static final long RESTORE_SCN = 1_729_470_600_123_456_789L;

    private final Vertx vertx;
    private final Pool pool;
    private long timer = -1;
    private long jobId = 100;
    private long movingTenant = FIRST_MOVING_TENANT;
    private long finishedBytes;
    private long pauseLeft;
    private boolean busy;

    private DemoRestores(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /** Replaces earlier demo rows with a fresh moving and a stalled restore, then moves the first every 2 s. */
    static DemoRestores start(Vertx vertx, int port, String password) {
        Pool pool = MySQLBuilder.pool().connectingTo(new MySQLConnectOptions().setHost("127.0.0.1").setPort(port)
                .setUser(EmbeddedMariaDb.ADMIN_USER).setPassword(password)).using(vertx).build();
        DemoRestores demo = new DemoRestores(vertx, pool);
        pool.withTransaction(client -> demo.reset(client)
                        .compose(ignored -> run(client, OceanBaseRestoreRows.start(STALLED, STALLED_TENANT, 200,
                                nowMicros(), "RESTORE_WAIT_LS", TABLETS, TABLETS * 37 / 100, TOTAL_BYTES,
                                TOTAL_BYTES * 37 / 100)))
                        .compose(ignored -> run(client, logStreams(STALLED_TENANT, 200, 0.37)))
                        .compose(ignored -> demo.begin(client)))
                .onSuccess(ignored -> {
                    demo.timer = vertx.setPeriodic(2000, id -> demo.tick());
                    LOG.infof("Demo restores running: %s moves every 2 s, %s is stalled", MOVING, STALLED);
                })
                .onFailure(failure -> LOG.warnf("Demo restores not started: %s", failure.getMessage()));
        return demo;
    }

    /** Removes what an earlier demo run (on the same database) left. */
    private Future<Void> reset(SqlClient client) {
        return client.query("SELECT tenant_id FROM oceanbase.__all_virtual_tenant_mysql_sys_agent WHERE tenant_name"
                        + " IN ('" + MOVING + "', '" + STALLED + "')").execute()
                .compose(rows -> {
                    Future<Void> removed = Future.succeededFuture();
                    for (var row : rows) {
                        long tenantId = row.getLong(0);
                        removed = removed.compose(ignored -> run(client, OceanBaseRestoreRows.remove(tenantId)));
                    }
                    return removed;
                });
    }

    /** A new job restoring {@code demo_moving} from nothing. */
    private Future<Void> begin(SqlClient client) {
        finishedBytes = 0;
        return run(client, OceanBaseRestoreRows.start(MOVING, movingTenant, ++jobId, nowMicros(), "RESTORE_WAIT_LS",
                TABLETS, 0, TOTAL_BYTES, 0))
                .compose(ignored -> run(client, logStreams(movingTenant, jobId, 0)));
    }

    /**
     * The job's log streams on the demo's one server: the system log stream finished, two user log streams sharing the
     * data, {@code done} of it restored.
     */
    private static List<Statement> logStreams(long tenant, long job, double done) {
        List<Statement> statements = new ArrayList<>(OceanBaseRestoreRows.addLogStream(tenant, job, 1, SERVER_IP,
                SERVER_PORT, OceanBaseRestoreRows.LS_NONE, 10, 10, 1 << 20, 1 << 20, "YB42DEMO-0001"));
        for (long ls : List.of(1001L, 1002L)) {
            statements.addAll(OceanBaseRestoreRows.addLogStream(tenant, job, ls, SERVER_IP, SERVER_PORT,
                    step(done), TABLETS / 2, (long) (TABLETS / 2 * done), TOTAL_BYTES / 2,
                    (long) (TOTAL_BYTES / 2 * done), "YB42DEMO-" + ls));
        }
        return statements;
    }

    /** The step a user log stream is in with {@code done} of its data restored. */
    private static int step(double done) {
        return done <= 0 ? OceanBaseRestoreRows.LS_RESTORE_TABLETS_META
                : done < 1 ? OceanBaseRestoreRows.LS_RESTORE_MAJOR_DATA : OceanBaseRestoreRows.LS_NONE;
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        Future<Void> step;
        if (pauseLeft > 0) {
            pauseLeft--;
            step = pauseLeft == 0 ? restoreAgain() : Future.succeededFuture();
        } else {
            // 1.5 % to 3.5 % of the data per tick: a restore of about three minutes, with an uneven rate.
            finishedBytes = Math.min(TOTAL_BYTES,
                    finishedBytes + (long) (TOTAL_BYTES * ThreadLocalRandom.current().nextDouble(0.015, 0.035)));
            step = finishedBytes >= TOTAL_BYTES ? finish() : advance();
        }
        step.onComplete(done -> {
            busy = false;
            if (done.failed()) {
                LOG.debugf("Demo restore step failed: %s", done.cause().getMessage());
            }
        });
    }

    private Future<Void> advance() {
        double done = (double) finishedBytes / TOTAL_BYTES;
        // Log replay follows the data, as it does once the data is in.
        double replayed = Math.max(0, (done - 0.5) * 2);
        long readableScn = CONSISTENT_SCN + (long) ((RESTORE_SCN - CONSISTENT_SCN) * replayed);
        // The second log stream trails the first, so the detail page's table has a slowest one.
        double first = Math.min(1, done * 1.2);
        double second = Math.max(0, 2 * done - first);
        List<Statement> streams = new ArrayList<>();
        streams.addAll(OceanBaseRestoreRows.advanceLogStream(movingTenant, jobId, 1001, SERVER_IP, SERVER_PORT,
                step(first), (long) (TABLETS / 2 * first), (long) (TOTAL_BYTES / 2 * first)));
        streams.addAll(OceanBaseRestoreRows.advanceLogStream(movingTenant, jobId, 1002, SERVER_IP, SERVER_PORT,
                step(second), (long) (TABLETS / 2 * second), (long) (TOTAL_BYTES / 2 * second)));
        return pool.withTransaction(client -> run(client,
                OceanBaseRestoreRows.advance(movingTenant, jobId, (long) (TABLETS * done), finishedBytes))
                .compose(ignored -> run(client, OceanBaseRestoreRows.replayed(movingTenant, readableScn)))
                .compose(ignored -> run(client, streams)));
    }

    private Future<Void> finish() {
        pauseLeft = PAUSE_TICKS;
        return pool.withTransaction(client -> run(client,
                OceanBaseRestoreRows.finish(movingTenant, jobId, "SUCCESS", nowMicros())));
    }

    /** DROP TENANT demo_moving, then restore it again as a new tenant (OceanBase gives it a new id). */
    private Future<Void> restoreAgain() {
        long dropped = movingTenant;
        movingTenant += 2;
        return pool.withTransaction(client -> run(client, OceanBaseRestoreRows.dropTenant(dropped))
                .compose(ignored -> begin(client)));
    }

    private static Future<Void> run(SqlClient client, List<Statement> statements) {
        Future<Void> done = Future.succeededFuture();
        for (Statement statement : statements) {
            done = done.compose(ignored -> client.preparedQuery(statement.sql())
                    .execute(Tuple.from(statement.parameters())).mapEmpty());
        }
        return done;
    }

    private static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        pool.close();
    }
}
