package io.obrestore.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a physical restore into OceanBase's base tables the way OceanBase writes it (docs/restore-views.md, "How
 * OceanBase writes a restore"), for the tests and the demo: never into the views. One restore is
 * <ul>
 *   <li>a tenant (and its META tenant) in {@code RESTORE} status;</li>
 *   <li>two job rows with one JOB_ID in the key/value job table: the sys tenant's (TENANT_ID 1, status
 *       {@code WAIT_TENANT_RESTORE_FINISH}) and the restored tenant's (TENANT_ID = its id, a detailed status);</li>
 *   <li>one progress row, under the restored tenant only (so the sys row of CDB_OB_RESTORE_PROGRESS has none);</li>
 *   <li>one row per replica of each log stream in {@code __all_ls_restore_progress} (tenant, job, LS_ID, SVR_IP,
 *       SVR_PORT), with its step ({@code ObLSRestoreStatus}), counters and, once failed, RESULT, TRACE_ID and the
 *       COMMENT {@code ObHAResultInfo::get_comment_str} writes;</li>
 *   <li>at the end, a history row for each tenant (the restored tenant's first, the sys row copying its counters),
 *       the job rows deleted and, on success, the tenant NORMAL (a failed one stays in RESTORE status); on success the
 *       log-stream rows move to {@code __all_ls_restore_history} with their counters finished
 *       ({@code ObRestorePersistHelper::move_ls_restore_progress_to_history}), on failure they stay and the job's
 *       COMMENT is the failed streams' comments, each followed by {@code ;}.</li>
 * </ul>
 * The job's keys are copied from rt_running's job 11 of the fixture (its secret-bearing backup URIs included, which the
 * service must redact). Statements are returned, not run, so JDBC (tests) and the Vert.x client (demo) share them.
 */
public final class OceanBaseRestoreRows {

    /** One statement and its parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {
        Statement(String sql, Object... parameters) {
            this(sql, List.of(parameters));
        }
    }

    /** The fixture job every written restore copies (rt_running: tenant 1028, job 11). */
    static final long TEMPLATE_TENANT = 1028;
    static final long TEMPLATE_JOB = 11;

    private static final String JOBS = "oceanbase.__all_virtual_restore_job";
    private static final String PROGRESS = "oceanbase.__all_virtual_restore_progress";
    private static final String HISTORY = "oceanbase.__all_virtual_restore_job_history";
    private static final String TENANTS = "oceanbase.__all_virtual_tenant_mysql_sys_agent";
    private static final String TENANT_INFO = "oceanbase.__all_virtual_tenant_info";
    private static final String LS_PROGRESS = "oceanbase.__all_virtual_ls_restore_progress";
    private static final String LS_HISTORY = "oceanbase.__all_virtual_ls_restore_history";
    private static final String LS_COLUMNS = "tenant_id, job_id, ls_id, svr_ip, svr_port, restore_scn,"
            + " start_replay_scn, last_replay_scn, tablet_count, finish_tablet_count, total_bytes, finish_bytes,"
            + " trace_id, result, comment";

    /** ObLSRestoreStatus (src/share/restore/ob_ls_restore_status.h): the steps a test or the demo moves through. */
    public static final int LS_NONE = 0;
    public static final int LS_RESTORE_START = 1;
    public static final int LS_RESTORE_SYS_TABLETS = 2;
    public static final int LS_RESTORE_TABLETS_META = 4;
    public static final int LS_RESTORE_TO_CONSISTENT_SCN = 6;
    public static final int LS_QUICK_RESTORE = 8;
    public static final int LS_RESTORE_MAJOR_DATA = 11;
    public static final int LS_WAIT_RESTORE_MAJOR_DATA = 12;
    public static final int LS_RESTORE_FAILED = 13;

    private OceanBaseRestoreRows() {
    }

    /**
     * Tenant {@code name} ({@code tenantId}, even) being restored by job {@code jobId}, started at
     * {@code startMicros} (µs since the epoch), with its progress row at the given figures. {@code userStatus} is the
     * restored tenant's own status (e.g. {@code RESTORE_WAIT_LS}, which the view shows as RESTORING).
     */
    public static List<Statement> start(String name, long tenantId, long jobId, long startMicros, String userStatus,
            long totalTablets, long finishTablets, long totalBytes, long finishBytes) {
        return start(name, tenantId, jobId, startMicros, userStatus, Map.of(), totalTablets, finishTablets, totalBytes,
                finishBytes);
    }

    /**
     * As {@link #start(String, long, long, long, String, long, long, long, long)}, with job keys of the template
     * replaced by {@code keys} (e.g. {@code restore_scn}, {@code backup_set_list}, {@code backup_tenant_id}) in both
     * job rows, as OceanBase writes the same job info under both tenants.
     */
    public static List<Statement> start(String name, long tenantId, long jobId, long startMicros, String userStatus,
            Map<String, String> keys, long totalTablets, long finishTablets, long totalBytes, long finishBytes) {
        Map<String, String> identity = new LinkedHashMap<>(keys);
        identity.put("tenant_name", name);
        identity.put("tenant_id", String.valueOf(tenantId));
        identity.put("restore_start_ts", String.valueOf(startMicros));
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement("INSERT INTO " + TENANTS + " (tenant_id, tenant_name, zone_list, primary_zone,"
                + " locked, collation_type, info, locality, status) VALUES (?, ?, 'zone1', 'RANDOM', 0, 45, '',"
                + " 'FULL{1}@zone1', 'NORMAL'), (?, ?, 'zone1', 'RANDOM', 0, 45, '', 'FULL{1}@zone1', 'RESTORE')",
                tenantId - 1, "META$" + tenantId, tenantId, name));
        statements.add(new Statement("INSERT INTO " + TENANT_INFO + " (tenant_id, tenant_role, switchover_status,"
                + " switchover_epoch, sync_scn, replayable_scn, readable_scn, recovery_until_scn, log_mode, max_ls_id)"
                + " SELECT ?, tenant_role, switchover_status, switchover_epoch, sync_scn, replayable_scn, readable_scn,"
                + " recovery_until_scn, log_mode, max_ls_id FROM " + TENANT_INFO + " WHERE tenant_id = ?",
                tenantId, TEMPLATE_TENANT));
        identity.put("status", "WAIT_TENANT_RESTORE_FINISH");
        identity.put("initiator_job_id", "0");
        statements.addAll(copyJob(1, 1, jobId, identity));
        identity.put("status", userStatus);
        identity.put("initiator_job_id", String.valueOf(jobId));
        statements.addAll(copyJob(TEMPLATE_TENANT, tenantId, jobId, identity));
        statements.add(new Statement("INSERT INTO " + PROGRESS + " (tenant_id, job_id, restore_scn, ls_count,"
                + " finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes)"
                + " SELECT ?, ?, CAST(value AS UNSIGNED), 3, 0, ?, ?, ?, ? FROM " + JOBS
                + " WHERE tenant_id = ? AND job_id = ? AND name = 'restore_scn'",
                tenantId, jobId, totalTablets, finishTablets, totalBytes, finishBytes, tenantId, jobId));
        return statements;
    }

    /** The restored tenant's progress row at new figures, as the restore scheduler updates it. */
    public static List<Statement> advance(long tenantId, long jobId, long finishTablets, long finishBytes) {
        return List.of(new Statement("UPDATE " + PROGRESS + " SET finish_tablet_count = ?, finish_bytes = ?"
                + " WHERE tenant_id = ? AND job_id = ?", finishTablets, finishBytes, tenantId, jobId));
    }

    /** The restored tenant's replay position: CDB_OB_RESTORE_PROGRESS reads it as RECOVER_SCN (shape 3). */
    public static List<Statement> replayed(long tenantId, long readableScn) {
        return List.of(new Statement("UPDATE " + TENANT_INFO + " SET readable_scn = ? WHERE tenant_id = ?",
                readableScn, tenantId));
    }

    /**
     * Job {@code jobId} of tenant {@code tenantId} ends with {@code status} ({@code SUCCESS} or {@code FAIL}) at
     * {@code finishMicros}: the restored tenant's history row from its job and progress rows (a success counts
     * everything finished), the sys row's copy, the job rows gone, the tenant NORMAL on success.
     */
    public static List<Statement> finish(long tenantId, long jobId, String status, long finishMicros) {
        boolean success = "SUCCESS".equals(status);
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement("INSERT INTO " + HISTORY + " (tenant_id, job_id, initiator_job_id,"
                + " initiator_tenant_id, restore_type, restore_tenant_name, restore_tenant_id, backup_tenant_name,"
                + " backup_tenant_id, backup_cluster_name, backup_dest, restore_scn, restore_option, start_time,"
                + " finish_time, status, backup_piece_list, backup_set_list, backup_cluster_version, ls_count,"
                + " finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes, description, comment)"
                + " SELECT p.tenant_id, p.job_id, " + key("initiator_job_id") + ", " + key("initiator_tenant_id")
                + ", " + key("restore_type") + ", " + key("tenant_name") + ", " + key("tenant_id") + ", "
                + key("backup_tenant_name") + ", " + key("backup_tenant_id") + ", " + key("backup_cluster_name") + ", "
                + key("backup_dest") + ", p.restore_scn, " + key("restore_option") + ", oceanbase.USEC_TO_TIME("
                + key("restore_start_ts") + "), oceanbase.USEC_TO_TIME(?), ?, " + key("backup_piece_list") + ", "
                + key("backup_set_list") + ", 17180067073, p.ls_count, IF(?, p.ls_count, p.finish_ls_count),"
                + " p.tablet_count, IF(?, p.tablet_count, p.finish_tablet_count), p.total_bytes,"
                + " IF(?, p.total_bytes, p.finish_bytes), " + key("description") + ", "
                // A failed job's comment: its failed log streams' comments, each followed by ';' (else its own key).
                + "COALESCE(IF(?, NULL, (SELECT GROUP_CONCAT(CONCAT(l.comment, ';') ORDER BY l.ls_id, l.svr_ip,"
                + " l.svr_port SEPARATOR '') FROM " + LS_PROGRESS + " l WHERE l.tenant_id = p.tenant_id"
                + " AND l.job_id = p.job_id AND l.status = " + LS_RESTORE_FAILED + ")), " + key("comment") + ")"
                + " FROM " + PROGRESS + " p WHERE p.tenant_id = ? AND p.job_id = ?",
                finishMicros, status, success, success, success, success, tenantId, jobId));
        statements.add(new Statement("INSERT INTO " + HISTORY + " (tenant_id, job_id, initiator_job_id,"
                + " initiator_tenant_id, restore_type, restore_tenant_name, restore_tenant_id, backup_tenant_name,"
                + " backup_tenant_id, backup_cluster_name, backup_dest, restore_scn, restore_option, start_time,"
                + " finish_time, status, backup_piece_list, backup_set_list, backup_cluster_version, ls_count,"
                + " finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes, description, comment)"
                + " SELECT 1, job_id, 0, 1, restore_type, restore_tenant_name, restore_tenant_id, backup_tenant_name,"
                + " backup_tenant_id, backup_cluster_name, backup_dest, restore_scn, restore_option, start_time,"
                + " finish_time, status, backup_piece_list, backup_set_list, backup_cluster_version, ls_count,"
                + " finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes, description, comment"
                + " FROM " + HISTORY + " WHERE tenant_id = ? AND job_id = ?", tenantId, jobId));
        statements.add(new Statement("DELETE FROM " + JOBS + " WHERE job_id = ? AND tenant_id IN (1, ?)",
                jobId, tenantId));
        if (success) {
            statements.add(new Statement("INSERT INTO " + LS_HISTORY + " (" + LS_COLUMNS + ") SELECT tenant_id, job_id,"
                    + " ls_id, svr_ip, svr_port, restore_scn, start_replay_scn, last_replay_scn, tablet_count,"
                    + " tablet_count, total_bytes, total_bytes, trace_id, result, comment FROM " + LS_PROGRESS
                    + " WHERE tenant_id = ? AND job_id = ?", tenantId, jobId));
            statements.add(new Statement("DELETE FROM " + LS_PROGRESS + " WHERE tenant_id = ? AND job_id = ?",
                    tenantId, jobId));
            statements.add(new Statement("UPDATE " + TENANTS + " SET status = 'NORMAL' WHERE tenant_id = ?", tenantId));
            statements.add(new Statement("UPDATE " + TENANT_INFO + " SET tenant_role = 'PRIMARY' WHERE tenant_id = ?",
                    tenantId));
        }
        return statements;
    }

    /**
     * A replica of log stream {@code lsId} on {@code svrIp:svrPort} joins job {@code jobId} of tenant {@code tenantId}
     * in {@code status} with its counters, as the log stream's restore handler inserts it; the SCNs come from the job
     * (its restore point; the replay positions 0, as nothing in the sources read updates them).
     */
    public static List<Statement> addLogStream(long tenantId, long jobId, long lsId, String svrIp, long svrPort,
            int status, long tablets, long finishTablets, long bytes, long finishBytes, String traceId) {
        return List.of(new Statement("INSERT INTO " + LS_PROGRESS + " (" + LS_COLUMNS + ", status) SELECT ?, ?, ?, ?,"
                + " ?, CAST(value AS UNSIGNED), 0, 0, ?, ?, ?, ?, ?, 0, '', ? FROM " + JOBS
                + " WHERE tenant_id = ? AND job_id = ? AND name = 'restore_scn'",
                tenantId, jobId, lsId, svrIp, svrPort, tablets, finishTablets, bytes, finishBytes, traceId, status,
                tenantId, jobId));
    }

    /** The replica's step and counters, as its restore handler moves them. */
    public static List<Statement> advanceLogStream(long tenantId, long jobId, long lsId, String svrIp, long svrPort,
            int status, long finishTablets, long finishBytes) {
        return List.of(new Statement("UPDATE " + LS_PROGRESS + " SET status = ?, finish_tablet_count = ?,"
                + " finish_bytes = ? WHERE tenant_id = ? AND job_id = ? AND ls_id = ? AND svr_ip = ? AND svr_port = ?",
                status, finishTablets, finishBytes, tenantId, jobId, lsId, svrIp, svrPort));
    }

    /**
     * The replica failed with OceanBase error {@code result}: RESTORE_FAILED, its RESULT and TRACE_ID, and the COMMENT
     * {@code ObHAResultInfo::get_comment_str} builds ({@code (SERVER)ls_id: %lu, addr: %s, module: %s, result:
     * %d(%s), trace_id: %s}, the text in brackets being {@code ob_strerror}'s {@code message}).
     *
     * @param module {@code RESTORE_DATA} or {@code RESTORE_CLOG}
     */
    public static List<Statement> failLogStream(long tenantId, long jobId, long lsId, String svrIp, long svrPort,
            String module, int result, String message, String traceId) {
        String comment = "(SERVER)ls_id: " + lsId + ", addr: " + svrIp + ":" + svrPort + ", module: " + module
                + ", result: " + result + "(" + message + "), trace_id: " + traceId;
        return List.of(new Statement("UPDATE " + LS_PROGRESS + " SET status = ?, result = ?, trace_id = ?, comment = ?"
                + " WHERE tenant_id = ? AND job_id = ? AND ls_id = ? AND svr_ip = ? AND svr_port = ?",
                LS_RESTORE_FAILED, result, traceId, comment, tenantId, jobId, lsId, svrIp, svrPort));
    }

    /**
     * The job's own {@code comment} key in both job rows, which the root service writes for a failure outside the log
     * streams ({@code "%s : %s(%d) on %s with traceid %s"}).
     */
    public static List<Statement> jobComment(long tenantId, long jobId, String comment) {
        List<Statement> statements = new ArrayList<>();
        for (long tenant : List.of(1L, tenantId)) {
            statements.add(new Statement("INSERT INTO " + JOBS + " (tenant_id, job_id, name, value) VALUES (?, ?,"
                    + " 'comment', ?) ON DUPLICATE KEY UPDATE value = VALUES(value)", tenant, jobId, comment));
        }
        return statements;
    }

    /**
     * {@code DROP TENANT} of a restored tenant: it and its META tenant go, with the history row the restored tenant
     * kept; the sys tenant's history row of its restore stays (as in OceanBase).
     */
    public static List<Statement> dropTenant(long tenantId) {
        List<Statement> statements = new ArrayList<>();
        for (String table : List.of(JOBS, PROGRESS, HISTORY, TENANT_INFO, LS_PROGRESS, LS_HISTORY)) {
            statements.add(new Statement("DELETE FROM " + table + " WHERE tenant_id = ?", tenantId));
        }
        statements.add(new Statement("DELETE FROM " + TENANTS + " WHERE tenant_id IN (?, ?)", tenantId, tenantId - 1));
        return statements;
    }

    /** Every row of tenant {@code tenantId} and its META tenant, and of their restore jobs. */
    public static List<Statement> remove(long tenantId) {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement("DELETE FROM " + JOBS + " WHERE tenant_id = 1 AND job_id IN (SELECT job_id FROM"
                + " (SELECT job_id FROM " + JOBS + " WHERE tenant_id = ?) j)", tenantId));
        statements.add(new Statement("DELETE FROM " + HISTORY + " WHERE tenant_id = 1 AND job_id IN (SELECT job_id"
                + " FROM (SELECT job_id FROM " + HISTORY + " WHERE tenant_id = ?) h)", tenantId));
        statements.addAll(dropTenant(tenantId));
        return statements;
    }

    /**
     * The template's job rows of tenant {@code from} copied to tenant {@code to}'s job {@code jobId}, each key in
     * {@code values} with its value (a key the template lacks is added).
     */
    private static List<Statement> copyJob(long from, long to, long jobId, Map<String, String> values) {
        List<Statement> statements = new ArrayList<>();
        statements.add(new Statement("INSERT INTO " + JOBS + " (tenant_id, job_id, name, value) SELECT ?, ?, name,"
                + " value FROM " + JOBS + " WHERE tenant_id = ? AND job_id = ?", to, jobId, from, TEMPLATE_JOB));
        values.forEach((name, value) -> statements.add(new Statement("INSERT INTO " + JOBS + " (tenant_id, job_id,"
                + " name, value) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)",
                to, jobId, name, value)));
        return statements;
    }

    /** A key of the restored tenant's job row (tenant and job of the progress row {@code p}). */
    private static String key(String name) {
        return "(SELECT value FROM " + JOBS + " j WHERE j.tenant_id = p.tenant_id AND j.job_id = p.job_id"
                + " AND j.name = '" + name + "')";
    }
}
