package io.obrestore.feed;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A replica of a log stream that stopped moving, named in a stalled restore's diagnosis: its step and counters have
 * not changed for {@code obrestore.watch.stall-after}. Ours.
 *
 * @param lsId the log stream
 * @param server its replica's observer, {@code ip:port}
 * @param status the step it is stuck in (OceanBase's name)
 * @param since when it last moved (or when this service first saw it), RFC 3339
 */
@RegisterForReflection
public record StalledLogStream(
        @JsonProperty("ls_id") long lsId,
        @JsonProperty("server") String server,
        @JsonProperty("status") String status,
        @JsonProperty("since") String since) {
}
