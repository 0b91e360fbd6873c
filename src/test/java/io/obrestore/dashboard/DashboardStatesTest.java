package io.obrestore.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Browser;
import io.obrestore.support.DashboardProfile;
import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.RestoreJobs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's states in a real headless Chromium: the detail chart's axis, how finished and empty jobs look, a
 * failed restore, a tenant that does not exist or never restored, one kind of size unit, figures on one line.
 */
@QuarkusTest
@TestProfile(DashboardStatesTest.FreshFeed.class)
@WithTestResource(MariaDbTestResource.class)
class DashboardStatesTest {

    /**
     * The dashboard profile in an application of its own, so its feed has seen none of the jobs other classes ended
     * and deleted (they stay on the feed's list of ended jobs for the rate window, and a page may add them to the
     * finished table these tests count: DashboardPageTest's runs just before).
     */
    public static class FreshFeed extends DashboardProfile {
    }

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;
    private List<String> expectedConsoleErrors = List.of();

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void noOtherConsoleErrors() {
        List<String> errors = browser.consoleErrors();
        assertEquals(expectedConsoleErrors.size(), errors.size(), errors.toString());
        for (int i = 0; i < errors.size(); i++) {
            assertTrue(errors.get(i).contains(expectedConsoleErrors.get(i)), errors.toString());
        }
    }

    private long indeterminateBars() {
        return (Long) browser.script("return document.querySelectorAll('progress:indeterminate').length;");
    }

    @Test
    void theDetailChartDrawsTheFeedsSamplesWithTicksThatNeverRepeat() throws Exception {
        RestoreJobs.startRunning("ui_chart", 3310, 971);
        try {
            browser.open(root + "dashboard/#/tenant/ui_chart");
            browser.visible("#detail-progress progress.bytes");
            for (int step = 1; step <= 4; step++) {
                double polls = Metrics.value("obrestore_watch_polls_total");
                await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("obrestore_watch_polls_total") >= polls + 5);
                RestoreJobs.advance("ui_chart", step * 200_000L, step * 20L);
                int percent = step * 20;
                browser.until(d -> browser.progress("#detail-progress progress.bytes") == percent);
            }
            String ticks = (String) browser.until(d -> browser.script(
                    "const c = document.querySelector('#detail-chart');"
                            + " return c && c.dataset.ticks && JSON.parse(c.dataset.ticks).length >= 2 ? c.dataset.ticks : null;"));
            JsonNode labels = Json.parse(ticks);
            HashSet<String> distinct = new HashSet<>();
            labels.forEach(label -> distinct.add(label.asText()));
            assertEquals(labels.size(), distinct.size(), "no x label repeats: " + ticks);
            assertTrue(labels.get(0).asText().matches("\\d{2}:\\d{2}(:\\d{2})?"), ticks);
        } finally {
            RestoreJobs.remove("ui_chart");
        }
    }

    @Test
    void finishedAndEmptyJobsShowNoPartialBarAndAFailureIsRed() {
        browser.open(root + "dashboard/#/tenant/rt2");
        browser.until(d -> "SUCCESS".equals(browser.text("#detail-status")));
        assertEquals(0, indeterminateBars());
        assertEquals(100.0, browser.progress("#detail-progress progress.bytes.done"), 1e-9);
        assertEquals(100.0, browser.progress("#detail-progress progress.tablets.done"), 1e-9);
        assertEquals("done", browser.script("return document.querySelector('#connection').dataset.state;"));

        browser.open(root + "dashboard/#/tenant/rt_failed");
        browser.until(d -> "FAIL".equals(browser.text("#detail-status")));
        assertEquals(0, indeterminateBars());
        assertEquals("failed", browser.script("return document.querySelector('#connection').dataset.state;"),
                "a failed restore is no green 'finished'");
        assertEquals("restore failed", browser.text("#connection"));
        assertFalse(browser.findAll("#detail-progress progress.failed").isEmpty());

        // rt_ghost's job has nothing to restore yet (CREATE_TENANT): its card shows empty bars, not moving ones.
        browser.open(root + "dashboard/");
        browser.visible("article.card[data-tenant='rt_ghost']");
        assertEquals(0, indeterminateBars());
    }

    @Test
    void aTenantThatDoesNotExistOrNeverRestoredSaysSo() {
        browser.open(root + "dashboard/#/tenant/no_such_tenant");
        browser.until(d -> "no such tenant".equals(browser.text("#detail-status")));
        assertEquals("Tenant 'no_such_tenant' does not exist.", browser.text("#detail-error"));
        assertEquals("error", browser.script("return document.querySelector('#connection').dataset.state;"));
        assertEquals("not found", browser.text("#connection"));

        browser.open(root + "dashboard/#/tenant/tenant1");
        browser.until(d -> "never restored".equals(browser.text("#detail-status")));
        assertEquals("Element not found: restore task", browser.text("#detail-error"));
        // The browser reports each refused request once; nothing else went wrong.
        expectedConsoleErrors = List.of("status of 400", "status of 404");
    }

    @Test
    void sizesAreInBinaryUnitsAndFiguresStayOnOneLine() {
        browser.open(root + "dashboard/");
        browser.until(d -> browser.findAll("#finished tr").size() == 11);
        browser.visible("article.card[data-tenant='rt_running']");
        for (String size : browser.texts("#finished tr td:nth-child(7)")) {
            assertTrue(size.matches("[0-9.]+ (B|KiB|MiB|GiB|TiB)"), size);
        }
        String page = browser.text("#list-view");
        assertFalse(page.matches("(?s).*\\d(KB|MB|GB|TB)\\b.*"), "decimal-looking units on the page: " + page);
        assertTrue(page.contains("Sizes in binary units (1 GiB = 1024³ bytes)"), "the page says which");
        Object wrapped = browser.script("return Array.from(document.querySelectorAll('.bar .figure'))"
                + ".filter(e => e.getBoundingClientRect().height > parseFloat(getComputedStyle(e).fontSize) * 1.8)"
                + ".map(e => e.innerText);");
        assertEquals(List.of(), wrapped, "figures that wrap");
        assertTrue(browser.text("article.card[data-tenant='rt_running'] .bar .figure").contains("20.8 GiB / 50.0 GiB · 41.59%"));
    }

    @Test
    void theDateFiltersAreIsoOnTheClustersClockNotTheBrowsersLocale() {
        browser.open(root + "dashboard/");
        browser.until(d -> browser.findAll("#finished tr").size() == 11);
        assertEquals("text", browser.find("#filter-from").getAttribute("type"), "no mm/dd/yyyy picker");
        assertEquals("2024-10-21 09:00", browser.find("#filter-from").getAttribute("placeholder"));
        // The fixture's times are on +08:00: a day there, whatever the browser's zone (UTC here).
        browser.find("#filter-from").sendKeys("2024-10-17");
        browser.find("#filter-to").sendKeys("2024-10-17");
        browser.find("#finished-filter button[type='submit']").click();
        browser.until(d -> browser.texts("#finished tr td:nth-child(4)").stream()
                .allMatch(started -> started.startsWith("2024-10-17 ")) && !browser.findAll("#finished tr").isEmpty());
        assertTrue(browser.texts("#finished tr td:nth-child(2)").contains("6"), "rt_failed's job 6 started that day");

        browser.find("#filter-from").clear();
        browser.find("#filter-from").sendKeys("10/17/2024");
        browser.find("#finished-filter button[type='submit']").click();
        browser.visible("#filter-error");
        assertTrue(browser.text("#filter-error").contains("2024-10-21 09:00"), browser.text("#filter-error"));
    }

    @Test
    void tableFiguresStayOnOneLineAt1400Pixels() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        try {
            browser.open(root + "dashboard/");
            browser.until(d -> browser.findAll("#finished tr").size() == 11);
            // A cell whose text takes more than one line box wrapped (the cell's own height is the row's).
            Object wrapped = browser.script("return Array.from(document.querySelectorAll('#finished td.num'))"
                    + ".filter(e => { const r = document.createRange(); r.selectNodeContents(e);"
                    + " return new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top))).size > 1; })"
                    + ".map(e => e.innerText);");
            assertEquals(List.of(), wrapped, "cells that wrap");
            assertTrue(browser.texts("#finished td.num").stream().anyMatch(text -> text.matches("\\d+ min \\d{2} s")),
                    browser.texts("#finished td.num").toString());
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        }
    }

    @Test
    void whenTheTaskListFailsThePagerTurnsNoPage() throws Exception {
        try (java.sql.Connection admin = io.obrestore.support.TestDatabase.admin();
                java.sql.Statement sql = admin.createStatement()) {
            sql.execute("RENAME TABLE oceanbase.CDB_OB_RESTORE_HISTORY TO oceanbase.CDB_OB_RESTORE_HISTORY_AWAY");
            try {
                browser.open(root + "dashboard/");
                browser.visible("#list-error");
                // Jobs that ended within the rate window may still be listed (the stream tells of them): the pager
                // must not pretend to know pages of a list that did not load.
                browser.until(d -> !browser.find("#page-prev").isEnabled() && browser.text("#page-info").isEmpty());
                assertFalse(browser.find("#page-prev").isEnabled(), "nothing to page through");
                assertFalse(browser.find("#page-next").isEnabled(), "nothing to page through");
                assertEquals("", browser.text("#page-info"));
            } finally {
                sql.execute("RENAME TABLE oceanbase.CDB_OB_RESTORE_HISTORY_AWAY TO oceanbase.CDB_OB_RESTORE_HISTORY");
            }
        }
        expectedConsoleErrors = List.of("status of 500");
        browser.open(root + "dashboard/");
        browser.until(d -> browser.text("#page-info").startsWith("page 1 of "));
    }
}
