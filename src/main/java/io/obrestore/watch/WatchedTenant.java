package io.obrestore.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.obrestore.api.ApiError;
import io.obrestore.api.ApiException;
import io.obrestore.restore.RestoreOverview;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared state of one watched tenant: its latest overview, the event that carries it (serialised once for all
 * subscribers), its rate window and its subscribers.
 */
final class WatchedTenant {

    /** Event names on the wire. */
    static final String OVERVIEW = "overview";
    static final String FINAL = "final";
    static final String ERROR = "error";

    /** Statuses a job never leaves: CDB_OB_RESTORE_HISTORY's final results (views spec section 4). */
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAIL");

    private final String name;
    private final Sse sse;
    private final ObjectMapper mapper;
    private final ZoneId zone;
    private final RateWindow window;

    // Guarded by this.
    private final Set<WatchSubscriber> subscribers = new LinkedHashSet<>();
    private RestoreOverview latest;
    private OutboundSseEvent latestEvent;
    private String errorCode;
    private long sequence;
    private boolean finished;
    private boolean retired;

    WatchedTenant(String name, Sse sse, ObjectMapper mapper, ZoneId zone, RateWindow window) {
        this.name = name;
        this.sse = sse;
        this.mapper = mapper;
        this.zone = zone;
        this.window = window;
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

    synchronized int subscriberCount() {
        return subscribers.size();
    }

    /**
     * Records the job as polled at {@code nanos}; subscribers get an event only when the overview changed (or
     * the tenant recovers from an error), and a terminal status ends every stream with a {@code final} event.
     */
    synchronized void update(RestoreOverview job, long nanos) {
        if (finished) {
            return;
        }
        window.add(job, nanos);
        if (job.equals(latest) && errorCode == null) {
            return;
        }
        latest = job;
        errorCode = null;
        finished = isTerminal(job);
        ProgressEstimate estimate = finished ? null : window.estimate(job, Instant.now(), zone);
        latestEvent = event(finished ? FINAL : OVERVIEW, new WatchEvent(job, estimate, null));
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
        OutboundSseEvent event = event(ERROR, new WatchEvent(null, null, ApiError.of(failure.code(), failure.getMessage())));
        for (WatchSubscriber subscriber : List.copyOf(subscribers)) {
            subscriber.offer(event);
        }
    }

    /** What {@link #add} did. */
    enum Added { SUBSCRIBED, ENDED, RETIRED }

    /**
     * Adds a subscriber and sends it the current state at once. {@code ENDED}: the job is over, nothing was added
     * and {@link #endedStream()} is the whole stream. {@code RETIRED}: the last subscriber left and the poller
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

    /** The complete stream of a finished job: its {@code final} event as text (compact JSON has no line breaks). */
    synchronized String endedStream() {
        return "event:" + latestEvent.getName() + "\nid:" + latestEvent.getId() + "\ndata:" + latestEvent.getData() + "\n\n";
    }

    /**
     * Removes a subscriber; true when it was the last one, which retires the tenant for good (a later subscriber
     * gets a new one) so no stream can attach to a tenant the poller no longer polls.
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

    synchronized void heartbeat() {
        OutboundSseEvent comment = sse.newEventBuilder().comment("heartbeat").build();
        for (WatchSubscriber subscriber : subscribers) {
            subscriber.heartbeat(comment);
        }
    }

    synchronized List<WatchSubscriber> subscribers() {
        return new ArrayList<>(subscribers);
    }

    private OutboundSseEvent event(String type, WatchEvent data) {
        sequence++;
        try {
            // Serialised once here, sent as is to every subscriber.
            return sse.newEventBuilder().name(type).id(Long.toString(sequence))
                    .data(String.class, mapper.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
