package io.obrestore.config;

import java.time.Duration;

/**
 * Durations as people write them and as the settings accept them ({@code 5s}, {@code 500ms}, {@code 2m}), not in
 * Java's ISO form ({@code PT5S}): for messages, logs and pages.
 */
public final class Durations {

    private Durations() {
    }

    /** The largest unit that states {@code duration} exactly, in the settings' own form: 5s, 1500ms, 90m, 24h. */
    public static String written(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toNanos() + "ns";
        }
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
