package io.obrestore.restore;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one cluster's restore views hold, read once from the cluster (docs/restore-views.md, "Shapes"): the columns of
 * CDB_OB_RESTORE_PROGRESS and CDB_OB_RESTORE_HISTORY, upper case, and the OceanBase version the server reports. The
 * statements are built from it, so a column a release lacks is selected as its zero value instead of failing the
 * statement.
 *
 * @param progress the columns of CDB_OB_RESTORE_PROGRESS
 * @param history the columns of CDB_OB_RESTORE_HISTORY
 * @param version the OceanBase version the server reports ({@code 4.3.5.1}), or what it reports when it is no
 *     OceanBase
 * @param logStreams whether the account can read the log streams' tables ({@code __all_virtual_ls_restore_progress}
 *     and {@code __all_virtual_ls_restore_history}); without them the poll carries no log streams and the
 *     log-stream endpoint says why
 */
record ViewColumns(Set<String> progress, Set<String> history, String version, boolean logStreams) {

    /** What shape 3 adds to CDB_OB_RESTORE_PROGRESS. */
    private static final Set<String> RUNNING_FIGURES = Set.of("RECOVER_SCN", "RECOVER_SCN_DISPLAY",
            "RECOVER_PROGRESS", "TABLET_COUNT", "FINISH_TABLET_COUNT", "RESTORE_PROGRESS");

    ViewColumns {
        progress = upperCase(progress);
        history = upperCase(history);
    }

    /** Views with the log streams' tables readable. */
    ViewColumns(Set<String> progress, Set<String> history, String version) {
        this(progress, history, version, true);
    }

    /**
     * The view shape, named after the three column sets found in OceanBase's sources (docs/restore-views.md): 1 has
     * neither RESTORE_TYPE nor the recovery and tablet figures in CDB_OB_RESTORE_PROGRESS, 2 adds RESTORE_TYPE, 3
     * (4.3.5) adds RECOVER_SCN, RECOVER_PROGRESS, TABLET_COUNT, RESTORE_PROGRESS and their kin; {@code other} for
     * any other set, which the statements serve all the same.
     */
    String shape() {
        boolean restoreType = progress.contains("RESTORE_TYPE") && history.contains("RESTORE_TYPE");
        boolean noRestoreType = !progress.contains("RESTORE_TYPE") && !history.contains("RESTORE_TYPE");
        boolean noFigures = RUNNING_FIGURES.stream().noneMatch(progress::contains);
        if (noFigures && noRestoreType) {
            return "1";
        }
        if (noFigures && restoreType) {
            return "2";
        }
        return restoreType && progress.containsAll(RUNNING_FIGURES) ? "3" : "other";
    }

    private static Set<String> upperCase(Set<String> columns) {
        return columns.stream().map(column -> column.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
