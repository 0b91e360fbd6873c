package io.obrestore.restore;

import java.util.Map;

/**
 * OceanBase's names of the error codes a restore commonly meets, for a log stream's RESULT: taken from
 * {@code src/share/ob_errno.def} (jmh000527/oceanbase at b8d8ce0, 4.3.5.5; the same codes are in
 * {@code deps/oblib/src/lib/ob_errno.h}). A code not listed here is shown as its number: OceanBase has thousands, and
 * a wrong name would mislead more than a number does.
 */
public final class OceanBaseErrors {

    private static final Map<Long, String> NAMES = Map.ofEntries(
            // general errors [-4000, -4500)
            Map.entry(-4000L, "OB_ERROR"),
            Map.entry(-4002L, "OB_INVALID_ARGUMENT"),
            Map.entry(-4007L, "OB_NOT_SUPPORTED"),
            Map.entry(-4009L, "OB_IO_ERROR"),
            Map.entry(-4012L, "OB_TIMEOUT"),
            Map.entry(-4013L, "OB_ALLOCATE_MEMORY_FAILED"),
            Map.entry(-4016L, "OB_ERR_UNEXPECTED"),
            Map.entry(-4018L, "OB_ENTRY_NOT_EXIST"),
            Map.entry(-4019L, "OB_SIZE_OVERFLOW"),
            Map.entry(-4023L, "OB_EAGAIN"),
            Map.entry(-4027L, "OB_FILE_NOT_EXIST"),
            Map.entry(-4030L, "OB_TENANT_OUT_OF_MEM"),
            Map.entry(-4033L, "OB_SERIALIZE_ERROR"),
            Map.entry(-4034L, "OB_DESERIALIZE_ERROR"),
            Map.entry(-4036L, "OB_NEED_RETRY"),
            Map.entry(-4038L, "OB_NOT_MASTER"),
            Map.entry(-4072L, "OB_CANCELED"),
            Map.entry(-4103L, "OB_CHECKSUM_ERROR"),
            Map.entry(-4108L, "OB_PHYSIC_CHECKSUM_ERROR"),
            Map.entry(-4121L, "OB_RPC_SEND_ERROR"),
            Map.entry(-4122L, "OB_RPC_POST_ERROR"),
            Map.entry(-4124L, "OB_CONNECT_ERROR"),
            // storage, backup and restore errors [-9000, -9500)
            Map.entry(-9001L, "OB_URI_ERROR"),
            Map.entry(-9003L, "OB_OSS_ERROR"),
            Map.entry(-9010L, "OB_MD5_NOT_MATCH"),
            Map.entry(-9011L, "OB_BACKUP_FILE_NOT_EXIST"),
            Map.entry(-9014L, "OB_RESTORE_IN_PROGRESS"),
            Map.entry(-9026L, "OB_INVALID_BACKUP_DEST"),
            Map.entry(-9060L, "OB_COS_ERROR"),
            Map.entry(-9064L, "OB_ARCHIVE_LOG_NOT_CONTINUES_WITH_DATA"),
            Map.entry(-9070L, "OB_BACKUP_DEST_NOT_CONNECT"),
            Map.entry(-9071L, "OB_BACKUP_PERMISSION_DENIED"),
            Map.entry(-9079L, "OB_ARCHIVE_LOG_RECYCLED"),
            Map.entry(-9080L, "OB_BACKUP_FORMAT_FILE_NOT_EXIST"),
            Map.entry(-9081L, "OB_BACKUP_FORMAT_FILE_NOT_MATCH"),
            Map.entry(-9082L, "OB_BACKUP_DEVICE_OUT_OF_SPACE"),
            Map.entry(-9093L, "OB_RESTORE_LOG_TO_END"),
            Map.entry(-9094L, "OB_LS_RESTORE_FAILED"),
            Map.entry(-9099L, "OB_RESTORE_TENANT_FAILED"),
            Map.entry(-9100L, "OB_NO_SUCH_FILE_OR_DIRECTORY"),
            Map.entry(-9102L, "OB_FILE_OR_DIRECTORY_PERMISSION_DENIED"),
            Map.entry(-9105L, "OB_S3_ERROR"),
            Map.entry(-9115L, "OB_STORAGE_DEST_NOT_CONNECT"),
            Map.entry(-9116L, "OB_OBJECT_STORAGE_PERMISSION_DENIED"),
            Map.entry(-9119L, "OB_RESTORE_SOURCE_NOT_ENOUGH"),
            Map.entry(-9120L, "OB_OBJECT_NOT_EXIST"),
            Map.entry(-9129L, "OB_OBJECT_STORAGE_IO_ERROR"),
            Map.entry(-9132L, "OB_OBJECT_STORAGE_CHECKSUM_ERROR"),
            Map.entry(-9147L, "OB_CANNOT_ACCESS_BACKUP_SET"));

    private OceanBaseErrors() {
    }

    /** {@code ""} for 0 (no error), OceanBase's name of a known code, else the code as a number. */
    public static String name(long code) {
        if (code == 0) {
            return "";
        }
        String name = NAMES.get(code);
        return name != null ? name : Long.toString(code);
    }
}
