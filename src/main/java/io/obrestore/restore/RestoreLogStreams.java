package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * {@code data} of {@code GET /api/v1/tenant/{name}/restore/log-streams} (ours): the log streams of the tenant's
 * running restore, else of its newest finished one, with OceanBase's own error texts.
 *
 * @param restoreTenantName the tenant
 * @param restoreTenantId its id (the restored tenant's, under which OceanBase keeps the log streams)
 * @param jobId the restore job
 * @param jobStatus the job's STATUS (the sys row's while it runs, as the overview shows it; SUCCESS or FAIL after)
 * @param running whether the job runs (it came from CDB_OB_RESTORE_PROGRESS)
 * @param table where OceanBase keeps the rows shown: {@code __all_ls_restore_progress} (running, and a failed job's),
 *     {@code __all_ls_restore_history} (a successful job's), or {@code ""} when it has none (yet)
 * @param jobComment the job's own failure reason: while it runs the root service's {@code comment} key of the job
 *     (written only for a failure outside the log streams), once finished the history row's COMMENT (for a failure,
 *     OceanBase joins the failed log streams' comments there); {@code ""} when there is none
 * @param summary the log streams counted
 * @param logStreams one entry per replica of each log stream, failed and slowest first
 */
@RegisterForReflection
public record RestoreLogStreams(
        @JsonProperty("restore_tenant_name") String restoreTenantName,
        @JsonProperty("restore_tenant_id") long restoreTenantId,
        @JsonProperty("job_id") long jobId,
        @JsonProperty("job_status") String jobStatus,
        @JsonProperty("running") boolean running,
        @JsonProperty("table") String table,
        @JsonProperty("job_comment") String jobComment,
        @JsonProperty("summary") LogStreamSummary summary,
        @JsonProperty("log_streams") List<LogStream> logStreams) {
}
