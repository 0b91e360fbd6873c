package io.obrestore.restore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.obrestore.restore.RestoreJobRepository.Statements;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The restore views of the cluster the service talks to, as found on it: their columns (read once, again after a
 * statement names a column or view that is gone) and the OceanBase version, logged when first found or changed and
 * exported as {@code obrestore_oceanbase_info{version,view_shape}}. Holds the statements built for them, so every
 * request reuses one text per statement (docs/restore-views.md, "Shapes").
 */
@ApplicationScoped
public class RestoreViews {

    private static final Logger LOG = Logger.getLogger(RestoreViews.class);

    // "5.7.25-OceanBase_CE-v4.3.5.1" (@@version), "OceanBase_CE 4.3.5.1 (r1...)" (@@version_comment)
    private static final Pattern VERSION = Pattern.compile("OceanBase\\S*?-v(\\d+(?:\\.\\d+)+)");
    private static final Pattern COMMENT_VERSION = Pattern.compile("OceanBase\\S*\\s+v?(\\d+(?:\\.\\d+)+)");

    private final MultiGauge info;
    private final AtomicReference<Uni<Statements>> reading = new AtomicReference<>();
    private volatile Statements known;

    public RestoreViews(MeterRegistry registry) {
        this.info = MultiGauge.builder("obrestore.oceanbase.info")
                .description("1, labelled with the OceanBase version the server reports and the restore view shape"
                        + " found (docs/restore-views.md)")
                .register(registry);
    }

    /**
     * The statements for the cluster's views: those already built, else built from what {@code read} finds. Callers
     * at the same time share one reading; a failed reading is not kept, so the next call reads again.
     */
    Uni<Statements> statements(Supplier<Uni<ViewColumns>> read) {
        Statements current = known;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        Uni<Statements> running = reading.get();
        if (running != null) {
            return running;
        }
        Uni<Statements> fresh = read.get()
                .map(this::found)
                .onTermination().invoke(() -> reading.set(null))
                .memoize().indefinitely();
        return reading.compareAndSet(null, fresh) ? fresh : statements(read);
    }

    /** Whether the statements in use read the log streams (true while nothing is known yet). */
    boolean knowsLogStreams() {
        Statements current = known;
        return current == null || current.columns().logStreams();
    }

    /** Forgets the columns, so the next statement reads them again (a view lost a column: OceanBase upgraded?). */
    void forget() {
        known = null;
    }

    private Statements found(ViewColumns columns) {
        Statements previous = known;
        if (previous == null || !previous.columns().equals(columns)) {
            boolean oceanBase = columns.version().matches("\\d+(\\.\\d+)+");
            LOG.infof("%s %s, restore views of shape %s (%s): CDB_OB_RESTORE_PROGRESS %d columns,"
                    + " CDB_OB_RESTORE_HISTORY %d columns; absent columns are answered with obshell's zero values; %s",
                    oceanBase ? "OceanBase" : "Not OceanBase but", columns.version(), columns.shape(),
                    describe(columns.shape()), columns.progress().size(), columns.history().size(),
                    columns.logStreams() ? "log streams readable"
                            : "log streams not readable (oceanbase.__all_virtual_ls_restore_progress/history missing"
                                    + " or not granted): restores are shown without them");
            info.register(List.of(MultiGauge.Row.of(
                    Tags.of("version", columns.version(), "view_shape", columns.shape()), 1)), true);
        }
        Statements statements = previous != null && previous.columns().equals(columns)
                ? previous : Statements.of(columns);
        known = statements;
        return statements;
    }

    /** The version OceanBase reports; the raw {@code @@version} when the server is no OceanBase. */
    static String version(String version, String comment) {
        Matcher fromVersion = VERSION.matcher(version == null ? "" : version);
        if (fromVersion.find()) {
            return fromVersion.group(1);
        }
        Matcher fromComment = COMMENT_VERSION.matcher(comment == null ? "" : comment);
        if (fromComment.find()) {
            return fromComment.group(1);
        }
        return version == null || version.isBlank() ? "unknown" : version;
    }

    private static String describe(String shape) {
        return switch (shape) {
            case "1" -> "no RESTORE_TYPE, bytes only for a running restore";
            case "2" -> "RESTORE_TYPE, bytes only for a running restore";
            case "3" -> "RESTORE_TYPE, tablets, bytes, recovery and progress for a running restore";
            default -> "a column set not seen in OceanBase's sources; every column found is used";
        };
    }
}
