package io.obrestore.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * This service's diagnosis of a running restore; no OceanBase or obshell figure.
 *
 * @param stalled finished bytes, finished tablets and status have not changed for {@code stallAfterSeconds}
 * @param lastProgress when they last changed (or when this service first saw the job), RFC 3339
 * @param stallAfterSeconds {@code obrestore.watch.stall-after}, in seconds
 * @param stalledLogStreams when stalled: the replicas of log streams, not finished, that did not move for as long
 *     (the ones to look at, and on which server); left out when empty
 */
@RegisterForReflection
public record Diagnostics(
        @JsonProperty("stalled") boolean stalled,
        @JsonProperty("last_progress") String lastProgress,
        @JsonProperty("stall_after_seconds") long stallAfterSeconds,
        @JsonProperty("stalled_log_streams") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<StalledLogStream> stalledLogStreams) {
}
