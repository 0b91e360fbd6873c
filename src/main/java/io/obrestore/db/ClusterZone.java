package io.obrestore.db;

import io.obrestore.api.DisplayZone;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The zone of the wall-clock times OceanBase returns, in which every time this service shows is labelled: the
 * database session's own zone, read by each new pooled connection before its first statement (so rows are never
 * labelled with a guess), unless {@code obrestore.time-zone} sets one. Until the first connection it is the JVM's.
 *
 * <p>Its statement lives here, beside the probe's, as the database's own setting rather than restore data.
 * {@code @@time_zone} names the zone unless it says {@code SYSTEM}; then the server's offset to UTC right now is
 * used, because {@code @@system_time_zone} holds abbreviations such as {@code CST}, which name several zones.
 */
@ApplicationScoped
public class ClusterZone implements DisplayZone {

    private static final Logger LOG = Logger.getLogger(ClusterZone.class);

    static final String ZONE_SQL = "SELECT @@time_zone AS TZ, CAST(TIMEDIFF(NOW(), UTC_TIMESTAMP()) AS CHAR) AS UTC_DIFF";

    private final ZoneId configured;
    private final AtomicReference<ZoneId> read = new AtomicReference<>();

    public ClusterZone(ServiceConfig config) {
        this.configured = config.zone().orElse(null);
    }

    /** The zone times are shown in now. */
    @Override
    public ZoneId current() {
        if (configured != null) {
            return configured;
        }
        ZoneId fromDatabase = read.get();
        return fromDatabase != null ? fromDatabase : ZoneId.systemDefault();
    }

    /** Whether new connections must read the zone (no {@code obrestore.time-zone}). */
    boolean readsFromDatabase() {
        return configured == null;
    }

    void announce(@Observes @Priority(StartupOrder.DATABASE_ZONE) StartupEvent event) {
        if (configured != null) {
            LOG.infof("Times are shown in %s (obrestore.time-zone)", configured);
        }
    }

    /** Reads the session's zone on a new connection; the connection is handed to the pool afterwards either way. */
    Future<Void> readOn(SqlConnection connection) {
        return connection.query(ZONE_SQL).execute().map(rows -> {
            Row row = rows.iterator().next();
            ZoneId zone = zoneOf(row.getString("TZ"), row.getString("UTC_DIFF"));
            if (remember(zone)) {
                LOG.infof("Times are shown in %s, the database session's time zone (@@time_zone %s); set"
                        + " OBRESTORE_TIME_ZONE to choose another", zone, row.getString("TZ"));
            }
            return (Void) null;
        }).recover(failure -> {
            // The connection still serves; times keep the zone known so far (the JVM's before the first read).
            LOG.warnf("Could not read the database session's time zone (%s); times are shown in %s",
                    failure.getMessage(), current());
            return Future.succeededFuture();
        });
    }

    /**
     * Takes {@code zone} as the database's; true for the one call that changed it. Connections opened at once at
     * start (pool warm-up, first poll) read on several event loops: only one of them may log the zone.
     */
    boolean remember(ZoneId zone) {
        return !zone.equals(read.getAndSet(zone));
    }

    /** {@code @@time_zone} when it names a zone, else the offset ({@code 08:00:00}, {@code -05:30:00}). */
    static ZoneId zoneOf(String timeZone, String offset) {
        if (timeZone != null && !timeZone.equalsIgnoreCase("SYSTEM")) {
            try {
                return ZoneId.of(timeZone);
            } catch (DateTimeException notAZoneId) {
                // e.g. an abbreviation: fall back to the offset
            }
        }
        String text = offset == null ? "00:00:00" : offset.trim();
        boolean negative = text.startsWith("-");
        String[] parts = text.replace("-", "").replace("+", "").split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return negative ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }
}
