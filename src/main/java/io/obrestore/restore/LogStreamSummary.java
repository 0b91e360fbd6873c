package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A restore's log streams counted as a DBA reads them ("2 of 3 log streams done, 1 failed on 10.0.0.13:2882"): a log
 * stream is done when every replica of it is, failed when one replica failed.
 *
 * @param logStreams distinct log streams
 * @param done log streams whose every replica finished
 * @param failed log streams with a failed replica
 * @param replicas rows (one per replica)
 * @param failedOn the servers ({@code ip:port}) of the failed replicas, sorted
 */
@RegisterForReflection
public record LogStreamSummary(
        @JsonProperty("log_streams") int logStreams,
        @JsonProperty("done") int done,
        @JsonProperty("failed") int failed,
        @JsonProperty("replicas") int replicas,
        @JsonProperty("failed_on") List<String> failedOn) {

    /** The summary of a restore's replicas. */
    public static LogStreamSummary of(Collection<LogStream> streams) {
        Map<Long, boolean[]> byLogStream = new HashMap<>();
        TreeSet<String> failedOn = new TreeSet<>();
        for (LogStream stream : streams) {
            // [all replicas done, a replica failed]
            boolean[] state = byLogStream.computeIfAbsent(stream.lsId(), id -> new boolean[] {true, false});
            state[0] &= stream.done();
            state[1] |= stream.failed();
            if (stream.failed()) {
                failedOn.add(stream.server());
            }
        }
        int done = 0;
        int failed = 0;
        for (boolean[] state : byLogStream.values()) {
            done += state[0] ? 1 : 0;
            failed += state[1] ? 1 : 0;
        }
        return new LogStreamSummary(byLogStream.size(), done, failed, streams.size(), List.copyOf(failedOn));
    }
}
