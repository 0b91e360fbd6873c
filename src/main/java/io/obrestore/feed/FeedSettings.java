package io.obrestore.feed;

import io.obrestore.config.ServiceConfig;
import java.time.Duration;

/**
 * The settings the feed's state transition depends on ({@code obrestore.watch.*}), as plain values so the transition
 * can be tested without configuration.
 *
 * @param pollInterval time between polls
 * @param rateWindow span of the samples behind rates, ETA and charts, and how long ended jobs are listed
 * @param stallAfter time without progress after which a job is stalled
 */
public record FeedSettings(Duration pollInterval, Duration rateWindow, Duration stallAfter) {

    /** Polls during which a job that stopped running is still looked for in CDB_OB_RESTORE_HISTORY. */
    static final int HISTORY_LOOKUPS = 10;

    static FeedSettings of(ServiceConfig config) {
        return new FeedSettings(config.watch().pollInterval(), config.watch().rateWindow(), config.watch().stallAfter());
    }

    /** Samples kept per job: one per poll fills the window; the bound holds even if polls come faster. */
    int maxSamples() {
        return (int) Math.min(10_000, rateWindow.toMillis() / Math.max(1, pollInterval.toMillis()) + 2);
    }
}
