package io.obrestore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.support.Browser;
import io.obrestore.support.DashboardProfile;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.RestoreJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in a real headless Chromium against the real fixture database, with no password configured:
 * what it shows, that it moves with the database, that free text stays text, and that the console stays clean.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@WithTestResource(MariaDbTestResource.class)
// The tests that end a job run last: a job a test ends and then deletes stays on the feed's list of ended jobs for
// the rate window (5 min), a state OceanBase never shows (its history keeps every job), and a page opened meanwhile
// may add it to the finished table the other tests count.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPageTest {

    /** Where the suite leaves the page as it looked (docs/dashboard.png in the README is one of these). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** After every test without {@code @Order} (JUnit's default order is {@code Integer.MAX_VALUE / 2}). */
    private static final int ENDS_A_JOB = Integer.MAX_VALUE;

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noConsoleErrors() {
        // Script errors, Content-Security-Policy violations and failed loads are all SEVERE console entries.
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theRootOpensTheDashboardWithRunningOrphanedAndFinishedRestores() throws Exception {
        browser.open(root.toString());
        String running = "article.card[data-tenant='rt_running']";
        browser.visible(running);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/dashboard/"), browser.driver().getCurrentUrl());
        assertFalse(browser.find("#login").isDisplayed(), "no password configured: no form");
        assertEquals(41.59, browser.progress(running + " progress.bytes"), 1e-9);
        assertEquals(100.0 * 612 / 1536, browser.progress(running + " progress.tablets"), 1e-9);
        assertEquals(37.5, browser.progress(running + " progress.recover"), 1e-9);
        assertEquals("WAIT_TENANT_RESTORE_FINISH", browser.text(running + " .badge.status"));
        String card = browser.text(running);
        assertTrue(card.contains("20.8 GiB / 50.0 GiB"), card);
        browser.visible("article.card[data-tenant='rt_ghost']");

        // rt_failed: RESTORE status, no running job. rt_running is in RESTORE status too, but its job runs.
        browser.visible("#orphans tr[data-tenant='rt_failed']");
        assertEquals("orphaned", browser.text("#orphans tr[data-tenant='rt_failed'] .badge.orphaned"));
        assertEquals(1, browser.findAll("#orphans tr").size());

        browser.until(d -> browser.findAll("#finished tr").size() == 11);
        assertEquals("10", browser.text("#finished tr:first-child td:nth-child(2)"), "newest start first");
        assertEquals("page 1 of 1 · 11 restores", browser.text("#page-info"));
        browser.screenshot(SCREENSHOTS.resolve("dashboard.png"));

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(root + "dashboard/")).build(), HttpResponse.BodyHandlers.ofString());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertFalse(page.body().contains("<script>") || page.body().contains("style="), "no inline script or style");
    }

    @Test
    void theFinishedRestoresAreFilteredAndPaged() {
        browser.open(root + "dashboard/");
        browser.until(d -> browser.findAll("#finished tr").size() == 11);
        new org.openqa.selenium.support.ui.Select(browser.find("#filter-status")).selectByValue("FAIL");
        new org.openqa.selenium.support.ui.Select(browser.find("#filter-size")).selectByValue("10");
        browser.find("#finished-filter button[type='submit']").click();
        browser.until(d -> browser.text("#page-info").equals("page 1 of 1 · 6 restores"));
        assertEquals(List.of("FAIL"), browser.texts("#finished tr .badge").stream().distinct().toList());
        new org.openqa.selenium.support.ui.Select(browser.find("#filter-status")).selectByValue("SUCCESS,FAIL");
        browser.find("#finished-filter button[type='submit']").click();
        browser.until(d -> browser.text("#page-info").equals("page 1 of 2 · 11 restores"));
        assertEquals(10, browser.findAll("#finished tr").size());
        browser.find("#page-next").click();
        browser.until(d -> browser.text("#page-info").equals("page 2 of 2 · 11 restores"));
        assertEquals("13", browser.text("#finished tr td:nth-child(2)"), "the oldest, last");
        assertFalse(browser.find("#page-next").isEnabled());
    }

    @Test
    void freeTextIsShownAsTextAndNothingRuns() {
        browser.open(root + "dashboard/");
        browser.visible("#finished tr[data-job='13']");
        String comment = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> &lt;kept&gt;"
                + " \"double\" 'single'";
        assertEquals(comment, browser.text("#finished tr[data-job='13'] td.comment"));
        assertNothingRan();

        browser.open(root + "dashboard/#/tenant/rt_xss");
        browser.visible("#detail-fields tr[data-field='description'] td");
        assertEquals("<b onmouseover=\"window.__xss=3\">drill</b>",
                browser.text("#detail-fields tr[data-field='description'] td"));
        assertEquals(comment, browser.text("#detail-fields tr[data-field='comment'] td"));
        assertEquals("FAIL", browser.text("#detail-status"));
        assertTrue(browser.findAll("#detail-fields b").isEmpty(), "the markup is text, not an element");
        assertNothingRan();
    }

    @Test
    @Order(ENDS_A_JOB)
    void aRestoreAdvancedWithSqlMovesItsBarWithoutReloadThenShowsSuccess() throws Exception {
        RestoreJobs.startRunning("ui_move", 3210, 961);
        try {
            browser.open(root + "dashboard/");
            String card = "article.card[data-tenant='ui_move']";
            browser.visible(card);
            assertEquals(0.01, browser.progress(card + " progress.bytes"), 1e-9);
            browser.script("window.__sameDocument = true;");

            RestoreJobs.advance("ui_move", 500_000, 50);
            browser.until(d -> browser.progress(card + " progress.bytes") == 50.0);
            assertEquals(50.0, browser.progress(card + " progress.tablets"), 1e-9);
            assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "no reload");

            RestoreJobs.finish("ui_move", "SUCCESS");
            browser.visible("#finished tr[data-job='961']");
            assertEquals("SUCCESS", browser.text("#finished tr[data-job='961'] .badge"));
            browser.until(d -> browser.findAll(card).isEmpty());
            assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "still no reload");

            browser.open(root + "dashboard/#/tenant/ui_move");
            browser.until(d -> "SUCCESS".equals(browser.text("#detail-status")));
            assertEquals("961", browser.text("#detail-fields tr[data-field='job_id'] td"));
        } finally {
            RestoreJobs.remove("ui_move");
        }
    }

    @Test
    void aRestoreThatStopsMovingIsMarkedStalled() throws Exception {
        RestoreJobs.startRunning("ui_stall", 3212, 962);
        try {
            browser.open(root + "dashboard/");
            String card = "article.card[data-tenant='ui_stall']";
            browser.visible(card);
            // stall-after is 3 s in this profile; the job never changes.
            browser.until(d -> !browser.findAll(card + " .badge.stalled").isEmpty());
            assertFalse(browser.findAll(card + ".is-stalled").isEmpty());
            String note = browser.text(card + " .stall-note");
            assertTrue(note.startsWith("No progress since "), note);

            browser.open(root + "dashboard/#/tenant/ui_stall");
            browser.visible("#detail-stalled");
            assertEquals(32, browser.findAll("#detail-fields tr").size(), "every overview field");
            // The SCN is exact, not rounded through a double.
            assertEquals("1729470600123456789",
                    browser.text("#detail-fields tr[data-field='restore_scn'] td"));
        } finally {
            RestoreJobs.remove("ui_stall");
        }
    }

    @Test
    @Order(ENDS_A_JOB)
    void theDetailPageShowsTheLogStreamsFailedAndSlowestFirstAndTheCardCountsThem() throws Exception {
        String name = "ui_streams";
        RestoreJobs.startRunning(name, 3214, 963);
        try {
            RestoreJobs.addLogStream(name, 1, "10.0.0.11:2882", OceanBaseRestoreRows.LS_NONE, 10, 10, 1000, 1000);
            RestoreJobs.addLogStream(name, 1001, "10.0.0.12:2882", OceanBaseRestoreRows.LS_NONE, 40, 40, 524_288,
                    524_288);
            RestoreJobs.addLogStream(name, 1001, "10.0.0.11:2882", OceanBaseRestoreRows.LS_NONE, 40, 40, 524_288,
                    524_288);
            RestoreJobs.addLogStream(name, 1002, "10.0.0.13:2882", OceanBaseRestoreRows.LS_RESTORE_MAJOR_DATA, 50, 20,
                    1_048_576, 524_288);
            RestoreJobs.addLogStream(name, 1002, "10.0.0.14:2882", OceanBaseRestoreRows.LS_QUICK_RESTORE, 50, 5,
                    1_048_576, 0);
            // OceanBase's message is free text: markup in it must stay text.
            RestoreJobs.failLogStream(name, 1002, "10.0.0.13:2882", -4016,
                    "<img src=x onerror=\"window.__xss=5\">Internal error", "YB42-UI-FAILED");

            browser.open(root + "dashboard/");
            String card = "article.card[data-tenant='" + name + "'] .log-streams";
            browser.until(d -> browser.findAll(card).stream().anyMatch(e -> e.isDisplayed()));
            assertEquals("2 of 3 log streams done, 1 failed on 10.0.0.13:2882", browser.text(card));

            browser.open(root + "dashboard/#/tenant/" + name);
            browser.until(d -> browser.findAll("#detail-log-streams tr").size() == 5);
            assertEquals("(2 of 3 log streams done, 1 failed on 10.0.0.13:2882)", browser.text("#detail-ls-summary"));
            assertEquals(List.of("1002", "1002", "1", "1001", "1001"), browser.texts("#detail-log-streams tr td:nth-child(1)"));
            assertEquals(List.of("10.0.0.13:2882", "10.0.0.14:2882", "10.0.0.11:2882", "10.0.0.11:2882",
                    "10.0.0.12:2882"), browser.texts("#detail-log-streams tr td:nth-child(2)"));
            String failed = "#detail-log-streams tr.failed";
            assertEquals("RESTORE_FAILED (13)", browser.text(failed + " td.step"));
            assertEquals("OB_ERR_UNEXPECTED (-4016)", browser.text(failed + " td.result"));
            assertEquals("(SERVER)ls_id: 1002, addr: 10.0.0.13:2882, module: RESTORE_DATA, result: -4016(<img src=x"
                    + " onerror=\"window.__xss=5\">Internal error), trace_id: YB42-UI-FAILED\ntrace YB42-UI-FAILED",
                    browser.text(failed + " td.comment"));
            assertEquals("QUICK_RESTORE (8)", browser.text("#detail-log-streams tr:nth-child(2) td.step"));
            assertEquals("5 / 50", browser.text("#detail-log-streams tr:nth-child(2) td:nth-child(4)"));
            assertEquals("0 B / 1.00 MiB", browser.text("#detail-log-streams tr:nth-child(2) td:nth-child(5)"));
            assertNothingRan();

            RestoreJobs.finish(name, "FAIL");
            browser.until(d -> "FAIL".equals(browser.text("#detail-status")));
            // Once over, the whole table comes from where OceanBase keeps a failed job's streams.
            browser.until(d -> browser.text("#detail-ls-note").contains("__all_ls_restore_progress"));
            assertTrue(browser.text("#detail-ls-note").contains("the job's own failure reason: (SERVER)ls_id: 1002"),
                    browser.text("#detail-ls-note"));
            assertEquals(5, browser.findAll("#detail-log-streams tr").size());
            assertNothingRan();
        } finally {
            RestoreJobs.remove(name);
        }
    }

    @Test
    void aFinishedRestoreShowsItsLogStreamsFromWhereOceanBaseKeepsThem() {
        browser.open(root + "dashboard/#/tenant/rt2");
        browser.until(d -> browser.findAll("#detail-log-streams tr").size() == 2);
        assertTrue(browser.text("#detail-ls-note").contains("from __all_ls_restore_history"));
        assertEquals(List.of("NONE (0)", "NONE (0)"), browser.texts("#detail-log-streams td.step"));

        browser.open(root + "dashboard/#/tenant/rt_failed");
        browser.until(d -> browser.findAll("#detail-log-streams tr").size() == 9);
        assertEquals("1002", browser.text("#detail-log-streams tr.failed td:nth-child(1)"));
        assertEquals("10.10.10.3:2882", browser.text("#detail-log-streams tr.failed td:nth-child(2)"));
        assertEquals("OB_ERR_UNEXPECTED (-4016)", browser.text("#detail-log-streams tr.failed td.result"));
        assertEquals("(1 of 3 log streams done, 1 failed on 10.10.10.3:2882)", browser.text("#detail-ls-summary"));
    }

    private static void assertNothingRan() {
        assertEquals(Boolean.TRUE, browser.script("return window.__xss === undefined;"), "no injected script ran");
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "no injected element");
        assertTrue(browser.findAll("main script").isEmpty(), "no injected script element");
    }
}
