package io.obrestore.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The shared poller at test speed: polls every 100 ms, heartbeats every 300 ms, restore gauges off; the stream caps
 * raised, because the tests open hundreds of streams from one address to count statements.
 */
public class WatchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "obrestore.watch.poll-interval", "100ms",
                "obrestore.watch.heartbeat-interval", "300ms",
                "obrestore.watch.metrics-enabled", "false",
                "obrestore.watch.max-streams", "1000",
                "obrestore.watch.max-streams-per-client", "1000");
    }
}
