package io.obrestore.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.obrestore.restore.LogStream;
import io.obrestore.restore.LogStreamSummary;
import io.obrestore.restore.RestoreOverview;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One running restore in a poll of the feed: the job's overview and what successive polls tell of it.
 *
 * @param overview exactly the overview endpoint's payload for the job
 * @param estimate rates and time left over the rate window; null while unknown
 * @param diagnostics the stall diagnosis
 * @param samples the job's counters over the rate window, at most 60, oldest first
 * @param logStreamSummary its log streams counted; null when the cluster's log-stream tables cannot be read
 * @param logStreams every replica of its log streams, failed and slowest first (not sent in the running-restores
 *     list, whose cards show the summary; the tenant stream sends them)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolledRestore(
        @JsonProperty("overview") RestoreOverview overview,
        @JsonProperty("estimate") ProgressEstimate estimate,
        @JsonProperty("diagnostics") Diagnostics diagnostics,
        @JsonProperty("samples") List<ProgressSample> samples,
        @JsonProperty("log_stream_summary") LogStreamSummary logStreamSummary,
        @JsonIgnore List<LogStream> logStreams) {

    /** The tenant being restored. */
    public String tenant() {
        return overview.restoreTenantName();
    }
}
