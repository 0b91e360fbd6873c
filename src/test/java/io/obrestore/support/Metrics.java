package io.obrestore.support;

import static io.obrestore.support.Management.management;
import static io.restassured.RestAssured.given;

/** Reads the service's own Prometheus page, the way a scraper does. */
public final class Metrics {

    private Metrics() {
    }

    /** The whole exposition text. */
    public static String scrape() {
        return management().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the series whose line starts with {@code series} (name plus, if given, the exact label text),
     * or NaN when there is none.
     */
    public static double value(String series) {
        for (String line : scrape().split("\n")) {
            if (line.startsWith(series + " ") || line.startsWith(series + "{") && !series.contains("{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }
}
