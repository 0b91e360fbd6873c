package io.obrestore.config;

/**
 * The one list of what runs when the service starts, in order (lower first), for {@code @Startup(...)} beans and
 * {@code @Observes @Priority(...) StartupEvent} observers alike. Everything that checks configuration runs before
 * anything that writes a file or touches the network, so a start that fails has nothing else to say and leaves
 * nothing behind.
 */
public final class StartupOrder {

    /**
     * Settings Quarkus checks late (datasource URL, ports and whether they are free) and unknown {@code OBRESTORE_*} and
     * {@code QUARKUS_*} variables: first, one line each. (Values of {@code obrestore.*} keys are checked earlier
     * still, while the configuration is built: {@link SettingValueCheck}.)
     */
    public static final int SETTINGS = 8;

    /** Passwords and {@code obrestore.auth.required}: before a key could be generated and written. */
    public static final int CREDENTIALS = 9;

    /** The keys and the memory of their blocks (a Redis contacted, a leftover key file removed), the ACCP loader. */
    public static final int AGENT_KEY = 10;

    /** Where and to whom the metrics answer, said once the checks passed. */
    public static final int METRICS_ACCESS = Integer.MAX_VALUE - 5;

    /** The stream gauges (open streams, watched tenants): on the metrics page from the start, not the first stream. */
    public static final int STREAM_GAUGES = Integer.MAX_VALUE - 4;

    /** The restore views' columns and OceanBase's version, read and logged (docs/restore-views.md, "Shapes"). */
    public static final int RESTORE_VIEWS = Integer.MAX_VALUE - 3;

    /** The database's time zone, read once when {@code obrestore.time-zone} is not set. */
    public static final int DATABASE_ZONE = Integer.MAX_VALUE - 2;

    /** The restore gauges subscribe to the feed, which then polls the database. */
    public static final int RESTORE_GAUGES = Integer.MAX_VALUE - 1;

    /** Last: the first pooled connection is opened (its failure is only logged). */
    public static final int POOL_WARMUP = Integer.MAX_VALUE;

    /** With the last: the started probe turns UP once every step above has run. */
    public static final int STARTED = Integer.MAX_VALUE;

    private StartupOrder() {
    }
}
