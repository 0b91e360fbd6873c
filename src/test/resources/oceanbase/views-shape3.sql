-- =============================================================================
-- views-shape3.sql : "shape 3" of the restore views (+ DBA_OB_TENANTS of the same tree)
--
-- View SQL reproduced from
--   jmh000527/oceanbase @ b8d8ce0fcf4265f53c97df933602e4f12dd3c55b (CMakeLists.txt: OB_BUILD_VERSION "4.3.5.5")
--     src/share/inner_table/ob_inner_table_schema.21101_21150.cpp
--       ObInnerTableSchema::cdb_ob_restore_progress_schema  (CDB_OB_RESTORE_PROGRESS, table id 21110)
--       ObInnerTableSchema::cdb_ob_restore_history_schema   (CDB_OB_RESTORE_HISTORY,  table id 21111)
--     src/share/inner_table/ob_inner_table_schema.21151_21200.cpp
--       ObInnerTableSchema::dba_ob_tenants_schema           (DBA_OB_TENANTS)
--   (same text in ob_inner_table_schema_def.py of that tree; identical restore views
--    in oceanbase/seekdb @ 2c524b5424cb77d63058d166d088e9cd90a99ff0)
--
-- Only changes against OceanBase's text (MariaDB needs them):
--   * SCN_TO_TIMESTAMP / USEC_TO_TIME are stored functions: written oceanbase.SCN_TO_TIMESTAMP,
--     oceanbase.USEC_TO_TIME (MariaDB would otherwise look them up in the current database).
--   * OCEANBASE.__ALL_VIRTUAL_xxx is written oceanbase.__all_virtual_xxx: MariaDB on Linux
--     (lower_case_table_names=0) compares database and table names case-sensitively,
--     OceanBase does not.
--   * Whitespace/line breaks.  Everything else (CASE texts, casts, joins, column names
--     and their letter case) is kept.
-- Requires base-tables.sql.  Load with the server/session in sql_mode without ANSI_QUOTES
-- (DBA_OB_TENANTS compares with "" as OceanBase does).
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
    RECOVER_SCN,
    CASE
      WHEN RECOVER_SCN IS NULL
        THEN NULL
      WHEN RECOVER_SCN <= 1
        THEN NULL
      ELSE
        oceanbase.SCN_TO_TIMESTAMP(RECOVER_SCN)
      END AS RECOVER_SCN_DISPLAY,
    CASE
      WHEN RECOVER_SCN IS NULL
        THEN NULL
      WHEN STATUS IN ('RESTORE_PRE', 'RESTORE_CREATE_INIT_LS', 'PHYSICAL_RESTORE_WAIT_RESTORE_TO_CONSISTENT_SCN')
        THEN CAST(0 AS DECIMAL(6, 2))
      WHEN RESTORE_SCN = RECOVER_START_SCN
        THEN CAST(100 AS DECIMAL(6, 2))
      ELSE CAST(TRUNCATE((RECOVER_SCN - RECOVER_START_SCN) / (RESTORE_SCN - RECOVER_START_SCN) * 100, 2) AS DECIMAL(6, 2))
      END AS RECOVER_PROGRESS,
    TABLET_COUNT,
    FINISH_TABLET_COUNT,
    CASE PROGRESS_DISPLAY_MODE
      WHEN 'BYTES' THEN
        CASE
          WHEN FINISH_BYTES IS NULL THEN NULL
          ELSE CAST(TRUNCATE((FINISH_BYTES / TOTAL_BYTES) * 100, 2) AS DECIMAL(6, 2))
          END
      WHEN 'TABLET_CNT' THEN
        CASE
          WHEN FINISH_TABLET_COUNT IS NULL THEN NULL
          ELSE CAST(TRUNCATE((FINISH_TABLET_COUNT / TABLET_COUNT) * 100, 2) AS DECIMAL(6, 2))
          END
      END AS RESTORE_PROGRESS,
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
      MAX(CASE NAME WHEN 'consistent_scn' THEN VALUE ELSE '' END) AS RECOVER_START_SCN,
      MAX(CASE NAME WHEN 'restore_scn' THEN VALUE ELSE '' END) AS RESTORE_SCN,
      MAX(CASE NAME WHEN 'restore_start_ts' THEN VALUE ELSE '' END) AS START_TIMESTAMP,
      MAX(CASE NAME WHEN 'backup_set_list' THEN VALUE ELSE '' END) AS BACKUP_SET_LIST,
      MAX(CASE NAME WHEN 'backup_piece_list' THEN VALUE ELSE '' END) AS BACKUP_PIECE_LIST,
      MAX(CASE NAME WHEN 'description' THEN VALUE ELSE '' END) AS DESCRIPTION,
      MAX(CASE NAME WHEN 'restore_type' THEN VALUE ELSE '' END) AS RESTORE_TYPE,
      MAX(CASE NAME WHEN 'progress_display_mode' THEN VALUE ELSE '' END) AS PROGRESS_DISPLAY_MODE
      FROM oceanbase.__all_virtual_restore_job GROUP BY TENANT_ID, JOB_ID
  ) P LEFT JOIN
  (
      SELECT
      TENANT_ID,
      JOB_ID,
      TABLET_COUNT,
      FINISH_TABLET_COUNT,
      TOTAL_BYTES,
      FINISH_BYTES
      FROM oceanbase.__all_virtual_restore_progress
  ) J
    ON P.TENANT_ID=J.TENANT_ID AND P.JOB_ID=J.JOB_ID
    LEFT JOIN
  (
      SELECT
      TENANT_ID,
      READABLE_SCN AS RECOVER_SCN
      FROM oceanbase.__all_virtual_tenant_info
  ) Q
    ON P.TENANT_ID=Q.TENANT_ID;

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
            ELSE B.MAX_LS_ID END) AS MAX_LS_ID,
       (CASE
            WHEN A.TENANT_ID = 1 THEN 'NORMAL'
            WHEN (A.TENANT_ID & 0x1) = 1 THEN 'NORMAL'
            ELSE RESTORE_DATA_MODE
        END) AS RESTORE_DATA_MODE,
        A.INFO AS COMMENT
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
