package io.obrestore.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiError;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.obrestore.feed.Diagnostics;
import io.obrestore.feed.FeedUpdate;
import io.obrestore.feed.PolledRestore;
import io.obrestore.feed.ProgressEstimate;
import io.obrestore.feed.ProgressSample;
import io.obrestore.feed.RestoreFeed;
import io.obrestore.feed.RestoresPoll;
import io.obrestore.restore.LogStream;
import io.obrestore.restore.LogStreamSummary;
import io.obrestore.restore.RestoreOverview;
import io.obrestore.restore.RestoreOverviewService;
import io.obrestore.watch.SseDelivery.StreamEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-tenant streams ({@code .../restore/overview/stream}), derived from the feed's Multi: one shared Multi per
 * watched tenant turns the polls into that tenant's events, serialised once for all its clients, and each client's
 * stream is that Multi started with the tenant's current event. A tenant already watched costs no statement to open;
 * a watched tenant the feed neither sees running nor sees end costs one overview statement per poll to learn what
 * became of it (normally the feed's own poll tells).
 */
@Startup(StartupOrder.STREAM_GAUGES) // its gauge is on the metrics page from the start, not from the first stream
@ApplicationScoped
public class TenantStreams {

    /** Event names on the wire. */
    static final String OVERVIEW = "overview";
    static final String FINAL = "final";
    static final String ERROR = "error";

    /** Statuses a job never leaves: CDB_OB_RESTORE_HISTORY's final results (docs/restore-views.md, "Statuses"). */
    private static final Set<String> TERMINAL = Set.of("SUCCESS", "FAIL");

    /**
     * The data of one tenant stream event: {@code overview} is exactly the overview endpoint's payload; {@code estimate},
     * {@code diagnostics} and {@code samples} (the feed's counters over the rate window, {@code [unix_ms,
     * finish_bytes, finish_tablets]}) are ours and kept apart so nobody mistakes them for OceanBase figures;
     * {@code log_streams} (every replica of each log stream while the job runs, the failed ones in a {@code final}
     * event of a failed job) and {@code log_stream_summary} come from OceanBase's log-stream tables, left out where
     * the cluster does not show them; {@code error} is set on {@code error} events.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(
            @JsonProperty("overview") RestoreOverview overview,
            @JsonProperty("estimate") ProgressEstimate estimate,
            @JsonProperty("diagnostics") Diagnostics diagnostics,
            @JsonProperty("samples") List<ProgressSample> samples,
            @JsonProperty("log_stream_summary") LogStreamSummary logStreamSummary,
            @JsonProperty("log_streams") List<LogStream> logStreams,
            @JsonProperty("error") ApiError error) {
    }

    /**
     * What opening a stream gives: the client's events, and what to call once when it ends (a job already over is a
     * stream of its one {@code final} event, which ends it).
     */
    public record Opened(Multi<StreamEvent> events, Runnable release) {
    }

    private final RestoreOverviewService service;
    private final RestoreFeed feed;
    private final ObjectMapper mapper;
    private final int maxTenants;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    public TenantStreams(RestoreOverviewService service, RestoreFeed feed, ObjectMapper mapper, ServiceConfig config,
            MeterRegistry registry) {
        this.service = service;
        this.feed = feed;
        this.mapper = mapper;
        this.maxTenants = config.watch().maxTenants();
        Gauge.builder("obrestore.watch.tenants", watched, Map::size)
                .description("Tenants watched by at least one stream").register(registry);
    }

    /**
     * Opens a stream for {@code name}: fails like the overview (before any byte of the stream is sent) when the tenant
     * cannot be watched; a tenant already watched is answered from its shared state, without a statement.
     */
    public Uni<Opened> open(String name) {
        Watched known = watched.get(name);
        if (known != null) {
            StreamEvent current = known.latest;
            if (current != null && current.terminal()) {
                return Uni.createFrom().item(endedAtOnce(current));
            }
            if (current != null && !known.failing && retain(name, known)) {
                return Uni.createFrom().item(known.openedFrom(current));
            }
        }
        if (known == null && watched.size() >= maxTenants) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.WATCH_LIMIT, maxTenants));
        }
        return service.overview(name).map(overview -> {
            // The feed's latest poll adds estimate, diagnosis and log streams when it saw this very job running.
            Optional<PolledRestore> polled = Optional.ofNullable(feed.latest()).flatMap(poll -> poll.running(name))
                    .filter(restore -> restore.overview().jobId() == overview.jobId());
            TenantState fresh = new TenantState(name);
            StreamEvent first = fresh.update(overview, polled.orElse(null), List.of());
            if (first.terminal()) {
                return endedAtOnce(first);
            }
            Watched entry = watched.compute(name, (key, current) -> {
                Watched chosen = current != null ? current : new Watched(fresh);
                chosen.subscribers++;
                return chosen;
            });
            // Joining a tenant already watched (it was failing, or another client opened it meanwhile): its shared
            // events follow this fresh look-up, which carries the same id as its latest event.
            return entry.openedFrom(entry.state == fresh ? first : entry.state.restamp(first, entry.latest));
        });
    }

    private boolean retain(String name, Watched entry) {
        boolean[] retained = new boolean[1];
        watched.computeIfPresent(name, (key, current) -> {
            if (current == entry) {
                current.subscribers++;
                retained[0] = true;
            }
            return current;
        });
        return retained[0];
    }

    private void release(Watched entry) {
        watched.computeIfPresent(entry.state.name, (key, current) -> {
            if (current != entry) {
                return current;
            }
            current.subscribers--;
            return current.subscribers <= 0 ? null : current;
        });
    }

    /** A job already over: its {@code final} event alone, without an id (nothing follows it to order). */
    private static Opened endedAtOnce(StreamEvent last) {
        StreamEvent only = new StreamEvent(last.id(), SseEvents.lastEvent(last.event().getName(),
                (String) last.event().getData()), true);
        return new Opened(Multi.createFrom().item(only), () -> { });
    }

    /** One watched tenant: its state, its latest event and the Multi its clients share. */
    private final class Watched {
        private final TenantState state;
        private final Multi<StreamEvent> shared;
        private volatile StreamEvent latest;
        private volatile boolean failing;
        // Changed only inside watched.compute(): the map's own per-key atomicity guards it.
        private int subscribers;

        Watched(TenantState state) {
            this.state = state;
            this.latest = state.current;
            this.shared = feed.updates()
                    .onItem().transformToUniAndConcatenate(this::next)
                    .select().where(event -> event != StreamEvent.NONE)
                    .invoke(event -> {
                        latest = event;
                        failing = event.event().getName().equals(ERROR);
                    })
                    .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
        }

        /** A client's stream: the shared events, starting with {@code first}, never an older one after a newer. */
        Opened openedFrom(StreamEvent first) {
            Multi<StreamEvent> events = Multi.createFrom().deferred(() -> Multi.createBy().merging()
                    .streams(shared, Multi.createFrom().item(first))
                    .select().where(SseDelivery.increasingIds()));
            return new Opened(events, () -> release(this));
        }

        private Uni<StreamEvent> next(FeedUpdate update) {
            if (update.failed()) {
                return Uni.createFrom().item(state.failed(update.failure()));
            }
            RestoresPoll poll = update.poll();
            Optional<PolledRestore> running = poll.running(state.name);
            if (running.isPresent()) {
                return Uni.createFrom().item(state.update(running.get().overview(), running.get(), List.of()));
            }
            Optional<RestoreOverview> ended = poll.ended(state.name);
            if (ended.isPresent()) {
                return Uni.createFrom().item(state.update(ended.get(), null,
                        poll.endedLogStreams(ended.get().jobId())));
            }
            if (state.finished) {
                return Uni.createFrom().item(StreamEvent.NONE);
            }
            // Neither running nor seen ending: its overview says what became of it.
            return service.overview(state.name)
                    .map(overview -> state.update(overview, null, List.of()))
                    .onFailure(ApiException.class).recoverWithItem(failure -> state.failed((ApiException) failure))
                    .onFailure().recoverWithItem(StreamEvent.NONE);
        }
    }

    /**
     * What one tenant's stream has told so far, and the next event a change makes. Used by one poll at a time (its
     * shared Multi), after being seeded by the look-up that created it.
     */
    private final class TenantState {
        private final String name;
        private RestoreOverview overview;
        private boolean stalled;
        private List<Object> streams = List.of();
        private String errorCode;
        private boolean finished;
        private long sequence;
        private StreamEvent current;

        TenantState(String name) {
            this.name = name;
        }

        /**
         * The event for the job's overview, or NONE when neither the overview, the stall diagnosis nor a log stream
         * changed (and no error is to be cleared); a terminal status makes it the {@code final} event, which carries
         * {@code failedStreams} (which stream failed, where and why).
         */
        StreamEvent update(RestoreOverview job, PolledRestore polled, List<LogStream> failedStreams) {
            if (finished) {
                return StreamEvent.NONE;
            }
            // Unknown (a look-up) counts as not stalled: learning that a job is not stalled is no news.
            boolean nowStalled = polled != null && polled.diagnostics().stalled();
            // No log stream known and none polled are the same: a poll that finds none is no news.
            List<Object> nowStreams = polled == null
                    || polled.logStreams().isEmpty() && polled.diagnostics().stalledLogStreams().isEmpty()
                    ? List.of() : List.of(polled.logStreams(), polled.diagnostics().stalledLogStreams());
            boolean ends = TERMINAL.contains(job.status());
            if (job.equals(overview) && nowStalled == stalled && (ends || nowStreams.equals(streams))
                    && errorCode == null) {
                return StreamEvent.NONE;
            }
            overview = job;
            stalled = nowStalled;
            streams = nowStreams;
            errorCode = null;
            finished = ends;
            Payload data;
            if (finished) {
                data = new Payload(job, null, null, null, failedStreams.isEmpty() ? null
                        : LogStreamSummary.of(failedStreams), failedStreams.isEmpty() ? null : failedStreams, null);
            } else if (polled == null) {
                data = new Payload(job, null, null, null, null, null, null);
            } else {
                data = new Payload(job, polled.estimate(), polled.diagnostics(), polled.samples(),
                        polled.logStreamSummary(), polled.logStreamSummary() == null ? null : polled.logStreams(),
                        null);
            }
            return emit(finished ? FINAL : OVERVIEW, data, finished);
        }

        /** The error event, once per distinct error; the stream stays open and polling goes on. */
        StreamEvent failed(ApiException failure) {
            if (finished || failure.code().errCode().equals(errorCode)) {
                return StreamEvent.NONE;
            }
            errorCode = failure.code().errCode();
            return emit(ERROR, new Payload(null, null, null, null, null, null,
                    ApiError.of(failure.code(), failure.getMessage())), false);
        }

        /** {@code event} with the id of {@code latest}, for a client joining at that point. */
        StreamEvent restamp(StreamEvent event, StreamEvent latest) {
            long id = latest == null ? event.id() : latest.id();
            return new StreamEvent(id, SseEvents.event(event.event().getName(), id, (String) event.event().getData()),
                    event.terminal());
        }

        private StreamEvent emit(String eventName, Payload data, boolean terminal) {
            sequence++;
            try {
                current = new StreamEvent(sequence, SseEvents.event(eventName, sequence,
                        mapper.writeValueAsString(data)), terminal);
                return current;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
