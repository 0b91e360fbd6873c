package io.obrestore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.Browser;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dashboard when a password is configured, in a real headless Chromium: it asks for the password, builds obshell's
 * X-OCS-Header per request in the browser (jsencrypt, PKCS#1 v1.5, as the Go SDK: 53-byte chunks, "Keys":null), shows
 * obshell's own message for a wrong password, and keeps the password in memory only.
 */
@QuarkusTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class DashboardAuthTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void askesForThePasswordChecksItAndKeepsItInMemoryOnly() {
        try (Browser browser = new Browser()) {
            browser.open(root + "dashboard/");
            browser.visible("#login");
            assertFalse(browser.find("#list-view").isDisplayed(), "nothing is shown before the password");

            signIn(browser, "not-the-password");
            browser.visible("#login-error");
            assertEquals("Unauthorized: OceanBase password is incorrect", browser.text("#login-error"));
            List<String> errors = browser.consoleErrors();
            // The one failed request is the browser's own note of the refused stream, nothing else.
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains("/api/v1/restore/running/stream") && errors.get(0).contains("401"),
                    errors.toString());

            signIn(browser, AuthEnabledProfile.PASSWORD);
            browser.visible("article.card[data-tenant='rt_running']");
            browser.until(d -> browser.findAll("#finished tr").size() == 11);
            assertFalse(browser.find("#login").isDisplayed());

            // Every request gets a fresh header (the service refuses replays): the detail stream works too.
            browser.open(root + "dashboard/#/tenant/rt2");
            browser.until(d -> "SUCCESS".equals(browser.text("#detail-status")));
            assertEquals(0L, browser.script("return localStorage.length + sessionStorage.length;"));
            assertEquals("", browser.script("return document.cookie;"));

            // The password lived in the page's memory only: a reload asks again.
            browser.driver().navigate().refresh();
            browser.visible("#login");
            signIn(browser, AuthEnabledProfile.PASSWORD);
            browser.until(d -> "SUCCESS".equals(browser.text("#detail-status")));

            browser.find("#sign-out").click();
            browser.visible("#login");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    private static void signIn(Browser browser, String password) {
        browser.find("#password").clear();
        browser.find("#password").sendKeys(password);
        browser.find("#login-submit").click();
    }
}
