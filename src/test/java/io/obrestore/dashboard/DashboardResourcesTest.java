package io.obrestore.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's files, its libraries from their WebJars, and its routes, as the service (and the jar, in the IT) serve them. */
@QuarkusTest
@WithTestResource(MariaDbTestResource.class)
class DashboardResourcesTest {

    @Test
    void theRootRedirectsToTheDashboard() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/dashboard/");
        given().redirects().follow(false).get("/dashboard").then().statusCode(302).header("Location", "/dashboard/");
    }

    @Test
    void thePageItsScriptsAndItsLibrariesAreServed() {
        given().get("/dashboard/").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<script src=\"app.js\" type=\"module\"></script>"));
        for (String path : new String[] {"/dashboard/app.js", "/dashboard/api.js", "/dashboard/format.js"}) {
            given().get(path).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/dashboard/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().get("/webjars/jsencrypt/bin/jsencrypt.min.js").then().statusCode(200)
                .body(containsString("JSEncrypt"));
        given().get("/webjars/uplot/dist/uPlot.esm.js").then().statusCode(200).body(containsString("export"));
        given().get("/webjars/uplot/dist/uPlot.min.css").then().statusCode(200);
    }

    /** A fixed dashboard reaches users at their next load: its files are revalidated, never kept as immutable. */
    @Test
    void thePageIsRevalidatedOnEveryLoad() {
        for (String path : new String[] {"/dashboard/", "/dashboard/index.html", "/dashboard/app.js"}) {
            String cacheControl = given().get(path).then().statusCode(200).extract().header("Cache-Control");
            org.junit.jupiter.api.Assertions.assertFalse(cacheControl != null && cacheControl.contains("immutable"),
                    path + ": " + cacheControl);
            org.junit.jupiter.api.Assertions.assertTrue(cacheControl == null || cacheControl.contains("max-age=0")
                    || cacheControl.contains("no-cache"), path + ": " + cacheControl);
        }
    }

    /** API answers hold restore state: never stored by a browser or a proxy. */
    @Test
    void apiAnswersAreNeverStored() {
        for (String path : new String[] {"/api/v1/info", "/api/v1/secret", "/api/v1/tenant/rt2/restore/overview",
            "/api/v1/tenant/no_such/restore/overview", "/api/v1/nope", "/api/v1/tenant/rt2/restore/overview/stream"}) {
            given().get(path).then().header("Cache-Control", "no-store");
        }
    }

    @Test
    void thePageLearnsWhetherToAskForAPassword() {
        given().get("/dashboard/auth.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body(containsString("\"password_required\":false"));
    }
}
