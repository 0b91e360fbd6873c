package io.obrestore.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Scenario jobs written into the real fixture database by tests that need a restore to move: a copy of rt_running's
 * sys job row (secret-bearing URIs included) under a new tenant name and job id, advanced and finished with SQL.
 */
public final class RestoreJobs {

    private static final String PROGRESS = "oceanbase.CDB_OB_RESTORE_PROGRESS";
    private static final String HISTORY = "oceanbase.CDB_OB_RESTORE_HISTORY";

    private RestoreJobs() {
    }

    /** Creates tenant {@code name} and a running job {@code jobId} at 100 of 1 000 000 bytes, 10 of 100 tablets. */
    public static void startRunning(String name, long tenantId, long jobId) throws SQLException {
        try (Connection admin = TestDatabase.admin()) {
            execute(admin, "INSERT INTO oceanbase.DBA_OB_TENANTS (TENANT_ID, TENANT_NAME, TENANT_TYPE, STATUS, TENANT_ROLE)"
                    + " VALUES (?, ?, 'USER', 'RESTORE', 'RESTORE')", tenantId, name);
            execute(admin, "INSERT INTO " + PROGRESS + " (TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID,"
                    + " BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN,"
                    + " RESTORE_SCN_DISPLAY, STATUS, START_TIMESTAMP, BACKUP_SET_LIST, BACKUP_PIECE_LIST, TABLET_COUNT,"
                    + " FINISH_TABLET_COUNT, TOTAL_BYTES, TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION,"
                    + " RECOVER_SCN, RECOVER_SCN_DISPLAY, RECOVER_PROGRESS, RESTORE_PROGRESS)"
                    + " SELECT 1, ?, ?, ?, BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, BACKUP_DEST,"
                    + " RESTORE_OPTION, RESTORE_SCN, RESTORE_SCN_DISPLAY, 'WAIT_TENANT_RESTORE_FINISH', START_TIMESTAMP,"
                    + " BACKUP_SET_LIST, BACKUP_PIECE_LIST, 100, 10, 1000000, '0.95MB', 100, '0.00MB', NULL,"
                    + " RECOVER_SCN, RECOVER_SCN_DISPLAY, 0.00, 0.01"
                    + " FROM " + PROGRESS + " WHERE RESTORE_TENANT_NAME = 'rt_running' AND TENANT_ID = 1",
                    jobId, name, tenantId);
        }
    }

    /** Sets the running job's finished bytes and tablets (and RESTORE_PROGRESS to match the bytes). */
    public static void advance(String name, long finishBytes, long finishTablets) throws SQLException {
        try (Connection admin = TestDatabase.admin()) {
            execute(admin, "UPDATE " + PROGRESS + " SET FINISH_BYTES = ?, FINISH_TABLET_COUNT = ?,"
                    + " RESTORE_PROGRESS = ROUND(? * 100 / TOTAL_BYTES, 2) WHERE RESTORE_TENANT_NAME = ?",
                    finishBytes, finishTablets, finishBytes, name);
        }
    }

    /** Moves the running job to history with {@code status} (SUCCESS or FAIL), in one transaction. */
    public static void finish(String name, String status) throws SQLException {
        try (Connection admin = TestDatabase.admin()) {
            admin.setAutoCommit(false);
            execute(admin, "INSERT INTO " + HISTORY + " (TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID,"
                    + " BACKUP_TENANT_NAME, BACKUP_TENANT_ID, BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN,"
                    + " RESTORE_SCN_DISPLAY, STATUS, START_TIMESTAMP, FINISH_TIMESTAMP, BACKUP_SET_LIST, BACKUP_PIECE_LIST,"
                    + " BACKUP_CLUSTER_VERSION, LS_COUNT, FINISH_LS_COUNT, TABLET_COUNT, FINISH_TABLET_COUNT, TOTAL_BYTES,"
                    + " TOTAL_BYTES_DISPLAY, FINISH_BYTES, FINISH_BYTES_DISPLAY, DESCRIPTION, `COMMENT`)"
                    + " SELECT TENANT_ID, JOB_ID, RESTORE_TENANT_NAME, RESTORE_TENANT_ID, BACKUP_TENANT_NAME, BACKUP_TENANT_ID,"
                    + " BACKUP_CLUSTER_NAME, BACKUP_DEST, RESTORE_OPTION, RESTORE_SCN, RESTORE_SCN_DISPLAY, ?, START_TIMESTAMP,"
                    + " START_TIMESTAMP + INTERVAL 1 HOUR, BACKUP_SET_LIST, BACKUP_PIECE_LIST, 17180000519, 2, 2,"
                    + " TABLET_COUNT, TABLET_COUNT, TOTAL_BYTES, TOTAL_BYTES_DISPLAY, TOTAL_BYTES, TOTAL_BYTES_DISPLAY,"
                    + " DESCRIPTION, NULL FROM " + PROGRESS + " WHERE RESTORE_TENANT_NAME = ? AND TENANT_ID = 1",
                    status, name);
            execute(admin, "DELETE FROM " + PROGRESS + " WHERE RESTORE_TENANT_NAME = ?", name);
            // As OceanBase does: a restored tenant becomes NORMAL; a failed one stays in RESTORE status (an orphan).
            if ("SUCCESS".equals(status)) {
                execute(admin, "UPDATE oceanbase.DBA_OB_TENANTS SET STATUS = 'NORMAL', TENANT_ROLE = 'PRIMARY'"
                        + " WHERE TENANT_NAME = ?", name);
            }
            admin.commit();
        }
    }

    /** Removes every row of tenant {@code name} that a test added. */
    public static void remove(String name) throws SQLException {
        try (Connection admin = TestDatabase.admin()) {
            for (String table : List.of(PROGRESS, HISTORY)) {
                execute(admin, "DELETE FROM " + table + " WHERE RESTORE_TENANT_NAME = ?", name);
            }
            execute(admin, "DELETE FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME = ?", name);
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
