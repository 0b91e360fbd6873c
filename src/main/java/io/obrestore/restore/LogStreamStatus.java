package io.obrestore.restore;

import java.util.Map;

/**
 * OceanBase's {@code ObLSRestoreStatus}: the step a replica of a log stream is in, as the integer STATUS of
 * {@code __all_ls_restore_progress} (src/share/restore/ob_ls_restore_status.h and .cpp, 4.3.5.5): its names as
 * {@code get_restore_status_str} writes them. A number OceanBase may add later is shown as that number.
 */
public final class LogStreamStatus {

    /** The replica's restore is finished (a history row, which has no STATUS, counts as this too). */
    public static final int NONE = 0;
    public static final int RESTORE_FAILED = 13;
    public static final int CLONE_FAILED = 105;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "NONE"),
            Map.entry(1, "RESTORE_START"),
            Map.entry(2, "RESTORE_SYS_TABLETS"),
            Map.entry(3, "WAIT_RESTORE_SYS_TABLETS"),
            Map.entry(4, "RESTORE_TABLETS_META"),
            Map.entry(5, "WAIT_RESTORE_TABLETS_META"),
            Map.entry(6, "RESTORE_TO_CONSISTENT_SCN"),
            Map.entry(7, "WAIT_RESTORE_TO_CONSISTENT_SCN"),
            Map.entry(8, "QUICK_RESTORE"),
            Map.entry(9, "WAIT_QUICK_RESTORE"),
            Map.entry(10, "QUICK_RESTORE_FINISH"),
            Map.entry(11, "RESTORE_MAJOR_DATA"),
            Map.entry(12, "WAIT_RESTORE_MAJOR_DATA"),
            Map.entry(13, "RESTORE_FAILED"),
            Map.entry(101, "CLONE_START"),
            Map.entry(102, "CLONE_COPY_ALL_TABLET_META"),
            Map.entry(103, "CLONE_COPY_LS_META"),
            Map.entry(104, "CLONE_CLOG_REPLAY"),
            Map.entry(105, "CLONE_FAILED"));

    private LogStreamStatus() {
    }

    /** OceanBase's name of {@code status}, or the number itself when the service does not know it. */
    public static String name(long status) {
        String name = status >= Integer.MIN_VALUE && status <= Integer.MAX_VALUE ? NAMES.get((int) status) : null;
        return name != null ? name : Long.toString(status);
    }

    /** OceanBase's {@code is_failed()}. */
    public static boolean failed(long status) {
        return status == RESTORE_FAILED || status == CLONE_FAILED;
    }
}
