package io.obrestore.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats times the way obshell (Go's {@code time.RFC3339Nano}) prints them: seconds always present, fraction
 * trimmed of trailing zeros (no dot when zero), offset {@code +08:00} or {@code Z}.
 */
public final class Rfc3339 {

    // ISO_OFFSET_DATE_TIME prints seconds even when zero (unlike OffsetDateTime.toString, which Go's
    // RFC 3339 parser rejects), prints the fraction without trailing zeros, and prints a zero offset as Z.
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Rfc3339() {
    }

    /** An instant shown in {@code zone}. */
    public static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }

    /** A wall-clock time read from the database, labelled with {@code zone}; NULL becomes {@code ""}. */
    public static String format(LocalDateTime wallClock, ZoneId zone) {
        if (wallClock == null) {
            return "";
        }
        OffsetDateTime labelled = wallClock.atZone(zone).toOffsetDateTime();
        return FORMAT.format(labelled);
    }
}
