package io.obrestore.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.DashboardProfile;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.RestoreJobs;
import io.obrestore.support.StatementCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The restore gauges against the real fixture database, refreshed by the poller and never by a scrape. */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RestoreMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RUNNING = "{status=\"WAIT_TENANT_RESTORE_FINISH\",tenant=\"rt_running\"}";

    @Test
    void gaugesShowEveryRunningRestore() {
        await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_running") >= 2);
        assertEquals(0.4159, Metrics.value("obrestore_restore_progress_ratio" + RUNNING), 1e-9);
        assertEquals(0.375, Metrics.value("obrestore_restore_recover_progress_ratio" + RUNNING), 1e-9);
        // Printed as the view's percentage says, not 41.59 / 100 = 0.41590000000000005.
        assertTrue(Metrics.scrape().lines().anyMatch(line ->
                line.equals("obrestore_restore_progress_ratio" + RUNNING + " 0.4159")), Metrics.scrape());
        assertEquals(22333829939.0, Metrics.value("obrestore_restore_finished_bytes" + RUNNING));
        assertEquals(53687091200.0, Metrics.value("obrestore_restore_total_bytes" + RUNNING));
        assertEquals(612, Metrics.value("obrestore_restore_finished_tablets" + RUNNING));
        assertEquals(1536, Metrics.value("obrestore_restore_total_tablets" + RUNNING));
        assertEquals(OffsetDateTime.parse("2024-10-21T09:00:00.25+08:00").toEpochSecond() + 0.25,
                Metrics.value("obrestore_restore_start_time_seconds" + RUNNING), 1e-3);
        // rt_ghost runs too (CREATE_TENANT, no tenant yet); the tenant-side copy of job 11 is not a second series.
        assertTrue(Metrics.value("obrestore_restore_total_bytes{status=\"CREATE_TENANT\",tenant=\"rt_ghost\"}") == 0);
        assertFalse(Metrics.scrape().contains("RESTORE_WAIT_LS"), "TENANT_ID = 1 rows only");
    }

    @Test
    void logStreamsAreCountedPerTenantNeverPerStream() {
        await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_log_streams" + RUNNING) == 3);
        assertEquals(1, Metrics.value("obrestore_restore_log_streams_done" + RUNNING), "LS 1 on every server");
        assertEquals(0, Metrics.value("obrestore_restore_log_streams_failed" + RUNNING));
        String page = Metrics.scrape();
        assertFalse(page.contains("ls_id") || page.contains("10.10.10."), "no series per stream or server");
        // Present whether or not a stream failed yet (tests sharing this service may have failed one).
        assertTrue(Metrics.value("obrestore_restore_log_stream_failures_total") >= 0, "present from the start: "
                + page.lines().filter(line -> line.contains("log_stream")).toList());
    }

    @Test
    void gaugesFollowTheJobAndDisappearWhenItEnds() throws Exception {
        String series = "{status=\"WAIT_TENANT_RESTORE_FINISH\",tenant=\"metrics_move\"}";
        RestoreJobs.startRunning("metrics_move", 3110, 951);
        try {
            await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_finished_bytes" + series) == 100);
            RestoreJobs.advance("metrics_move", 750_000, 75);
            await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_finished_bytes" + series) == 750_000);
            assertEquals(75, Metrics.value("obrestore_restore_finished_tablets" + series));
            assertEquals(0.75, Metrics.value("obrestore_restore_progress_ratio" + series), 1e-9);
            RestoreJobs.finish("metrics_move", "SUCCESS");
            await().atMost(WAIT).until(() -> !Metrics.scrape().contains("tenant=\"metrics_move\""));
        } finally {
            RestoreJobs.remove("metrics_move");
        }
    }

    @Test
    void aSeriesNeverBlinksOutBetweenPolls() {
        await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_running") >= 2);
        double pollsBefore = Metrics.value("obrestore_watch_polls_total");
        int scrapes = 0;
        // Scrapes across at least 20 polls: every one must see every series of the running job.
        while (Metrics.value("obrestore_watch_polls_total") < pollsBefore + 20) {
            String page = Metrics.scrape();
            scrapes++;
            for (String gauge : new String[] {"obrestore_restore_progress_ratio", "obrestore_restore_recover_progress_ratio",
                "obrestore_restore_finished_bytes", "obrestore_restore_total_tablets"}) {
                assertTrue(page.contains(gauge + RUNNING), gauge + " missing in scrape " + scrapes);
            }
        }
        assertTrue(scrapes > 20, "scraped " + scrapes + " times");
    }

    @Test
    void aScrapeNeverQueriesTheDatabase() throws Exception {
        try (StatementCounter statements = new StatementCounter()) {
            double pollsBefore = Metrics.value("obrestore_watch_polls_total");
            long before = statements.read();
            for (int i = 0; i < 50; i++) {
                Metrics.scrape();
            }
            long executed = statements.since(before);
            double polls = Metrics.value("obrestore_watch_polls_total") - pollsBefore;
            System.out.printf("WATCH 50 scrapes: %d statements, %.0f polls%n", executed, polls);
            // Every statement in the window is a poll's (at most one poll straddles each end of the window).
            assertTrue(executed <= polls + 1, executed + " statements for " + polls + " polls and 50 scrapes");
        }
    }

    @Test
    void noSecretReachesTheMetrics() {
        await().atMost(WAIT).until(() -> Metrics.value("obrestore_restore_running") >= 1);
        String page = Metrics.scrape();
        for (String marker : new String[] {"SECRET", "FAKE", "access_key", "access_id"}) {
            assertFalse(page.contains(marker), marker);
        }
    }
}
