package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Comparator;

/**
 * One replica of one log stream of a restore, as OceanBase keeps it in {@code __all_ls_restore_progress} (running, or
 * failed: a failed job's rows stay there) or {@code __all_ls_restore_history} (a successful job's rows, moved there
 * with finished counters). Ours: neither obshell nor OceanBase's views show it (docs/restore-views.md, "Log streams").
 *
 * @param lsId the log stream (1 is the tenant's system log stream)
 * @param server {@code svr_ip:svr_port}, the replica's observer
 * @param svrIp SVR_IP
 * @param svrPort SVR_PORT
 * @param status OceanBase's name of the step ({@link LogStreamStatus}); a history row, which has no STATUS, is
 *     {@code NONE}: finished
 * @param statusCode the step as OceanBase stores it
 * @param done the replica's restore is finished (status NONE)
 * @param failed the replica's restore failed (status RESTORE_FAILED)
 * @param tabletCount TABLET_COUNT
 * @param finishTabletCount FINISH_TABLET_COUNT
 * @param totalBytes TOTAL_BYTES
 * @param finishBytes FINISH_BYTES
 * @param restoreScn RESTORE_SCN
 * @param startReplayScn START_REPLAY_SCN, left out while 0 (nothing in the sources read sets it)
 * @param lastReplayScn LAST_REPLAY_SCN, left out while 0
 * @param result RESULT: 0, or the OceanBase error the replica failed with
 * @param resultName OceanBase's name of {@code result} ({@link OceanBaseErrors}); {@code ""} for 0
 * @param comment COMMENT, OceanBase's text ({@code (SERVER)ls_id: ..., addr: ..., module: ..., result: ...,
 *     trace_id: ...} for a failed replica), as stored
 * @param traceId TRACE_ID, to grep the observer's log for
 * @param modified when the row last changed (GMT_MODIFIED), RFC 3339
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogStream(
        @JsonProperty("ls_id") long lsId,
        @JsonProperty("server") String server,
        @JsonProperty("svr_ip") String svrIp,
        @JsonProperty("svr_port") long svrPort,
        @JsonProperty("status") String status,
        @JsonProperty("status_code") long statusCode,
        @JsonProperty("done") boolean done,
        @JsonProperty("failed") boolean failed,
        @JsonProperty("tablet_count") long tabletCount,
        @JsonProperty("finish_tablet_count") long finishTabletCount,
        @JsonProperty("total_bytes") long totalBytes,
        @JsonProperty("finish_bytes") long finishBytes,
        @JsonProperty("restore_scn") @JsonSerialize(using = UnsignedLongSerializer.class) long restoreScn,
        @JsonProperty("start_replay_scn") @JsonSerialize(using = UnsignedLongSerializer.class) Long startReplayScn,
        @JsonProperty("last_replay_scn") @JsonSerialize(using = UnsignedLongSerializer.class) Long lastReplayScn,
        @JsonProperty("result") long result,
        @JsonProperty("result_name") String resultName,
        @JsonProperty("comment") String comment,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("modified") String modified) {

    /**
     * Failed replicas first, then the slowest: the earliest step, then the smallest share of data done, unfinished
     * before finished; ties by log stream and server, so the order is stable.
     */
    public static final Comparator<LogStream> FAILED_AND_SLOWEST_FIRST = Comparator
            .comparing((LogStream stream) -> !stream.failed())
            .thenComparing(LogStream::done)
            .thenComparingLong(LogStream::statusCode)
            .thenComparingDouble(LogStream::shareDone)
            .thenComparingLong(LogStream::lsId)
            .thenComparing(LogStream::server);

    /** The replica's identity: a log stream on a server. */
    public String key() {
        return lsId + "@" + server;
    }

    /** Share of the data (bytes, else tablets) restored, 0 to 1; 0 when nothing is known. */
    public double shareDone() {
        if (totalBytes > 0) {
            return (double) finishBytes / totalBytes;
        }
        return tabletCount > 0 ? (double) finishTabletCount / tabletCount : 0;
    }
}
