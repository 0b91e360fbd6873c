package io.obrestore.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.support.Browser;
import io.obrestore.support.DashboardProfile;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.StatementCounter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fifty dashboard pages open in a real Chromium cost the database one statement per poll, as one page does. A browser
 * keeps at most six HTTP/1.1 connections per host and each page holds one stream, so the pages are spread over ten
 * loopback addresses (127.0.0.1 to 127.0.0.10), five pages each.
 */
@QuarkusTest
@Tag("reliability") // fifty browser pages: ./mvnw -B verify -Preliability
@TestProfile(DashboardProfile.class)
@WithTestResource(MariaDbTestResource.class)
class DashboardManyPagesTest {

    static final int PAGES = 50;

    @TestHTTPResource("/")
    URL root;

    @Test
    void fiftyOpenPagesCostOneStatementPerPoll() throws Exception {
        try (Browser browser = new Browser(); StatementCounter statements = new StatementCounter()) {
            browser.open(page(0));
            browser.visible("article.card[data-tenant='rt_running']");
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("obrestore_watch_subscribers") == 1);
            double[] one = statements.perPoll();

            for (int i = 1; i < PAGES; i++) {
                browser.openTab(page(i));
            }
            // Every page holds its stream open once it has shown the running restores.
            await().atMost(Duration.ofSeconds(60)).until(() -> Metrics.value("obrestore_watch_subscribers") == PAGES);
            browser.visible("article.card[data-tenant='rt_running']");
            double[] fifty = statements.perPoll();
            System.out.printf("DASHBOARD statements per poll: 1 page %.2f (%.1f/s), %d pages %.2f (%.1f/s)%n",
                    one[0], one[1], PAGES, fifty[0], fifty[1]);
            assertEquals(1.0, one[0], 0.1);
            assertEquals(1.0, fifty[0], 0.1);
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    private String page(int index) {
        return "http://127.0.0." + (1 + index / 5) + ":" + root.getPort() + "/dashboard/";
    }
}
