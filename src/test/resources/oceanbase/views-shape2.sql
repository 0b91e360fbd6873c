-- =============================================================================
-- views-shape2.sql : "shape 2" of the restore views (RESTORE_TYPE added,
-- still no RECOVER_*, TABLET_COUNT, FINISH_TABLET_COUNT, RESTORE_PROGRESS in PROGRESS)
--
-- CDB_OB_RESTORE_PROGRESS / CDB_OB_RESTORE_HISTORY reproduced from
--   oceanbase/oceanbase @ e4c7359a3e7da29c01239f0761bc03d04e785130
--     src/share/inner_table/ob_inner_table_schema.21101_21150.cpp
--       ObInnerTableSchema::cdb_ob_restore_progress_schema / cdb_ob_restore_history_schema
--   No file stored at e4c7359 declares a version; RESTORE_TYPE (FULL/QUICK, quick restore)
--   places it after shape 1 and before 4.3.5.5 (inference: an early 4.3.x tree).
-- DBA_OB_TENANTS: the definition of oceanbase/oceanbase @ 3f43961d500c8f6084bb3bb75c2805f3df118f7a
--   (no RESTORE_DATA_MODE/COMMENT).  Which DBA_OB_TENANTS text goes with e4c7359 was not
--   verified (no 21151_21200.cpp stored at that commit).
-- Only changes against OceanBase's text (MariaDB needs them):
--   * SCN_TO_TIMESTAMP / USEC_TO_TIME are stored functions: written oceanbase.SCN_TO_TIMESTAMP,
--     oceanbase.USEC_TO_TIME (MariaDB would otherwise look them up in the current database).
--   * OCEANBASE.__ALL_VIRTUAL_xxx is written oceanbase.__all_virtual_xxx: MariaDB on Linux
--     (lower_case_table_names=0) compares database and table names case-sensitively,
--     OceanBase does not.
--   * Whitespace/line breaks.  Everything else is kept.
-- Requires base-tables.sql (4.3.5.5 base-table definitions, a superset of what these views read).
-- Load without ANSI_QUOTES in sql_mode.
-- =============================================================================

-- String literals of the views get the connection collation; OceanBase's default is
-- utf8mb4_general_ci (ObCharset::get_default_collation).  Fixed here so that 10.11 and
-- 11.4 (whose utf8mb4 default is utf8mb4_uca1400_ai_ci) build identical views.
SET NAMES utf8mb4 COLLATE utf8mb4_general_ci;

CREATE OR REPLACE VIEW `oceanbase`.`CDB_OB_RESTORE_PROGRESS` AS
    SELECT
    P.TENANT_ID AS TENANT_ID,
    P.JOB_ID AS JOB_ID,
    RESTORE_TENANT_NAME,
    RESTORE_TENANT_ID,
    BACKUP_TENANT_NAME,
    BACKUP_TENANT_ID,
    BACKUP_CLUSTER_NAME,
    BACKUP_DEST,
    RESTORE_OPTION,
    RESTORE_TYPE,
    RESTORE_SCN,
    CASE
      WHEN RESTORE_SCN IS NULL
        THEN NULL
      WHEN RESTORE_SCN=0
        THEN NULL
      ELSE
        oceanbase.SCN_TO_TIMESTAMP(RESTORE_SCN)
      END AS RESTORE_SCN_DISPLAY,
    CASE
      WHEN STATUS = 'RESTORE_PRE'
        THEN 'RESTORING'
      WHEN STATUS = 'RESTORE_CREATE_INIT_LS'
        THEN 'RESTORING'
      WHEN STATUS = 'PHYSICAL_RESTORE_WAIT_RESTORE_TO_CONSISTENT_SCN'
        THEN 'RESTORING'
      WHEN STATUS = 'RESTORE_WAIT_LS'
        THEN 'RESTORING'
      WHEN STATUS = 'POST_CHECK'
        THEN 'RESTORING'
      ELSE STATUS
      END AS STATUS,
    CASE
      WHEN START_TIMESTAMP IS NULL
        THEN NULL
      WHEN START_TIMESTAMP=''
        THEN NULL
      WHEN START_TIMESTAMP='0'
        THEN NULL
      ELSE
        oceanbase.USEC_TO_TIME(START_TIMESTAMP)
      END AS START_TIMESTAMP,
    BACKUP_SET_LIST,
    BACKUP_PIECE_LIST,
    TOTAL_BYTES,
    CASE
      WHEN TOTAL_BYTES >= 1024*1024*1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024/1024/1024,2), 'PB')
      WHEN TOTAL_BYTES >= 1024*1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024/1024,2), 'TB')
      WHEN TOTAL_BYTES >= 1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024,2), 'GB')
      ELSE
        CONCAT(ROUND(TOTAL_BYTES/1024/1024,2), 'MB')
      END AS TOTAL_BYTES_DISPLAY,
    FINISH_BYTES,
    CASE
      WHEN FINISH_BYTES >= 1024*1024*1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024/1024/1024,2), 'PB')
      WHEN FINISH_BYTES >= 1024*1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024/1024,2), 'TB')
      WHEN FINISH_BYTES >= 1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024,2), 'GB')
      ELSE
        CONCAT(ROUND(FINISH_BYTES/1024/1024,2), 'MB')
      END AS FINISH_BYTES_DISPLAY,
    DESCRIPTION
    FROM
  (
      SELECT
      TENANT_ID,
      JOB_ID,
      MAX(CASE NAME WHEN 'tenant_name' THEN VALUE ELSE '' END) AS RESTORE_TENANT_NAME,
      MAX(CASE NAME WHEN 'tenant_id' THEN VALUE ELSE '' END) AS RESTORE_TENANT_ID,
      MAX(CASE NAME WHEN 'backup_tenant_name' THEN VALUE ELSE '' END) AS BACKUP_TENANT_NAME,
      MAX(CASE NAME WHEN 'backup_tenant_id' THEN VALUE ELSE '' END) AS BACKUP_TENANT_ID,
      MAX(CASE NAME WHEN 'backup_cluster_name' THEN VALUE ELSE '' END) AS BACKUP_CLUSTER_NAME,
      MAX(CASE NAME WHEN 'target_tenant_role' THEN VALUE ELSE '' END) AS TENANT_ROLE,
      MAX(CASE NAME WHEN 'backup_dest' THEN VALUE ELSE '' END) AS BACKUP_DEST,
      MAX(CASE NAME WHEN 'restore_option' THEN VALUE ELSE '' END) AS RESTORE_OPTION,
      MAX(CASE NAME WHEN 'status' THEN VALUE ELSE '' END) AS STATUS,
      MAX(CASE NAME WHEN 'restore_scn' THEN VALUE ELSE '' END) AS RESTORE_SCN,
      MAX(CASE NAME WHEN 'restore_start_ts' THEN VALUE ELSE '' END) AS START_TIMESTAMP,
      MAX(CASE NAME WHEN 'backup_set_list' THEN VALUE ELSE '' END) AS BACKUP_SET_LIST,
      MAX(CASE NAME WHEN 'backup_piece_list' THEN VALUE ELSE '' END) AS BACKUP_PIECE_LIST,
      MAX(CASE NAME WHEN 'description' THEN VALUE ELSE '' END) AS DESCRIPTION,
      MAX(CASE NAME WHEN 'restore_type' THEN VALUE ELSE '' END) AS RESTORE_TYPE
      FROM oceanbase.__all_virtual_restore_job GROUP BY TENANT_ID, JOB_ID
  ) P LEFT JOIN
  (
      SELECT
      TENANT_ID,
      JOB_ID,
      TOTAL_BYTES,
      FINISH_BYTES
      FROM oceanbase.__all_virtual_restore_progress
  ) J
    ON P.TENANT_ID=J.TENANT_ID AND P.JOB_ID=J.JOB_ID;

CREATE OR REPLACE VIEW `oceanbase`.`CDB_OB_RESTORE_HISTORY` AS
    SELECT
    TENANT_ID,
    JOB_ID,
    RESTORE_TENANT_NAME,
    RESTORE_TENANT_ID,
    BACKUP_TENANT_NAME,
    BACKUP_TENANT_ID,
    BACKUP_CLUSTER_NAME,
    BACKUP_DEST,
    RESTORE_SCN,
    CASE
      WHEN RESTORE_SCN = 0
        THEN NULL
      ELSE
        oceanbase.SCN_TO_TIMESTAMP(RESTORE_SCN)
      END AS RESTORE_SCN_DISPLAY,
    RESTORE_OPTION,
    RESTORE_TYPE,
    START_TIME AS START_TIMESTAMP,
    FINISH_TIME AS FINISH_TIMESTAMP,
    STATUS,
    BACKUP_PIECE_LIST,
    BACKUP_SET_LIST,
    BACKUP_CLUSTER_VERSION,
    LS_COUNT,
    FINISH_LS_COUNT,
    TABLET_COUNT,
    FINISH_TABLET_COUNT,
    TOTAL_BYTES,
    CASE
      WHEN TOTAL_BYTES >= 1024*1024*1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024/1024/1024,2), 'PB')
      WHEN TOTAL_BYTES >= 1024*1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024/1024,2), 'TB')
      WHEN TOTAL_BYTES >= 1024*1024*1024
        THEN CONCAT(ROUND(TOTAL_BYTES/1024/1024/1024,2), 'GB')
      ELSE
        CONCAT(ROUND(TOTAL_BYTES/1024/1024,2), 'MB')
      END AS TOTAL_BYTES_DISPLAY,
    FINISH_BYTES,
    CASE
      WHEN FINISH_BYTES >= 1024*1024*1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024/1024/1024,2), 'PB')
      WHEN FINISH_BYTES >= 1024*1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024/1024,2), 'TB')
      WHEN FINISH_BYTES >= 1024*1024*1024
        THEN CONCAT(ROUND(FINISH_BYTES/1024/1024/1024,2), 'GB')
      ELSE
        CONCAT(ROUND(FINISH_BYTES/1024/1024,2), 'MB')
      END AS FINISH_BYTES_DISPLAY,
    DESCRIPTION,
    COMMENT
    FROM oceanbase.__all_virtual_restore_job_history;

CREATE OR REPLACE VIEW `oceanbase`.`DBA_OB_TENANTS` AS
SELECT A.TENANT_ID,
       TENANT_NAME,
       (CASE
            WHEN A.TENANT_ID = 1 THEN 'SYS'
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 'META'
            ELSE 'USER'
        END) AS TENANT_TYPE,
       A.gmt_create AS CREATE_TIME,
       A.gmt_modified AS MODIFY_TIME,
       PRIMARY_ZONE,
       LOCALITY,
       CASE previous_locality
          WHEN "" THEN NULL
          ELSE previous_locality
       END AS PREVIOUS_LOCALITY,
       CASE compatibility_mode
          WHEN 0 THEN 'MYSQL'
          WHEN 1 THEN 'ORACLE'
          ELSE NULL
       END AS COMPATIBILITY_MODE,
       STATUS,
       CASE in_recyclebin
          WHEN 0 THEN 'NO'
          ELSE 'YES'
       END AS IN_RECYCLEBIN,
        CASE locked
          WHEN 0 THEN 'NO'
          ELSE 'YES'
       END AS LOCKED,
        (CASE
            WHEN A.TENANT_ID = 1 THEN 'PRIMARY'
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 'PRIMARY'
            ELSE TENANT_ROLE
        END) AS TENANT_ROLE,
        (CASE
            WHEN A.TENANT_ID = 1 THEN 'NORMAL'
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 'NORMAL'
            ELSE SWITCHOVER_STATUS
        END) AS SWITCHOVER_STATUS,
        (CASE
            WHEN A.TENANT_ID = 1 THEN 0
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 0
            ELSE SWITCHOVER_EPOCH
        END) AS SWITCHOVER_EPOCH,
        (CASE
            WHEN A.TENANT_ID = 1 THEN NULL
            WHEN (A.TENANT_ID & 0x1) = 1 THEN NULL
            ELSE SYNC_SCN
        END) AS SYNC_SCN,
        (CASE
            WHEN A.TENANT_ID = 1 THEN NULL
            WHEN (A.TENANT_ID & 0x1) = 1 THEN NULL
            ELSE REPLAYABLE_SCN
        END) AS REPLAYABLE_SCN,
        (CASE
            WHEN A.TENANT_ID = 1 THEN NULL
            WHEN (A.TENANT_ID & 0x1) = 1 THEN NULL
            ELSE READABLE_SCN
        END) AS READABLE_SCN,
        (CASE
            WHEN A.TENANT_ID = 1 THEN NULL
            WHEN (A.TENANT_ID & 0x1) = 1 THEN NULL
            ELSE RECOVERY_UNTIL_SCN
        END) AS RECOVERY_UNTIL_SCN,
        (CASE
            WHEN A.TENANT_ID = 1 THEN 'NOARCHIVELOG'
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 'NOARCHIVELOG'
            ELSE LOG_MODE
        END) AS LOG_MODE,
       ARBITRATION_SERVICE_STATUS,
       UNIT_NUM,
       COMPATIBLE,
       (CASE
            WHEN (MOD(A.TENANT_ID, 2)) = 1 THEN 1
            ELSE B.MAX_LS_ID END) AS MAX_LS_ID
FROM oceanbase.__all_virtual_tenant_mysql_sys_agent AS A
LEFT JOIN oceanbase.__all_virtual_tenant_info AS B
    ON A.TENANT_ID = B.TENANT_ID
LEFT JOIN
    (SELECT TENANT_ID,
            (CASE
                 WHEN TENANT_ID < 1 THEN NULL
                 WHEN TENANT_ID != 1 THEN TENANT_ID - 1
                 ELSE NULL
             END) AS META_TENANT_ID,
            MIN(UNIT_COUNT) AS UNIT_NUM
     FROM oceanbase.__all_virtual_resource_pool_mysql_sys_agent
     GROUP BY TENANT_ID) AS C
    ON A.TENANT_ID = C.TENANT_ID OR A.TENANT_ID = C.META_TENANT_ID
LEFT JOIN
    (SELECT TENANT_ID,
            MIN(VALUE) AS COMPATIBLE
     FROM oceanbase.__all_virtual_tenant_parameter
     WHERE NAME = 'compatible'
     GROUP BY TENANT_ID) AS D
    ON A.TENANT_ID = D.TENANT_ID;
