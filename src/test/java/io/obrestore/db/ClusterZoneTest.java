package io.obrestore.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How the database session's zone is read from {@code @@time_zone} and the server's offset to UTC. */
@Tag("fast")
class ClusterZoneTest {

    @Test
    void aNamedZoneOrOffsetIsTakenAsItIs() {
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("+08:00", "08:00:00"));
        assertEquals(ZoneId.of("Asia/Shanghai"), ClusterZone.zoneOf("Asia/Shanghai", "08:00:00"));
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), ClusterZone.zoneOf("-03:30", "-03:30:00"));
    }

    @Test
    void systemOrAnAbbreviationFallsBackToTheServersOffset() {
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("SYSTEM", "08:00:00"));
        assertEquals(ZoneOffset.UTC, ClusterZone.zoneOf("SYSTEM", "00:00:00"));
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), ClusterZone.zoneOf("system", "-05:30:00"));
        // CST names China, US Central and Cuba standard time: the offset decides.
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("CST", "08:00:00"));
    }
}
