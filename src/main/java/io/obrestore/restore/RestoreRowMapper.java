package io.obrestore.restore;

import io.obrestore.api.Rfc3339;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.ZoneId;

/** Turns one job row of the restore views (the repository's common row shape) into obshell's 32-key payload. */
final class RestoreRowMapper {

    private RestoreRowMapper() {
    }

    static RestoreOverview overview(Row row, ZoneId zone) {
        return new RestoreOverview(
                number(row, "TENANT_ID"),
                number(row, "JOB_ID"),
                text(row, "RESTORE_TENANT_NAME"),
                number(row, "RESTORE_TENANT_ID"),
                text(row, "BACKUP_TENANT_NAME"),
                number(row, "BACKUP_TENANT_ID"),
                text(row, "BACKUP_CLUSTER_NAME"),
                text(row, "RESTORE_OPTION"),
                number(row, "RESTORE_SCN"),
                Rfc3339.format(row.getLocalDateTime("RESTORE_SCN_DISPLAY"), zone),
                text(row, "STATUS"),
                Rfc3339.format(row.getLocalDateTime("START_TIMESTAMP"), zone),
                BackupUriRedactor.redactList(row.getString("BACKUP_SET_LIST")),
                BackupUriRedactor.redactList(row.getString("BACKUP_PIECE_LIST")),
                "",
                "",
                number(row, "TABLET_COUNT"),
                number(row, "FINISH_TABLET_COUNT"),
                number(row, "TOTAL_BYTES"),
                text(row, "TOTAL_BYTES_DISPLAY"),
                number(row, "FINISH_BYTES"),
                text(row, "FINISH_BYTES_DISPLAY"),
                text(row, "DESCRIPTION"),
                number(row, "RECOVER_SCN"),
                Rfc3339.format(row.getLocalDateTime("RECOVER_SCN_DISPLAY"), zone),
                percent(row, "RECOVER_PROGRESS"),
                percent(row, "RESTORE_PROGRESS"),
                number(row, "BACKUP_CLUSTER_VERSION"),
                number(row, "LS_COUNT"),
                number(row, "FINISH_LS_COUNT"),
                text(row, "COMMENT"),
                Rfc3339.format(row.getLocalDateTime("FINISH_TIMESTAMP"), zone));
    }

    // NULL becomes Go's zero value, as obshell's scan does.
    private static long number(Row row, String column) {
        Long value = row.getLong(column);
        return value == null ? 0L : value;
    }

    private static String text(Row row, String column) {
        String value = row.getString(column);
        return value == null ? "" : value;
    }

    /** DECIMAL(6,2) as obshell sends it: a string keeping the scale ({@code "41.60"}). */
    private static String percent(Row row, String column) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? "" : value.toPlainString();
    }
}
