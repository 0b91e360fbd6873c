package io.obrestore.watch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.api.ApiError;
import io.obrestore.api.Rfc3339;
import io.obrestore.db.ClusterZone;
import io.obrestore.feed.FeedUpdate;
import io.obrestore.feed.PolledRestore;
import io.obrestore.feed.RestoreFeed;
import io.obrestore.feed.RestoresPoll;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreOverview;
import io.obrestore.watch.SseDelivery.StreamEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running-restores stream ({@code GET /api/v1/restore/running/stream}), what the dashboard's list reads: every
 * running restore with estimate, diagnosis and chart samples, the orphaned tenants, and the jobs that ended within the
 * rate window (a list, not a one-off signal: a slow client whose waiting event was replaced by a newer one still sees
 * them), sent whenever one of them changes. One shared Multi derived from the feed serialises each event once for
 * every client; it adds no statement to the feed's, however many streams are open.
 */
@ApplicationScoped
public class RestoreListStream {

    /** Event name on the wire. */
    static final String RUNNING = "running";

    /**
     * The data of a {@code running} event.
     *
     * @param running every running restore: overview (the overview endpoint's payload), estimate, diagnostics, samples,
     *     log stream summary
     * @param orphaned tenants left in RESTORE status without a running job
     * @param ended the final overview of each job that ended within the rate window, newest first
     * @param polledAt when the feed's statement answered, RFC 3339 in the service's zone
     */
    @RegisterForReflection
    public record Payload(
            @JsonProperty("running") List<PolledRestore> running,
            @JsonProperty("orphaned") List<OrphanedTenant> orphaned,
            @JsonProperty("ended") List<RestoreOverview> ended,
            @JsonProperty("polled_at") String polledAt) {
    }

    /** The data of an {@code error} event. */
    @RegisterForReflection
    public record ErrorPayload(@JsonProperty("error") ApiError error) {
    }

    private final RestoreFeed feed;
    private final ObjectMapper mapper;
    private final ClusterZone zone;
    private final AtomicReference<Multi<StreamEvent>> shared = new AtomicReference<>();
    private volatile StreamEvent latest;

    public RestoreListStream(RestoreFeed feed, ObjectMapper mapper, ClusterZone zone) {
        this.feed = feed;
        this.mapper = mapper;
        this.zone = zone;
    }

    /** A client's stream: the current state at once if the feed has one, else after its first poll; then each change. */
    public Multi<StreamEvent> open() {
        Multi<StreamEvent> source = shared.get();
        if (source == null) {
            shared.compareAndSet(null, sharedFor());
            source = shared.get();
        }
        StreamEvent current = latest;
        Multi<StreamEvent> start = current == null ? Multi.createFrom().empty() : Multi.createFrom().item(current);
        return Multi.createBy().merging().streams(source, start).select().where(SseDelivery.increasingIds());
    }

    private Multi<StreamEvent> sharedFor() {
        return Multi.createFrom().deferred(() -> {
            ListState state = new ListState();
            // The feed's latest poll, if it runs already, is the first state; then every poll.
            Multi<FeedUpdate> polls = Multi.createBy().concatenating().streams(
                    Multi.createFrom().optional(Optional.ofNullable(feed.latest()).map(FeedUpdate::polled)),
                    feed.updates());
            return polls.map(state::next).select().where(event -> event != StreamEvent.NONE);
        })
                .invoke(event -> latest = event)
                .onTermination().invoke(() -> latest = null)
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
    }

    /** What the list has shown so far; used by one poll at a time (the shared Multi). */
    private final class ListState {
        private List<Object> shown;
        private String errorCode;
        private long sequence;

        /** The event a poll makes: when restores, stall flags, orphans or ended jobs changed, or an error is new. */
        StreamEvent next(FeedUpdate update) {
            if (update.failed()) {
                if (update.failure().code().errCode().equals(errorCode)) {
                    return StreamEvent.NONE;
                }
                errorCode = update.failure().code().errCode();
                // New clients get the error, not a state from before the failure.
                shown = null;
                return emit(TenantStreams.ERROR, new ErrorPayload(ApiError.of(update.failure().code(),
                        update.failure().getMessage())));
            }
            RestoresPoll poll = update.poll();
            List<Object> state = state(poll);
            if (state.equals(shown) && errorCode == null) {
                return StreamEvent.NONE;
            }
            shown = state;
            errorCode = null;
            return emit(RUNNING, new Payload(poll.running(), poll.orphaned(), poll.ended(),
                    Rfc3339.format(poll.polledAt(), zone.current())));
        }

        private StreamEvent emit(String name, Object data) {
            sequence++;
            try {
                return new StreamEvent(sequence, SseEvents.event(name, sequence, mapper.writeValueAsString(data)), false);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * What a client sees change; estimates and samples move on every poll and alone do not make an event, nor do the
     * log streams' counters (the list shows their summary).
     */
    private static List<Object> state(RestoresPoll poll) {
        List<Object> state = new ArrayList<>();
        for (PolledRestore restore : poll.running()) {
            state.add(restore.overview());
            state.add(restore.diagnostics().stalled());
            state.add(restore.logStreamSummary()); // a record, or null where the streams are not read
        }
        state.add(poll.orphaned().stream().map(OrphanedTenant::tenantName).toList());
        state.add(poll.ended().stream().map(RestoreOverview::jobId).toList());
        return state;
    }
}
