package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The running-restores feed at test speed for the dashboard and the stall/orphan diagnostics: polls every 200 ms, a
 * restore that does not move for 3 s is stalled, heartbeats every second, restore gauges on (they are part of what
 * the page's feed serves); listens on every loopback address so one browser can hold many pages; the stream caps
 * raised, because the tests open fifty streams from one address to count statements.
 */
public class DashboardProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "obrestore.watch.poll-interval", "200ms",
                "obrestore.watch.heartbeat-interval", "1s",
                "obrestore.watch.stall-after", "3s",
                "obrestore.watch.metrics-enabled", "true",
                "obrestore.watch.max-streams", "1000",
                "obrestore.watch.max-streams-per-client", "1000",
                "quarkus.http.host", "0.0.0.0");
    }
}
