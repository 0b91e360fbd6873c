package io.obrestore.restore;

import io.obrestore.api.Rfc3339;
import io.obrestore.db.DatabaseFailures;
import io.vertx.sqlclient.Row;
import java.time.ZoneId;

/**
 * Reads one restore row into domain values by what each value is ({@link ColumnValues}): NULL becomes Go's zero value
 * as obshell's scan makes it, and a value none of the accepted forms describes is reported to
 * {@link DatabaseFailures#unreadable} (a logged warning, a counted failure) and shown as the zero value, so one odd
 * value never costs the whole answer.
 */
final class RowReader {

    private final Row row;
    private final String view;
    private final ZoneId zone;
    private final DatabaseFailures failures;

    /**
     * @param view the view the row came from, named in the warning about a value that cannot be read
     * @param zone the zone wall-clock times are labelled with
     */
    RowReader(Row row, String view, ZoneId zone, DatabaseFailures failures) {
        this.row = row;
        this.view = view;
        this.zone = zone;
        this.failures = failures;
    }

    /** A signed count or id. */
    long number(String column) {
        return read(column, ColumnValues::signed, 0L);
    }

    /** An SCN: unsigned, in a long's 64 bits. */
    long scn(String column) {
        return read(column, ColumnValues::unsigned, 0L);
    }

    String text(String column) {
        return read(column, ColumnValues::text, "");
    }

    /** A decimal with its scale, as obshell sends DECIMAL columns ({@code "41.60"}). */
    String decimal(String column) {
        return read(column, ColumnValues::decimal, "");
    }

    /** A wall-clock time in RFC 3339, labelled with the zone; {@code ""} when absent. */
    String time(String column) {
        return read(column, value -> Rfc3339.format(ColumnValues.time(value), zone), "");
    }

    /** A backup set or piece list, every element without its secrets ({@link BackupUriRedactor}). */
    String redactedList(String column) {
        return BackupUriRedactor.redactList(text(column));
    }

    /** One of the forms of {@link ColumnValues}. */
    @FunctionalInterface
    private interface Form<T> {
        T read(Object value) throws ColumnValues.NotReadable;
    }

    private <T> T read(String column, Form<T> form, T zero) {
        try {
            return form.read(row.getValue(column));
        } catch (ColumnValues.NotReadable problem) {
            failures.unreadable(view + "." + column, problem.getMessage());
            return zero;
        }
    }
}
