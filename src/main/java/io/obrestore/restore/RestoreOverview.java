package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * obshell's {@code param.RestoreOverview}: the 32 keys, in obshell's order, with obshell's JSON types.
 *
 * <p>SCNs are unsigned 64-bit values in a {@code long}, written as exact unsigned integers (never through a double). Progress values are
 * strings ({@code "41.60"}), timestamps RFC 3339 strings; absent values are {@code ""} or {@code 0}, as Go's zero
 * values are. There is deliberately no {@code backup_dest}: it holds cloud access keys (obshell drops it too,
 * although the seed document lists it).
 */
@RegisterForReflection
public record RestoreOverview(
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("job_id") long jobId,
        @JsonProperty("restore_tenant_name") String restoreTenantName,
        @JsonProperty("restore_tenant_id") long restoreTenantId,
        @JsonProperty("backup_tenant_name") String backupTenantName,
        @JsonProperty("backup_tenant_id") long backupTenantId,
        @JsonProperty("backup_cluster_name") String backupClusterName,
        @JsonProperty("restore_option") String restoreOption,
        @JsonProperty("restore_scn") @JsonSerialize(using = UnsignedLongSerializer.class) long restoreScn,
        @JsonProperty("restore_scn_display") String restoreScnDisplay,
        @JsonProperty("status") String status,
        @JsonProperty("start_timestamp") String startTimestamp,
        @JsonProperty("backup_set_list") String backupSetList,
        @JsonProperty("backup_piece_list") String backupPieceList,
        // Always "" in the overview: obshell fills these two only in the task list.
        @JsonProperty("backup_data_uri") String backupDataUri,
        @JsonProperty("backup_log_uri") String backupLogUri,
        @JsonProperty("tablet_count") long tabletCount,
        @JsonProperty("finish_tablet_count") long finishTabletCount,
        @JsonProperty("total_bytes") long totalBytes,
        @JsonProperty("total_bytes_display") String totalBytesDisplay,
        @JsonProperty("finish_bytes") long finishBytes,
        @JsonProperty("finish_bytes_display") String finishBytesDisplay,
        @JsonProperty("description") String description,
        // Running jobs only (CDB_OB_RESTORE_PROGRESS); zero values for finished jobs.
        @JsonProperty("recover_scn") @JsonSerialize(using = UnsignedLongSerializer.class) long recoverScn,
        @JsonProperty("recover_scn_display") String recoverScnDisplay,
        @JsonProperty("recover_progress") String recoverProgress,
        @JsonProperty("restore_progress") String restoreProgress,
        // Finished jobs only (CDB_OB_RESTORE_HISTORY); zero values for running jobs.
        @JsonProperty("backup_cluster_version") long backupClusterVersion,
        @JsonProperty("ls_count") long lsCount,
        @JsonProperty("finish_ls_count") long finishLsCount,
        @JsonProperty("comment") String comment,
        @JsonProperty("finish_timestamp") String finishTimestamp) {
}
