package io.obrestore.support;

import io.obrestore.demo.OceanBaseRestoreRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Scenario restores written into the real test database the way OceanBase writes them ({@link OceanBaseRestoreRows}:
 * base tables, two job rows, progress under the restored tenant), by tests that need a restore to move: a copy of
 * rt_running's job (secret-bearing URIs included) under a new tenant name, id and job id, advanced and finished with
 * SQL. Tests find a restore by its tenant name, as the service does.
 */
public final class RestoreJobs {

    /** rt_running's START_TIMESTAMP (2024-10-21 09:00:00.25 +08:00) in µs: every scenario job starts then. */
    private static final long START_MICROS = 1_729_472_400_250_000L;
    private static final long HOUR_MICROS = 3_600_000_000L;

    private RestoreJobs() {
    }

    /** Creates tenant {@code name} and a running job {@code jobId} at 100 of 1 000 000 bytes, 10 of 100 tablets. */
    public static void startRunning(String name, long tenantId, long jobId) throws SQLException {
        TestDatabase.run(OceanBaseRestoreRows.start(name, tenantId, jobId, START_MICROS, "RESTORE_WAIT_LS", 100, 10, 1_000_000, 100));
    }

    /** Sets the running job's finished bytes and tablets (the views derive RESTORE_PROGRESS from the bytes). */
    public static void advance(String name, long finishBytes, long finishTablets) throws SQLException {
        long[] job = runningJob(name);
        TestDatabase.run(OceanBaseRestoreRows.advance(job[0], job[1], finishTablets, finishBytes));
    }

    /** Ends the running job with {@code status} (SUCCESS or FAIL) an hour after it started, in one transaction. */
    public static void finish(String name, String status) throws SQLException {
        long[] job = runningJob(name);
        TestDatabase.run(OceanBaseRestoreRows.finish(job[0], job[1], status, START_MICROS + HOUR_MICROS));
    }

    /**
     * Adds a replica of log stream {@code lsId} on {@code server} ({@code ip:port}) to {@code name}'s running job, in
     * step {@code status} ({@code OceanBaseRestoreRows.LS_*}) with its counters.
     */
    public static void addLogStream(String name, long lsId, String server, int status, long tablets,
            long finishTablets, long bytes, long finishBytes) throws SQLException {
        long[] job = runningJob(name);
        String[] address = server.split(":");
        TestDatabase.run(OceanBaseRestoreRows.addLogStream(job[0], job[1], lsId, address[0], Long.parseLong(address[1]),
                status, tablets, finishTablets, bytes, finishBytes, "YB42" + lsId + "-" + address[0]));
    }

    /** Moves a replica of {@code name}'s running job to {@code status} with new counters. */
    public static void advanceLogStream(String name, long lsId, String server, int status, long finishTablets,
            long finishBytes) throws SQLException {
        long[] job = runningJob(name);
        String[] address = server.split(":");
        TestDatabase.run(OceanBaseRestoreRows.advanceLogStream(job[0], job[1], lsId, address[0],
                Long.parseLong(address[1]), status, finishTablets, finishBytes));
    }

    /** Fails a replica of {@code name}'s running job with OceanBase error {@code result} ({@code message}). */
    public static void failLogStream(String name, long lsId, String server, int result, String message,
            String traceId) throws SQLException {
        long[] job = runningJob(name);
        String[] address = server.split(":");
        TestDatabase.run(OceanBaseRestoreRows.failLogStream(job[0], job[1], lsId, address[0],
                Long.parseLong(address[1]), "RESTORE_DATA", result, message, traceId));
    }

    /** Removes every row of tenant {@code name} that a test added. */
    public static void remove(String name) throws SQLException {
        Long tenantId = tenantId(name);
        if (tenantId != null) {
            TestDatabase.run(OceanBaseRestoreRows.remove(tenantId));
        }
    }

    /** The tenant id and the newest job id of {@code name}'s progress row. */
    private static long[] runningJob(String name) throws SQLException {
        Long tenantId = tenantId(name);
        if (tenantId == null) {
            throw new IllegalStateException("no tenant " + name);
        }
        try (Connection admin = TestDatabase.admin();
                PreparedStatement query = admin.prepareStatement("SELECT MAX(job_id) FROM"
                        + " oceanbase.__all_virtual_restore_progress WHERE tenant_id = ?")) {
            query.setLong(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[] {tenantId, rows.getLong(1)};
            }
        }
    }

    private static Long tenantId(String name) throws SQLException {
        try (Connection admin = TestDatabase.admin();
                PreparedStatement query = admin.prepareStatement("SELECT tenant_id FROM"
                        + " oceanbase.__all_virtual_tenant_mysql_sys_agent WHERE tenant_name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }
}
