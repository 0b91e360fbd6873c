package io.obrestore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against the real fixture database, with no password configured:
 * what it shows, that it moves with the database, that free text stays text, and that the console stays clean.
 */
@QuarkusTest
@TestProfile(DashboardProfile.class)
@WithTestResource(MariaDbTestResource.class)
class DashboardPageTest {

    /** Where the suite leaves the page as it looked (docs/dashboard.png in the README is one of these). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        WebElement running = browser.visible("article.card[data-tenant='rt_running']");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/dashboard/"), browser.driver().getCurrentUrl());
        assertFalse(browser.find("#login").isDisplayed(), "no password configured: no form");
        assertEquals(41.6, progress(running, "bytes"), 1e-9);
        assertEquals(100.0 * 612 / 1536, progress(running, "tablets"), 1e-9);
        assertEquals(37.5, progress(running, "recover"), 1e-9);
        assertEquals("WAIT_TENANT_RESTORE_FINISH", running.findElement(By.cssSelector(".badge.status")).getText());
        assertTrue(running.getText().contains("20.8 GiB / 50.0 GiB"), running.getText());
        browser.visible("article.card[data-tenant='rt_ghost']");

        // rt_failed: RESTORE status, no running job. rt_running is in RESTORE status too, but its job runs.
        WebElement orphan = browser.visible("#orphans tr[data-tenant='rt_failed']");
        assertEquals("orphaned", orphan.findElement(By.cssSelector(".badge.orphaned")).getText());
        assertEquals(1, browser.findAll("#orphans tr").size());

        browser.until(d -> browser.findAll("#finished tr").size() == 11);
        assertEquals("10", browser.find("#finished tr:first-child td:nth-child(2)").getText(), "newest start first");
        assertEquals("page 1 of 1 · 11 restores", browser.find("#page-info").getText());
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
        browser.until(d -> browser.find("#page-info").getText().equals("page 1 of 1 · 6 restores"));
        for (WebElement status : browser.findAll("#finished tr .badge")) {
            assertEquals("FAIL", status.getText());
        }
        new org.openqa.selenium.support.ui.Select(browser.find("#filter-status")).selectByValue("SUCCESS,FAIL");
        browser.find("#finished-filter button[type='submit']").click();
        browser.until(d -> browser.find("#page-info").getText().equals("page 1 of 2 · 11 restores"));
        assertEquals(10, browser.findAll("#finished tr").size());
        browser.find("#page-next").click();
        browser.until(d -> browser.find("#page-info").getText().equals("page 2 of 2 · 11 restores"));
        assertEquals("13", browser.find("#finished tr td:nth-child(2)").getText(), "the oldest, last");
        assertFalse(browser.find("#page-next").isEnabled());
    }

    @Test
    void freeTextIsShownAsTextAndNothingRuns() {
        browser.open(root + "dashboard/");
        WebElement row = browser.visible("#finished tr[data-job='13']");
        String comment = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> &lt;kept&gt;"
                + " \"double\" 'single'";
        assertEquals(comment, row.findElement(By.cssSelector("td.comment")).getText());
        assertNothingRan();

        browser.open(root + "dashboard/#/tenant/rt_xss");
        WebElement description = browser.visible("#detail-fields tr[data-field='description'] td");
        assertEquals("<b onmouseover=\"window.__xss=3\">drill</b>", description.getText());
        assertEquals(comment, browser.find("#detail-fields tr[data-field='comment'] td").getText());
        assertEquals("FAIL", browser.find("#detail-status").getText());
        assertTrue(browser.findAll("#detail-fields b").isEmpty(), "the markup is text, not an element");
        assertNothingRan();
    }

    @Test
    void aRestoreAdvancedWithSqlMovesItsBarWithoutReloadThenShowsSuccess() throws Exception {
        RestoreJobs.startRunning("ui_move", 3201, 961);
        try {
            browser.open(root + "dashboard/");
            WebElement card = browser.visible("article.card[data-tenant='ui_move']");
            assertEquals(0.01, progress(card, "bytes"), 1e-9);
            browser.script("window.__sameDocument = true;");

            RestoreJobs.advance("ui_move", 500_000, 50);
            browser.until(d -> progress(browser.find("article.card[data-tenant='ui_move']"), "bytes") == 50.0);
            assertEquals(50.0, progress(browser.find("article.card[data-tenant='ui_move']"), "tablets"), 1e-9);
            assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "no reload");

            RestoreJobs.finish("ui_move", "SUCCESS");
            WebElement finished = browser.visible("#finished tr[data-job='961']");
            assertEquals("SUCCESS", finished.findElement(By.cssSelector(".badge")).getText());
            browser.until(d -> browser.findAll("article.card[data-tenant='ui_move']").isEmpty());
            assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "still no reload");

            browser.open(root + "dashboard/#/tenant/ui_move");
            browser.until(d -> "SUCCESS".equals(browser.find("#detail-status").getText()));
            assertEquals("961", browser.find("#detail-fields tr[data-field='job_id'] td").getText());
        } finally {
            RestoreJobs.remove("ui_move");
        }
    }

    @Test
    void aRestoreThatStopsMovingIsMarkedStalled() throws Exception {
        RestoreJobs.startRunning("ui_stall", 3202, 962);
        try {
            browser.open(root + "dashboard/");
            WebElement card = browser.visible("article.card[data-tenant='ui_stall']");
            // stall-after is 3 s in this profile; the job never changes.
            browser.until(d -> !card.findElements(By.cssSelector(".badge.stalled")).isEmpty());
            assertTrue(card.getAttribute("class").contains("is-stalled"));
            assertTrue(card.findElement(By.cssSelector(".stall-note")).getText().startsWith("No progress since "));

            browser.open(root + "dashboard/#/tenant/ui_stall");
            browser.visible("#detail-stalled");
            assertEquals(32, browser.findAll("#detail-fields tr").size(), "every overview field");
            // The SCN is exact, not rounded through a double.
            assertEquals("1729470600123456789",
                    browser.find("#detail-fields tr[data-field='restore_scn'] td").getText());
        } finally {
            RestoreJobs.remove("ui_stall");
        }
    }

    private static double progress(WebElement card, String kind) {
        return Double.parseDouble(card.findElement(By.cssSelector("progress." + kind)).getDomProperty("value"));
    }

    private static void assertNothingRan() {
        assertEquals(Boolean.TRUE, browser.script("return window.__xss === undefined;"), "no injected script ran");
        assertTrue(browser.findAll("img[src='x']").isEmpty(), "no injected element");
        assertTrue(browser.findAll("main script").isEmpty(), "no injected script element");
    }
}
