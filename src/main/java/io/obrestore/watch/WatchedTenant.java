package io.obrestore.watch;

import io.obrestore.api.ApiError;
import io.obrestore.api.ApiException;
import io.obrestore.feed.RunningRestore;
import io.obrestore.restore.RestoreOverview;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared state of one watched tenant: its latest overview, the event that carries it (serialised once for all
 * subscribers) and its subscribers.
 */
final class WatchedTenant {

    /** Event names on the wire. */
    static final String OVERVIEW = "overview";
    static final String FINAL = "final";

    /** Statuses a job never leaves: CDB_OB_RESTORE_HISTORY's final results (docs/restore-views.md, "Statuses"). */
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAIL");

    private final String name;
    private final EventWriter events;

    // Guarded by this.
    private final Set<WatchSubscriber> subscribers = new LinkedHashSet<>();
    private RestoreOverview latest;
    private boolean latestStalled;
    private OutboundSseEvent latestEvent;
    private String errorCode;
    private boolean finished;
    private boolean retired;

    WatchedTenant(String name, EventWriter events) {
        this.name = name;
        this.events = events;
    }

    String name() {
        return name;
    }

    static boolean isTerminal(RestoreOverview job) {
        return TERMINAL.contains(job.status());
    }

    /** A state a new subscriber can be given at once, without a query. */
    synchronized boolean hasState() {
        return latest != null && errorCode == null && !finished && !retired;
    }

    synchronized boolean isFinished() {
        return finished;
    }

    /** Records the running job as the feed polled it: its overview, estimate and diagnosis. */
    void update(RunningRestore restore) {
        update(restore.overview(), restore);
    }

    /** Records the job's overview with nothing known beyond it (a look-up, or a job that has ended). */
    void update(RestoreOverview job) {
        update(job, null);
    }

    /**
     * Subscribers get an event only when the overview or the stall diagnosis changed (or the tenant recovers from an
     * error), and a terminal status ends every stream with a {@code final} event.
     */
    private synchronized void update(RestoreOverview job, RunningRestore polled) {
        if (finished) {
            return;
        }
        // Unknown (a look-up) counts as not stalled: learning that a job is not stalled is no news.
        boolean stalled = polled != null && polled.diagnostics().stalled();
        if (job.equals(latest) && stalled == latestStalled && errorCode == null) {
            return;
        }
        latest = job;
        latestStalled = stalled;
        errorCode = null;
        finished = isTerminal(job);
        WatchEvent data = finished || polled == null ? new WatchEvent(job, null, null, null)
                : new WatchEvent(job, polled.estimate(), polled.diagnostics(), null);
        latestEvent = events.event(finished ? FINAL : OVERVIEW, data);
        for (WatchSubscriber subscriber : List.copyOf(subscribers)) {
            if (finished) {
                subscriber.finish(latestEvent);
            } else {
                subscriber.offer(latestEvent);
            }
        }
    }

    /** Tells subscribers once per distinct error; the streams stay open and polling goes on. */
    synchronized void failed(ApiException failure) {
        if (finished || failure.code().errCode().equals(errorCode)) {
            return;
        }
        errorCode = failure.code().errCode();
        OutboundSseEvent event = events.error(ApiError.of(failure.code(), failure.getMessage()));
        for (WatchSubscriber subscriber : List.copyOf(subscribers)) {
            subscriber.offer(event);
        }
    }

    /** What {@link #add} did. */
    enum Added { SUBSCRIBED, ENDED, RETIRED }

    /**
     * Adds a subscriber and sends it the current state at once. {@code ENDED}: the job is over, nothing was added
     * and {@link #endedStream()} is the whole stream. {@code RETIRED}: the last subscriber left and the watch
     * dropped this tenant; nothing was added and the caller must start afresh.
     */
    synchronized Added add(WatchSubscriber subscriber) {
        if (finished) {
            return Added.ENDED;
        }
        if (retired) {
            return Added.RETIRED;
        }
        subscribers.add(subscriber);
        subscriber.offer(latestEvent);
        return Added.SUBSCRIBED;
    }

    /** The complete stream of a finished job: its {@code final} event as text. */
    synchronized String endedStream() {
        return EventWriter.asText(latestEvent);
    }

    /**
     * Removes a subscriber; true when it was the last one, which retires the tenant for good (a later subscriber
     * gets a new one) so no stream can attach to a tenant nobody updates any more.
     */
    synchronized boolean remove(WatchSubscriber subscriber) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && !finished) {
            retired = true;
        }
        return retired;
    }

    synchronized boolean isRetired() {
        return retired;
    }
}
