package io.obrestore.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreJobRepository;
import io.obrestore.restore.RestoreJobRepository.RunningJobs;
import io.obrestore.restore.RestoreOverview;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one poller of the running restores. Every {@code obrestore.watch.poll-interval} it reads, in one statement, all
 * running jobs, how the jobs of the previous poll ended, and the orphaned tenants, then adds what only successive
 * polls can tell (rates, ETA, stall diagnosis, the chart's samples) and hands the result to its listeners: the
 * per-tenant watch streams, the running-restores stream and the gauges. The database therefore sees the same
 * statements for one listener as for five hundred. The timer runs only while there is a listener.
 */
@ApplicationScoped
public class RunningRestoresFeed {

    /** A consumer of the feed's polls; called on a Vert.x event loop, one poll at a time. */
    public interface Listener {

        /** A poll succeeded. */
        void polled(RunningRestores restores);

        /** A poll failed (database unreachable, slow or refusing); polling goes on. */
        void pollFailed(ApiException failure);
    }

    /** Polls during which a job that stopped running is still looked for in CDB_OB_RESTORE_HISTORY. */
    static final int HISTORY_LOOKUPS = 10;

    private static final Logger LOG = Logger.getLogger(RunningRestoresFeed.class);

    private final RestoreJobRepository repository;
    private final Vertx vertx;
    private final ServiceConfig.Watch config;
    private final ZoneId zone;
    private final Counter polls;
    private final Counter pollFailures;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile RunningRestores latest;

    // Guarded by this: the timer and what the feed remembers between polls (forgotten when it stops).
    private long timer = -1;
    private final Map<Long, JobTracker> trackers = new HashMap<>();
    private final Map<Long, Integer> vanished = new HashMap<>();
    private final Deque<Ended> recentlyEnded = new ArrayDeque<>();
    private Set<String> orphanCandidates = Set.of();

    /** A job seen ending, kept for one rate window so a client that missed one event still learns of it. */
    private record Ended(RestoreOverview overview, long nanos) {
    }

    public RunningRestoresFeed(RestoreJobRepository repository, Vertx vertx, ServiceConfig config,
            MeterRegistry registry) {
        this.repository = repository;
        this.vertx = vertx;
        this.config = config.watch();
        this.zone = config.zone();
        this.polls = Counter.builder("obrestore.watch.polls").description("Polls of the running restore jobs")
                .register(registry);
        this.pollFailures = Counter.builder("obrestore.watch.poll.failures")
                .description("Polls that failed (database unreachable, slow or refusing)").register(registry);
    }

    /** Adds a listener; the first one starts the timer and a poll at once (not one interval later). */
    public void subscribe(Listener listener) {
        listeners.add(listener);
        if (startTimer()) {
            tick();
        }
    }

    /** Removes a listener; without listeners the timer stops and the feed forgets its history. */
    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
        synchronized (this) {
            if (listeners.isEmpty() && timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
                latest = null;
                trackers.clear();
                vanished.clear();
                recentlyEnded.clear();
                orphanCandidates = Set.of();
            }
        }
    }

    /** The latest successful poll while the feed runs; null before the first one, after a failed one, or when idle. */
    public RunningRestores latest() {
        return latest;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private synchronized boolean startTimer() {
        if (timer >= 0) {
            return false;
        }
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
        return true;
    }

    private void tick() {
        // A poll still running (slow database) is not stacked with another one.
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        Set<Long> endedCandidates;
        synchronized (this) {
            // The jobs running at the previous poll, and those that vanished without a history row yet.
            endedCandidates = new HashSet<>(trackers.keySet());
            endedCandidates.addAll(vanished.keySet());
        }
        polls.increment();
        repository.runningJobs(endedCandidates).subscribe().with(jobs -> {
            RunningRestores restores;
            try {
                restores = apply(jobs);
            } finally {
                polling.set(false);
            }
            listeners.forEach(listener -> listener.polled(restores));
        }, failure -> {
            polling.set(false);
            failed(failure);
        });
    }

    private synchronized RunningRestores apply(RunningJobs jobs) {
        long nanos = System.nanoTime();
        Instant now = Instant.now();
        List<RunningRestore> running = new ArrayList<>(jobs.running().size());
        Set<Long> runningIds = new HashSet<>();
        for (RestoreOverview job : jobs.running()) {
            runningIds.add(job.jobId());
            JobTracker tracker = trackers.computeIfAbsent(job.jobId(),
                    id -> new JobTracker(config.rateWindow(), config.pollInterval(), config.stallAfter()));
            tracker.add(job, nanos, now);
            running.add(new RunningRestore(job, tracker.estimate(job, now, zone), tracker.diagnostics(nanos, zone),
                    tracker.chartSamples()));
        }
        for (Long stopped : trackers.keySet()) {
            if (!runningIds.contains(stopped)) {
                vanished.put(stopped, HISTORY_LOOKUPS);
            }
        }
        trackers.keySet().retainAll(runningIds);
        for (RestoreOverview job : jobs.finished()) {
            if (vanished.remove(job.jobId()) != null) {
                recentlyEnded.addFirst(new Ended(job, nanos));
            }
        }
        while (!recentlyEnded.isEmpty() && nanos - recentlyEnded.peekLast().nanos() > config.rateWindow().toNanos()) {
            recentlyEnded.removeLast();
        }
        List<RestoreOverview> ended = recentlyEnded.stream().map(Ended::overview)
                .filter(job -> !runningIds.contains(job.jobId())).toList();
        vanished.replaceAll((id, left) -> left - 1);
        vanished.values().removeIf(left -> left <= 0);
        // An orphan must show twice in a row: a job that has just left PROGRESS may leave its tenant in RESTORE
        // status for a moment, and that is no orphan.
        List<OrphanedTenant> orphaned = jobs.orphaned().stream()
                .filter(tenant -> orphanCandidates.contains(tenant.tenantName())).toList();
        orphanCandidates = jobs.orphaned().stream().map(OrphanedTenant::tenantName).collect(Collectors.toSet());
        RunningRestores restores = new RunningRestores(now, List.copyOf(running), ended, orphaned);
        latest = timer >= 0 ? restores : null;
        return restores;
    }

    private void failed(Throwable failure) {
        pollFailures.increment();
        latest = null;
        ApiException api;
        if (failure instanceof ApiException known) {
            api = known;
        } else {
            LOG.errorf(failure, "Restore poll failed unexpectedly");
            api = new ApiException(ErrorCode.UNEXPECTED);
        }
        listeners.forEach(listener -> listener.pollFailed(api));
    }
}
