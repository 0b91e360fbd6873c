package io.obrestore.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.db.ClusterZone;
import io.obrestore.restore.RestoreJobRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The one poller of the running restores, as one hot {@link Multi} of {@link FeedUpdate}s: every
 * {@code obrestore.watch.poll-interval} it reads, in one statement, all running jobs, how the jobs of the previous poll
 * ended and the orphaned tenants, then adds what only successive polls tell (rates, ETA, stall diagnosis, chart
 * samples, {@link FeedState}). Every stream and the gauges subscribe to the same Multi, so the database sees the same
 * statements for one listener as for five hundred. It polls only while someone subscribes: the first subscriber starts
 * it with a poll at once, the last one leaving stops it, and what it knew is forgotten (the next start begins afresh).
 */
@ApplicationScoped
public class RestoreFeed {

    private static final Logger LOG = Logger.getLogger(RestoreFeed.class);

    private final RestoreJobRepository repository;
    private final ClusterZone zone;
    private final FeedSettings settings;
    private final Counter polls;
    private final Counter pollFailures;
    private final Multi<FeedUpdate> updates;
    private volatile RestoresPoll latest;

    /** The state of one run of the poller: used by one poll at a time, in turn. */
    private static final class Cursor {
        private FeedState state;

        Cursor(FeedState state) {
            this.state = state;
        }
    }

    public RestoreFeed(RestoreJobRepository repository, ClusterZone zone, ServiceConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.zone = zone;
        this.settings = FeedSettings.of(config);
        this.polls = Counter.builder("obrestore.watch.polls").description("Polls of the running restore jobs")
                .register(registry);
        this.pollFailures = Counter.builder("obrestore.watch.poll.failures")
                .description("Polls that failed (database unreachable, slow or refusing)").register(registry);
        this.updates = Multi.createBy().repeating()
                .uni(() -> new Cursor(FeedState.initial(settings)), this::poll)
                .withDelay(settings.pollInterval())
                .indefinitely()
                .onTermination().invoke(() -> latest = null)
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
    }

    /** The polls, hot: one poll at once for the first subscriber, then one per interval while anyone subscribes. */
    public Multi<FeedUpdate> updates() {
        return updates;
    }

    /** The latest successful poll while the feed runs; null before the first one, after a failed one, or when idle. */
    public RestoresPoll latest() {
        return latest;
    }

    private Uni<FeedUpdate> poll(Cursor cursor) {
        polls.increment();
        return repository.runningJobs(cursor.state.jobsToLookUp())
                .map(rows -> {
                    FeedState.Transition transition = cursor.state.next(rows, System.nanoTime(), Instant.now(),
                            zone.current());
                    cursor.state = transition.state();
                    latest = transition.poll();
                    return FeedUpdate.polled(transition.poll());
                })
                .onFailure().recoverWithItem(failure -> {
                    pollFailures.increment();
                    latest = null;
                    if (failure instanceof ApiException known) {
                        return FeedUpdate.failed(known);
                    }
                    LOG.errorf(failure, "Restore poll failed unexpectedly");
                    return FeedUpdate.failed(new ApiException(ErrorCode.UNEXPECTED));
                });
    }
}
