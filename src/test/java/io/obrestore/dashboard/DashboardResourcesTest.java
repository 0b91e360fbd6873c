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

    @Test
    void thePageLearnsWhetherToAskForAPassword() {
        given().get("/dashboard/auth.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body(containsString("\"password_required\":false"));
    }
}
