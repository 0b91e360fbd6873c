package io.obrestore.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.restore.LogStream;
import io.obrestore.restore.LogStreamStatus;
import io.obrestore.restore.OceanBaseErrors;
import io.obrestore.restore.OrphanedTenant;
import io.obrestore.restore.RestoreJobRepository.PollRows;
import io.obrestore.restore.RestoreOverview;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The feed's state transition on its own: rows and a clock in, the next state and the poll out. No database. */
@Tag("fast")
class FeedStateTest {

    private static final long SECOND = 1_000_000_000L;
    private static final FeedSettings SETTINGS = new FeedSettings(Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10));
    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

    private long nanos = 5_000 * SECOND;
    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private FeedState state = FeedState.initial(SETTINGS);

    private static RestoreOverview job(long id, String tenant, String status, long bytes, long tablets) {
        return new RestoreOverview(1, id, tenant, 1000 + id, "src", 1002, "cluster", "", 0, "", status,
                "2026-12-01T16:00:00+08:00", "", "", "", "", 100, tablets, 1_000_000, "", bytes, "", "", 0, "", "", "",
                0, 0, 0, "", "");
    }

    private static OrphanedTenant orphan(String name) {
        return new OrphanedTenant(1099, name, "RESTORE", "", 0);
    }

    /** One poll {@code seconds} after the previous one. */
    private RestoresPoll poll(long seconds, List<RestoreOverview> running, List<RestoreOverview> finished,
            List<OrphanedTenant> orphaned) {
        nanos += seconds * SECOND;
        now = now.plusSeconds(seconds);
        FeedState.Transition transition = state.next(new PollRows(running, finished, orphaned), nanos, now, ZONE);
        state = transition.state();
        return transition.poll();
    }

    private RestoresPoll poll(long seconds, RestoreOverview... running) {
        return poll(seconds, List.of(running), List.of(), List.of());
    }

    @Test
    void aJobThatDoesNotMoveIsStalledAfterTheThresholdAndRecoversWhenItMoves() {
        RestoresPoll first = poll(0, job(7, "t", "RESTORING", 100, 1));
        assertFalse(first.running(  "t").orElseThrow().diagnostics().stalled());
        assertEquals("2026-12-01T16:00:00+08:00", first.running("t").orElseThrow().diagnostics().lastProgress());
        RestoresPoll almost = poll(599, job(7, "t", "RESTORING", 100, 1));
        assertFalse(almost.running("t").orElseThrow().diagnostics().stalled(), "599 s without progress");
        RestoresPoll stalled = poll(1, job(7, "t", "RESTORING", 100, 1));
        assertTrue(stalled.running("t").orElseThrow().diagnostics().stalled(), "600 s: the threshold itself");
        RestoresPoll moved = poll(2, job(7, "t", "RESTORING", 200, 1));
        assertFalse(moved.running("t").orElseThrow().diagnostics().stalled(), "progress recovers it at once");
        RestoresPoll statusOnly = poll(600, job(7, "t", "WAIT_TENANT_RESTORE_FINISH", 200, 1));
        assertFalse(statusOnly.running("t").orElseThrow().diagnostics().stalled(), "a new status is progress too");
    }

    @Test
    void ratesAndEtaComeFromSamplesAtLeastASecondApart() {
        assertNull(poll(0, job(7, "t", "RESTORING", 0, 0)).running("t").orElseThrow().estimate());
        ProgressEstimate estimate = poll(10, job(7, "t", "RESTORING", 100_000, 20)).running("t").orElseThrow().estimate();
        assertNotNull(estimate);
        assertEquals(10_000.0, estimate.bytesPerSecond());
        assertEquals(2.0, estimate.tabletsPerSecond());
        assertEquals(90L, estimate.etaSeconds());
        assertEquals("2026-12-01T16:01:40+08:00", estimate.eta());
    }

    @Test
    void aWallClockStepBendsNoRateOnlyLabels() {
        poll(0, job(7, "t", "RESTORING", 0, 0));
        nanos += 10 * SECOND;
        now = now.minusSeconds(3_600); // the wall clock was set back an hour; the monotonic clock moved on 10 s
        FeedState.Transition transition = state.next(new PollRows(List.of(job(7, "t", "RESTORING", 100_000, 20)),
                List.of(), List.of()), nanos, now, ZONE);
        PolledRestore restore = transition.poll().running("t").orElseThrow();
        assertEquals(10_000.0, restore.estimate().bytesPerSecond());
        assertEquals(10.0, restore.estimate().windowSeconds());
        assertEquals(2, restore.samples().size());
    }

    @Test
    void countersThatGoBackwardsStartTheWindowAgain() {
        poll(0, job(7, "t", "RESTORING", 500, 5));
        poll(5, job(7, "t", "RESTORING", 1_000, 10));
        RestoresPoll retried = poll(5, job(7, "t", "RESTORING", 200, 2));
        assertEquals(1, retried.running("t").orElseThrow().samples().size());
        assertNull(retried.running("t").orElseThrow().estimate());
    }

    @Test
    void aJobThatEndsIsListedWithItsFinalRowForTheRateWindow() {
        poll(0, job(7, "t", "RESTORING", 100, 1));
        assertEquals(Set.of(7L), state.jobsToLookUp(), "the next poll reads job 7's history row");
        RestoresPoll ended = poll(2, List.of(), List.of(job(7, "t", "SUCCESS", 1_000_000, 100)), List.of());
        assertTrue(ended.running().isEmpty());
        assertEquals("SUCCESS", ended.ended("t").orElseThrow().status());
        assertEquals(Set.of(), state.jobsToLookUp(), "found: no more look-ups");
        assertTrue(poll(298).ended("t").isPresent(), "still listed within the window");
        assertFalse(poll(3).ended("t").isPresent(), "gone after it");
    }

    @Test
    void aVanishedJobIsLookedForTenPollsThenForgotten() {
        poll(0, job(7, "t", "RESTORING", 100, 1));
        for (int i = 0; i < FeedSettings.HISTORY_LOOKUPS; i++) {
            assertEquals(Set.of(7L), state.jobsToLookUp(), "look-up " + (i + 1));
            poll(2);
        }
        assertEquals(Set.of(), state.jobsToLookUp());
        RestoresPoll late = poll(2, List.of(), List.of(job(7, "t", "SUCCESS", 1, 1)), List.of());
        assertTrue(late.ended().isEmpty(), "a history row nobody asked for ends nothing");
    }

    @Test
    void anOrphanIsReportedOnlyWhenTwoPollsInARowShowIt() {
        assertTrue(poll(0, List.of(), List.of(), List.of(orphan("o"))).orphaned().isEmpty());
        assertEquals("o", poll(2, List.of(), List.of(), List.of(orphan("o"))).orphaned().get(0).tenantName());
        assertTrue(poll(2, List.of(), List.of(), List.of()).orphaned().isEmpty());
        assertTrue(poll(2, List.of(), List.of(), List.of(orphan("o"))).orphaned().isEmpty(), "a gap starts over");
    }

    @Test
    void chartsHoldAtMostSixtyEvenlySpreadSamplesOfTheWindowNewestIncluded() {
        for (int i = 0; i <= 200; i++) {
            poll(i == 0 ? 0 : 2, job(7, "t", "RESTORING", i * 10L, i));
        }
        List<ProgressSample> samples = poll(2, job(7, "t", "RESTORING", 2_010, 201)).running("t").orElseThrow().samples();
        assertEquals(JobTracker.MAX_CHART_SAMPLES, samples.size());
        assertEquals(2_010, samples.get(samples.size() - 1).bytes(), "the newest is in");
        assertTrue(now.toEpochMilli() - samples.get(0).time() <= Duration.ofMinutes(5).toMillis(), "within the window");
    }

    @Test
    void thePollIsANewValueTheStateBeforeItIsUnchanged() {
        poll(0, job(7, "t", "RESTORING", 100, 1));
        FeedState before = state;
        poll(2, job(7, "t", "RESTORING", 200, 2));
        assertEquals(1, before.trackers().get(7L).samples().size(), "the previous state did not change");
        assertEquals(2, state.trackers().get(7L).samples().size());
    }

    private static LogStream stream(long ls, String server, int status, long bytes) {
        String[] address = server.split(":");
        return new LogStream(ls, server, address[0], Long.parseLong(address[1]), LogStreamStatus.name(status), status,
                status == 0, LogStreamStatus.failed(status), 10, 0, 1000, bytes, 0, null, null,
                status == 13 ? -4016 : 0, OceanBaseErrors.name(status == 13 ? -4016 : 0), "", "", "");
    }

    /** One poll with log streams, {@code seconds} after the previous one. */
    private RestoresPoll pollWithStreams(long seconds, List<RestoreOverview> running, List<RestoreOverview> finished,
            Map<Long, List<LogStream>> streams) {
        nanos += seconds * SECOND;
        now = now.plusSeconds(seconds);
        FeedState.Transition transition = state.next(new PollRows(running, finished, List.of(), streams, true), nanos,
                now, ZONE);
        state = transition.state();
        return transition.poll();
    }

    @Test
    void aStalledJobNamesItsStreamsThatStoppedMovingAndTheirServers() {
        RestoreOverview job = job(7, "t", "RESTORING", 100, 1);
        LogStream done = stream(1, "10.0.0.11:2882", 0, 1000);
        LogStream stuck = stream(1001, "10.0.0.12:2882", 11, 300);
        LogStream moving = stream(1002, "10.0.0.13:2882", 11, 400);
        pollWithStreams(0, List.of(job), List.of(), Map.of(7L, List.of(done, stuck, moving)));
        // One stream moves for a while: the job is not stalled, although its counters stand still.
        RestoresPoll stillMoving = pollWithStreams(599, List.of(job), List.of(),
                Map.of(7L, List.of(done, stuck, stream(1002, "10.0.0.13:2882", 12, 400))));
        assertFalse(stillMoving.running("t").orElseThrow().diagnostics().stalled(), "a stream's new step is progress");
        PolledRestore polled = stillMoving.running("t").orElseThrow();
        assertEquals(3, polled.logStreamSummary().logStreams());
        assertEquals(1, polled.logStreamSummary().done());
        assertEquals(List.of(done, stuck, stream(1002, "10.0.0.13:2882", 12, 400)), polled.logStreams(),
                "as polled (the repository sorts them)");

        RestoresPoll stalled = pollWithStreams(600, List.of(job), List.of(),
                Map.of(7L, List.of(done, stuck, stream(1002, "10.0.0.13:2882", 12, 400))));
        Diagnostics diagnostics = stalled.running("t").orElseThrow().diagnostics();
        assertTrue(diagnostics.stalled());
        assertEquals(List.of(new StalledLogStream(1001, "10.0.0.12:2882", "RESTORE_MAJOR_DATA",
                        "2026-12-01T16:00:00+08:00"),
                new StalledLogStream(1002, "10.0.0.13:2882", "WAIT_RESTORE_MAJOR_DATA", "2026-12-01T16:09:59+08:00")),
                diagnostics.stalledLogStreams(), "the unfinished streams, slowest first, with when each last moved");
    }

    @Test
    void aJobThatEndsAsFailCarriesItsFailedStreams() {
        RestoreOverview job = job(7, "t", "RESTORING", 100, 1);
        pollWithStreams(0, List.of(job), List.of(), Map.of(7L, List.of(stream(1001, "10.0.0.12:2882", 11, 300))));
        LogStream failed = stream(1001, "10.0.0.12:2882", 13, 300);
        RestoresPoll ended = pollWithStreams(2, List.of(), List.of(job(7, "t", "FAIL", 100, 1)),
                Map.of(7L, List.of(failed)));
        assertEquals("FAIL", ended.ended("t").orElseThrow().status());
        assertEquals(List.of(failed), ended.endedLogStreams(7));
        assertEquals(List.of(failed), pollWithStreams(2, List.of(), List.of(), Map.of()).endedLogStreams(7),
                "kept with the ended job for the rate window");
    }

    @Test
    void aClusterWithoutLogStreamTablesHasNoSummary() {
        assertNull(poll(0, job(7, "t", "RESTORING", 100, 1)).running("t").orElseThrow().logStreamSummary());
    }
}
