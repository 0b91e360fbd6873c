package io.obrestore.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.api.ApiError;
import io.obrestore.api.ApiException;
import io.obrestore.config.ServiceConfig;
import io.obrestore.feed.RunningRestore;
import io.obrestore.feed.RunningRestores;
import io.obrestore.feed.RunningRestoresFeed;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreOverview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The running-restores stream ({@code GET /api/v1/restore/running/stream}), what the dashboard's list reads: every
 * running restore with estimate, diagnosis and chart samples, the orphaned tenants, and the jobs that ended within the
 * rate window (a list, not a one-off signal: a slow client whose waiting event was replaced by a newer one still sees
 * them), sent whenever one of them changes. It adds no statement to the feed's, however many streams are open.
 */
@ApplicationScoped
public class RunningWatch implements RunningRestoresFeed.Listener {

    /** Event name on the wire. */
    static final String RUNNING = "running";

    private final RunningRestoresFeed feed;
    private final OpenStreams streams;
    private final ObjectMapper mapper;
    private final ZoneId zone;

    // Guarded by this.
    private final Set<WatchSubscriber> subscribers = new LinkedHashSet<>();
    private EventWriter events;
    private OutboundSseEvent latestEvent;
    private List<Object> latestState;
    private String errorCode;

    public RunningWatch(RunningRestoresFeed feed, OpenStreams streams, ObjectMapper mapper, ServiceConfig config) {
        this.feed = feed;
        this.streams = streams;
        this.mapper = mapper;
        this.zone = config.zone();
    }

    /** Opens a stream: the current state at once if the feed has one, else after its first poll. */
    public void subscribe(SseEventSink sink, Sse sse) {
        WatchSubscriber[] holder = new WatchSubscriber[1];
        WatchSubscriber subscriber = new WatchSubscriber(sink, () -> detach(holder[0]));
        holder[0] = subscriber;
        synchronized (this) {
            if (events == null) {
                events = new EventWriter(sse, mapper);
            }
            subscribers.add(subscriber);
            streams.opened(subscriber, sse);
            if (latestEvent == null && feed.latest() != null) {
                publish(feed.latest());
            } else if (latestEvent != null) {
                subscriber.offer(latestEvent);
            }
            feed.subscribe(this);
        }
        TenantWatches.closeWithClient(subscriber, sink, sse);
    }

    @Override
    public synchronized void polled(RunningRestores restores) {
        if (!subscribers.isEmpty()) {
            publish(restores);
        }
    }

    @Override
    public synchronized void pollFailed(ApiException failure) {
        if (failure.code().errCode().equals(errorCode)) {
            return;
        }
        errorCode = failure.code().errCode();
        // New subscribers get the error, not a state from before the failure.
        latestEvent = events.error(ApiError.of(failure.code(), failure.getMessage()));
        latestState = null;
        subscribers.forEach(subscriber -> subscriber.offer(latestEvent));
    }

    /** Sends the poll when what it shows differs from the last event: restores, stall flags, orphans, ended jobs. */
    private void publish(RunningRestores restores) {
        List<Object> state = state(restores);
        if (state.equals(latestState) && errorCode == null) {
            return;
        }
        latestState = state;
        errorCode = null;
        latestEvent = events.event(RUNNING, RunningEvent.of(restores, zone));
        subscribers.forEach(subscriber -> subscriber.offer(latestEvent));
    }

    /** What a client sees change; estimates and samples move on every poll and alone do not make an event. */
    private static List<Object> state(RunningRestores restores) {
        List<Object> state = new ArrayList<>();
        for (RunningRestore restore : restores.running()) {
            state.add(restore.overview());
            state.add(restore.diagnostics().stalled());
        }
        state.add(restores.orphaned().stream().map(OrphanedTenant::tenantName).toList());
        state.add(restores.ended().stream().map(RestoreOverview::jobId).toList());
        return state;
    }

    private void detach(WatchSubscriber subscriber) {
        streams.closed(subscriber);
        synchronized (this) {
            subscribers.remove(subscriber);
            if (subscribers.isEmpty()) {
                feed.unsubscribe(this);
                latestEvent = null;
                latestState = null;
                errorCode = null;
            }
        }
    }
}
