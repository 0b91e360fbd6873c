package io.obrestore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.support.Json;
import io.obrestore.support.ParallelHttp;
import io.obrestore.support.ServiceProcess;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times in the cluster's own zone by default, as obshell shows them: the packaged service started as "Run it
 * unattended" says (no time zone set) labels the fixture's wall-clock times with the database session's zone (+08:00,
 * the test server's, while the JVM runs in another) and says so once, however many connections read it;
 * obrestore.time-zone overrides it.
 */
class TimeZoneIT {

    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";

    @TempDir
    Path dir;

    @Test
    void timesAreInTheDatabaseSessionsZoneUnlessSet() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir, "default-zone", Map.of("TZ", "America/New_York"))) {
            JsonNode answer = Json.parse(service.get(RT2).body());
            assertEquals("2024-10-14T15:25:18.092782+08:00", answer.get("data").get("start_timestamp").asText(), service.log());
            assertTrue(answer.get("timestamp").asText().endsWith("+08:00"), answer.toString());
            // Requests at once open connections on several event loops, each reading the zone: one line for all.
            new ParallelHttp(16, Duration.ofSeconds(10)).send(Collections.nCopies(64, RT2),
                    path -> HttpRequest.newBuilder(service.uri(path)));
            assertEquals(1, service.log().lines()
                    .filter(line -> line.contains("Times are shown in +08:00, the database session's time zone")).count(),
                    service.log());
        }
        try (ServiceProcess service = ServiceProcess.start(dir, "set-zone", Map.of("OBRESTORE_TIME_ZONE", "Z"))) {
            JsonNode answer = Json.parse(service.get(RT2).body());
            assertEquals("2024-10-14T15:25:18.092782Z", answer.get("data").get("start_timestamp").asText());
            assertTrue(service.log().contains("Times are shown in Z (obrestore.time-zone)"), service.log());
        }
    }
}
