package io.obrestore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's RFC3339Nano, as obshell prints database times (docs/restore-views.md §3). */
@Tag("fast")
class Rfc3339Test {

    @ParameterizedTest
    @CsvSource({
        "2024-10-21T09:00:00.250000, +08:00, 2024-10-21T09:00:00.25+08:00",
        "2024-10-17T16:45:30.000500, +08:00, 2024-10-17T16:45:30.0005+08:00",
        "2024-10-21T09:00:00.000000, +08:00, 2024-10-21T09:00:00+08:00",
        "2024-10-16T09:20:03.000001, +08:00, 2024-10-16T09:20:03.000001+08:00",
        "2024-10-14T15:23:28.464651, +08:00, 2024-10-14T15:23:28.464651+08:00",
        "2026-01-01T08:00:00, Z, 2026-01-01T08:00:00Z",
        "2026-01-01T08:00:00.123456789, -05:30, 2026-01-01T08:00:00.123456789-05:30",
    })
    void formatsLikeGo(String wallClock, String zone, String expected) {
        assertEquals(expected, Rfc3339.format(LocalDateTime.parse(wallClock), ZoneId.of(zone)));
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertEquals("", Rfc3339.format((LocalDateTime) null, ZoneOffset.UTC));
    }
}
