package io.obrestore.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Simulated restores in the demo database, so a newcomer sees the stream, the gauges and the dashboard move:
 * {@code demo_moving} advances every two seconds, succeeds, and starts again after a pause; {@code demo_stalled}
 * stays at 37 % and is reported stalled once {@code obrestore.watch.stall-after} has passed. The rows copy
 * rt_running's job (fake, secret-bearing backup URIs included, which the service redacts). Demo only.
 */
final class DemoRestores implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoRestores.class);
    static final String MOVING = "demo_moving";
    static final String STALLED = "demo_stalled";
    private static final long MOVING_TENANT = 2002;
    private static final long STALLED_TENANT = 2004;
    private static final long TOTAL_BYTES = 80L << 30;
    private static final long TABLETS = 2400;
    private static final long PAUSE_TICKS = 10;

    private static final String PROGRESS = "oceanbase.CDB_OB_RESTORE_PROGRESS";
    private static final String HISTORY = "oceanbase.CDB_OB_RESTORE_HISTORY";
    private static final String TENANTS = "oceanbase.DBA_OB_TENANTS";

    private final Vertx vertx;
    private final Pool pool;
    private final ZoneId zone;
    private long timer = -1;
    private long jobId = 100;
    private long finishedBytes;
    private long pauseLeft;
    private boolean busy;

    private DemoRestores(Vertx vertx, Pool pool, ZoneId zone) {
        this.vertx = vertx;
        this.pool = pool;
        this.zone = zone;
    }

    /** Replaces earlier demo rows with a fresh moving and a stalled restore, then moves the first every 2 s. */
    static DemoRestores start(Vertx vertx, int port, String password, ZoneId zone) {
        Pool pool = MySQLBuilder.pool().connectingTo(new MySQLConnectOptions().setHost("127.0.0.1").setPort(port)
                .setUser(EmbeddedMariaDb.ADMIN_USER).setPassword(password)).using(vertx).build();
        DemoRestores demo = new DemoRestores(vertx, pool, zone);
        pool.withTransaction(client -> demo.reset(client)
                        .compose(ignored -> demo.begin(client, STALLED, STALLED_TENANT, 200, 37))
                        .compose(ignored -> demo.begin(client, MOVING, MOVING_TENANT, ++demo.jobId, 0)))
                .onSuccess(ignored -> {
                    demo.timer = vertx.setPeriodic(2000, id -> demo.tick());
                    LOG.infof("Demo restores running: %s moves every 2 s, %s is stalled", MOVING, STALLED);
                })
                .onFailure(failure -> LOG.warnf("Demo restores not started: %s", failure.getMessage()));
        return demo;
    }

    private Future<Void> reset(SqlClient client) {
        String names = "('" + MOVING + "', '" + STALLED + "')";
        return client.query("DELETE FROM " + PROGRESS + " WHERE RESTORE_TENANT_NAME IN " + names).execute()
                .compose(ignored -> client.query("DELETE FROM " + HISTORY + " WHERE RESTORE_TENANT_NAME IN " + names)
                        .execute())
                .compose(ignored -> client.query("DELETE FROM " + TENANTS + " WHERE TENANT_NAME IN " + names).execute())
                .mapEmpty();
    }

    /** A tenant in RESTORE status and its running sys job at {@code percent} of the data. */
    private Future<Void> begin(SqlClient client, String name, long tenantId, long job, int percent) {
        long bytes = TOTAL_BYTES * percent / 100;
        LocalDateTime now = LocalDateTime.now(zone);
        return client.preparedQuery("DELETE FROM " + TENANTS + " WHERE TENANT_NAME = ?").execute(Tuple.of(name))
                .compose(ignored -> client.preparedQuery("INSERT INTO " + TENANTS + " (TENANT_ID, TENANT_NAME,"
                        + " TENANT_TYPE, CREATE_TIME, MODIFY_TIME, STATUS, TENANT_ROLE) VALUES (?, ?, 'USER', ?, ?,"
                        + " 'RESTORE', 'RESTORE')").execute(Tuple.of(tenantId, name, now, now)))
                .compose(ignored -> client.preparedQuery("INSERT INTO " + PROGRESS + " (TENANT_ID, JOB_ID,"
                        + " RESTORE_TENANT_NAME, RESTORE_TENANT_ID, BACKUP_TENANT_NAME, BACKUP_TENANT_ID,"
                        + " BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN, RESTORE_SCN_DISPLAY, STATUS,"
                        + " START_TIMESTAMP, BACKUP_SET_LIST, BACKUP_PIECE_LIST, TABLET_COUNT, FINISH_TABLET_COUNT,"
                        + " TOTAL_BYTES, TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION,"
                        + " RECOVER_SCN, RECOVER_SCN_DISPLAY, RECOVER_PROGRESS, RESTORE_PROGRESS)"
                        + " SELECT 1, ?, ?, ?, BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, BACKUP_DEST,"
                        + " RESTORE_OPTION, RESTORE_SCN, RESTORE_SCN_DISPLAY, 'WAIT_TENANT_RESTORE_FINISH', ?,"
                        + " BACKUP_SET_LIST, BACKUP_PIECE_LIST, ?, ?, ?, ?, ?, ?, 'simulated by the demo profile',"
                        + " 0, NULL, 0.00, ?"
                        + " FROM " + PROGRESS + " WHERE RESTORE_TENANT_NAME = 'rt_running' AND TENANT_ID = 1")
                        .execute(Tuple.from(new Object[] {job, name, tenantId, now, TABLETS, TABLETS * percent / 100,
                            TOTAL_BYTES, display(TOTAL_BYTES), bytes, display(bytes), (double) percent})))
                .mapEmpty();
    }

    private void tick() {
        if (busy) {
            return;
        }
        busy = true;
        Future<Void> step;
        if (pauseLeft > 0) {
            pauseLeft--;
            step = pauseLeft == 0 ? pool.withTransaction(client -> begin(client, MOVING, MOVING_TENANT, ++jobId, 0))
                    .onSuccess(ignored -> finishedBytes = 0) : Future.succeededFuture();
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
        double percent = finishedBytes * 100.0 / TOTAL_BYTES;
        // Log replay follows the data, as it does once the data is in.
        double recover = Math.max(0, (percent - 50) * 2);
        return pool.preparedQuery("UPDATE " + PROGRESS + " SET FINISH_BYTES = ?, FINISH_BYTES_DISPLAY = ?,"
                        + " FINISH_TABLET_COUNT = ?, RESTORE_PROGRESS = ?, RECOVER_PROGRESS = ?"
                        + " WHERE JOB_ID = ? AND TENANT_ID = 1")
                .execute(Tuple.from(new Object[] {finishedBytes, display(finishedBytes),
                    TABLETS * finishedBytes / TOTAL_BYTES, round(percent), round(recover), jobId}))
                .mapEmpty();
    }

    private Future<Void> finish() {
        pauseLeft = PAUSE_TICKS;
        LocalDateTime now = LocalDateTime.now(zone);
        return pool.withTransaction(client -> client.preparedQuery("INSERT INTO " + HISTORY + " (TENANT_ID, JOB_ID,"
                        + " RESTORE_TENANT_NAME, RESTORE_TENANT_ID, BACKUP_TENANT_NAME, BACKUP_TENANT_ID,"
                        + " BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN, RESTORE_SCN_DISPLAY, STATUS,"
                        + " START_TIMESTAMP, FINISH_TIMESTAMP, BACKUP_SET_LIST, BACKUP_PIECE_LIST,"
                        + " BACKUP_CLUSTER_VERSION, LS_COUNT, FINISH_LS_COUNT, TABLET_COUNT, FINISH_TABLET_COUNT,"
                        + " TOTAL_BYTES, TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION, `COMMENT`)"
                        + " SELECT TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID, BACKUP_TENANT_NAME,"
                        + " BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN,"
                        + " RESTORE_SCN_DISPLAY, 'SUCCESS', START_TIMESTAMP, ?, BACKUP_SET_LIST, BACKUP_PIECE_LIST,"
                        + " 17180067073, 3, 3, TABLET_COUNT, TABLET_COUNT, TOTAL_BYTES, TOTAL_BYTES_DISPLAY, TOTAL_BYTES,"
                        + " TOTAL_BYTES_DISPLAY, DESCRIPTION, '' FROM " + PROGRESS + " WHERE JOB_ID = ? AND TENANT_ID = 1")
                .execute(Tuple.of(now, jobId))
                .compose(ignored -> client.preparedQuery("DELETE FROM " + PROGRESS + " WHERE JOB_ID = ?")
                        .execute(Tuple.of(jobId)))
                .compose(ignored -> client.preparedQuery("UPDATE " + TENANTS + " SET STATUS = 'NORMAL',"
                        + " TENANT_ROLE = 'PRIMARY', MODIFY_TIME = ? WHERE TENANT_NAME = ?").execute(Tuple.of(now, MOVING)))
                .mapEmpty());
    }

    /** OceanBase's *_BYTES_DISPLAY: MB below 1 GiB, then GB/TB, two decimals. */
    static String display(long bytes) {
        String[] units = {"MB", "GB", "TB", "PB"};
        double value = bytes / 1048576.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }

    private static double round(double percent) {
        return Math.round(Math.min(100, percent) * 100) / 100.0;
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        pool.close();
    }
}
