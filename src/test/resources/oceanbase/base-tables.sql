-- =============================================================================
-- base-tables.sql : MariaDB (10.11 / 11.4) rebuild of the OceanBase *virtual
-- tables* that the restore views and DBA_OB_TENANTS read, as the sys tenant
-- (root@sys) sees them, plus stand-ins for the two OceanBase SQL functions the
-- views call (SCN_TO_TIMESTAMP, USEC_TO_TIME).
--
-- Sources (reference only; column lists and types re-expressed for MariaDB):
--   jmh000527/oceanbase @ b8d8ce0fcf4265f53c97df933602e4f12dd3c55b (declares 4.3.5.5)
--     src/share/inner_table/ob_inner_table_schema_def.py
--       __all_tenant (108), __all_restore_job (158), __all_restore_job_history (160),
--       __all_restore_progress (279), __all_tenant_info (366),
--       __all_ls_restore_progress (401), __all_ls_restore_history (402),
--       __all_resource_pool (125), __tenant_parameter (119)
--       __all_virtual_tenant_info (12255), __all_virtual_restore_job (12306),
--       __all_virtual_restore_job_history (12307), __all_virtual_restore_progress (12308),
--       __all_virtual_ls_restore_progress (12309), __all_virtual_ls_restore_history (12310)
--       = gen_iterate_private_virtual_table_def(<base table>)
--   generate_inner_table_schema.py (gen_iterate_private_virtual_table_def): the
--     virtual table keeps the base table's columns; tenant_id must already be the
--     first rowkey column; gm_columns (gmt_create, gmt_modified) become ordinary
--     'timestamp' columns placed right after the rowkey columns.
--   Length constants: deps/oblib/src/lib/ob_define.h
--     OB_INNER_TABLE_DEFAULT_KEY_LENTH = 1024, OB_INNER_TABLE_DEFAULT_VALUE_LENTH = 4096,
--     OB_DEFAULT_STATUS_LENTH = 64, OB_MAX_TENANT_NAME_LENGTH_STORE = 128,
--     OB_MAX_CLUSTER_NAME_LENGTH = OB_MAX_APP_NAME_LENGTH = 128,
--     MAX_TABLE_COMMENT_LENGTH = 4096, OB_MAX_TRACE_ID_BUFFER_SIZE = 64,
--     MAX_IP_ADDR_LENGTH = INET6_ADDRSTRLEN (46), MAX_ZONE_LENGTH = 128,
--     MAX_ZONE_LIST_LENGTH = 128*64 = 8192, MAX_LOCALITY_LENGTH = 4096,
--     OB_MAX_TENANT_INFO_LENGTH = 4096, MAX_TENANT_STATUS_LENGTH = 64,
--     MAX_RESOURCE_POOL_LENGTH = 128, OB_MAX_CONFIG_NAME_LEN = 128,
--     OB_MAX_CONFIG_VALUE_LEN = 64*1024, OB_MAX_CONFIG_INFO_LEN = 4096.
--
-- Type mapping OceanBase inner-table type -> MariaDB:
--   'int'        (ObIntType)       -> BIGINT
--   'uint'       (ObUInt64Type)    -> BIGINT UNSIGNED
--   'varchar:N'  (ObVarcharType)   -> VARCHAR(N)   (TEXT where N*4 bytes would break
--                                                   MariaDB's 65535-byte row limit, see notes)
--   'longtext'   (ObLongTextType)  -> LONGTEXT
--   'timestamp'  (ObTimestampType, precision -1 = default) -> TIMESTAMP(6)
--   'double'     -> DOUBLE, 'bool' -> TINYINT(1)
--
-- MariaDB adaptations (all deliberate):
--   * Collation utf8mb4_bin everywhere, as the project asked.  NOTE: OceanBase itself
--     builds these tables with set_collation_type(ObCharset::get_default_collation(
--     ObCharset::get_default_charset())), which is CS_TYPE_UTF8MB4_GENERAL_CI
--     (deps/oblib/src/lib/charset/ob_charset.cpp), i.e. case-INSENSITIVE.  Change the
--     COLLATE clause below to utf8mb4_general_ci to follow OceanBase on this point.
--   * __all_virtual_restore_job: OceanBase's rowkey is (tenant_id, job_id, name) with
--     name VARCHAR(1024).  InnoDB limits a key to 3072 bytes, so the primary key uses
--     a 512-character prefix of name (names are short keys such as 'tenant_name').
--   * VARCHAR columns whose full utf8mb4 size would exceed the 65535-byte row limit are
--     TEXT (zone_list, primary_zone of __all_tenant; value of the tenant parameter table).
--   * TIMESTAMP(6) behaves like OceanBase's TIMESTAMP: it is stored in UTC and shown in
--     the session time zone.  Everything in restores.sql is written with time_zone '+08:00'.
--   * The two OceanBase functions are SQL stored functions in database `oceanbase`; the
--     view files call them qualified (oceanbase.SCN_TO_TIMESTAMP) because MariaDB
--     resolves unqualified stored functions in the current database.
--   * Virtual tables are plain InnoDB tables; OceanBase fills them by iterating every
--     tenant's (meta tenant's) copy of the base table.  A dropped tenant's rows vanish
--     with its meta tenant, so restores.sql simply has no rows for dropped tenants.
-- =============================================================================

SET NAMES utf8mb4;
CREATE DATABASE IF NOT EXISTS `oceanbase` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- obshell's default database; it reads the views fully qualified only.
CREATE DATABASE IF NOT EXISTS `ocs` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

-- the views must go first (a view may depend on the tables below)
DROP VIEW IF EXISTS `oceanbase`.`CDB_OB_RESTORE_PROGRESS`;
DROP VIEW IF EXISTS `oceanbase`.`CDB_OB_RESTORE_HISTORY`;
DROP VIEW IF EXISTS `oceanbase`.`DBA_OB_TENANTS`;
-- in case the old fixture (plain tables with the view names) was loaded before
DROP TABLE IF EXISTS `oceanbase`.`CDB_OB_RESTORE_PROGRESS`;
DROP TABLE IF EXISTS `oceanbase`.`CDB_OB_RESTORE_HISTORY`;
DROP TABLE IF EXISTS `oceanbase`.`DBA_OB_TENANTS`;

-- -----------------------------------------------------------------------------
-- Functions
-- -----------------------------------------------------------------------------
-- SCN_TO_TIMESTAMP(scn): an SCN is nanoseconds since 1970-01-01 UTC; OceanBase
-- returns a TIMESTAMP (shown in the session time zone), truncated to microseconds.
DROP FUNCTION IF EXISTS `oceanbase`.`SCN_TO_TIMESTAMP`;
CREATE FUNCTION `oceanbase`.`SCN_TO_TIMESTAMP`(scn BIGINT UNSIGNED)
  RETURNS TIMESTAMP(6)
  DETERMINISTIC NO SQL
  RETURN FROM_UNIXTIME(scn DIV 1000000000) + INTERVAL ((scn DIV 1000) MOD 1000000) MICROSECOND;

-- USEC_TO_TIME(usec): microseconds since 1970-01-01 UTC -> TIMESTAMP in the session time zone.
DROP FUNCTION IF EXISTS `oceanbase`.`USEC_TO_TIME`;
CREATE FUNCTION `oceanbase`.`USEC_TO_TIME`(usec BIGINT)
  RETURNS TIMESTAMP(6)
  DETERMINISTIC NO SQL
  RETURN FROM_UNIXTIME(usec DIV 1000000) + INTERVAL (usec MOD 1000000) MICROSECOND;

-- -----------------------------------------------------------------------------
-- Restore job key/value table.  One row per (tenant_id, job_id, name).
--   tenant_id = the tenant that owns the job record: 1 for the job created by
--   ALTER SYSTEM RESTORE in sys, the restored tenant's id for the copy kept (in
--   that tenant's meta tenant) by the restored tenant.  Both copies share job_id.
-- base: __all_restore_job (158), in_tenant_space, is_cluster_private,
--       meta_record_in_sys = False; rowkey (tenant_id int, job_id int,
--       name varchar:OB_INNER_TABLE_DEFAULT_KEY_LENTH); value longtext nullable default ''.
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_restore_job`;
CREATE TABLE `oceanbase`.`__all_virtual_restore_job` (
  `tenant_id`    BIGINT        NOT NULL,
  `job_id`       BIGINT        NOT NULL,
  `name`         VARCHAR(1024) NOT NULL,
  `gmt_create`   TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified` TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `value`        LONGTEXT      NULL DEFAULT '',
  PRIMARY KEY (`tenant_id`, `job_id`, `name`(512))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- -----------------------------------------------------------------------------
-- Finished restore jobs.  base: __all_restore_job_history (160); rowkey (tenant_id, job_id).
-- (restore_type exists in the 4.3.5.5 definition; older trees may lack it.)
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_restore_job_history`;
CREATE TABLE `oceanbase`.`__all_virtual_restore_job_history` (
  `tenant_id`              BIGINT          NOT NULL,
  `job_id`                 BIGINT          NOT NULL,
  `gmt_create`             TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`           TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `initiator_job_id`       BIGINT          NOT NULL,
  `initiator_tenant_id`    BIGINT          NOT NULL,
  `restore_type`           VARCHAR(4096)   NOT NULL DEFAULT '',
  `restore_tenant_name`    VARCHAR(128)    NOT NULL DEFAULT '',
  `restore_tenant_id`      BIGINT          NOT NULL DEFAULT -1,
  `backup_tenant_name`     VARCHAR(128)    NOT NULL DEFAULT '',
  `backup_tenant_id`       BIGINT          NOT NULL DEFAULT -1,
  `backup_cluster_name`    VARCHAR(128)    NOT NULL DEFAULT '',
  `backup_dest`            LONGTEXT        NOT NULL,
  `restore_scn`            BIGINT UNSIGNED NOT NULL,
  `restore_option`         VARCHAR(4096)   NOT NULL,
  `table_list`             LONGTEXT        NULL,
  `remap_table_list`       LONGTEXT        NULL,
  `database_list`          LONGTEXT        NULL,
  `remap_database_list`    LONGTEXT        NULL,
  `start_time`             TIMESTAMP(6)    NULL,
  `finish_time`            TIMESTAMP(6)    NULL,
  `status`                 VARCHAR(64)     NOT NULL DEFAULT 'INVALID',
  `backup_piece_list`      LONGTEXT        NOT NULL,
  `backup_set_list`        LONGTEXT        NOT NULL,
  `backup_cluster_version` BIGINT          NOT NULL,
  `ls_count`               BIGINT          NOT NULL,
  `finish_ls_count`        BIGINT          NOT NULL,
  `tablet_count`           BIGINT          NOT NULL,
  `finish_tablet_count`    BIGINT          NOT NULL,
  `total_bytes`            BIGINT          NOT NULL,
  `finish_bytes`           BIGINT          NOT NULL,
  `description`            VARCHAR(1024)   NULL,
  `comment`                VARCHAR(1024)   NULL,
  PRIMARY KEY (`tenant_id`, `job_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- -----------------------------------------------------------------------------
-- Job-level progress.  base: __all_restore_progress (279); rowkey (tenant_id, job_id).
-- Written only under the restored tenant's id (ObRestorePersistHelper with
-- key_.tenant_id_ = the user tenant id, stored in that tenant's meta tenant).
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_restore_progress`;
CREATE TABLE `oceanbase`.`__all_virtual_restore_progress` (
  `tenant_id`           BIGINT          NOT NULL,
  `job_id`              BIGINT          NOT NULL,
  `gmt_create`          TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`        TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `restore_scn`         BIGINT UNSIGNED NOT NULL,
  `ls_count`            BIGINT          NOT NULL,
  `finish_ls_count`     BIGINT          NOT NULL,
  `tablet_count`        BIGINT          NOT NULL,
  `finish_tablet_count` BIGINT          NOT NULL,
  `total_bytes`         BIGINT          NOT NULL,
  `finish_bytes`        BIGINT          NOT NULL,
  PRIMARY KEY (`tenant_id`, `job_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- -----------------------------------------------------------------------------
-- Per log stream, per replica progress of a running (or failed) restore.
-- base: __all_ls_restore_progress (401); rowkey (tenant_id, job_id, ls_id, svr_ip, svr_port).
-- status = share::ObLSRestoreStatus::Status as an integer (0 NONE ... 13 RESTORE_FAILED).
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_ls_restore_progress`;
CREATE TABLE `oceanbase`.`__all_virtual_ls_restore_progress` (
  `tenant_id`           BIGINT          NOT NULL,
  `job_id`              BIGINT          NOT NULL,
  `ls_id`               BIGINT          NOT NULL,
  `svr_ip`              VARCHAR(46)     NOT NULL,
  `svr_port`            BIGINT          NOT NULL,
  `gmt_create`          TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`        TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `status`              BIGINT          NOT NULL,
  `restore_scn`         BIGINT UNSIGNED NOT NULL,
  `start_replay_scn`    BIGINT UNSIGNED NOT NULL,
  `last_replay_scn`     BIGINT UNSIGNED NOT NULL,
  `tablet_count`        BIGINT          NOT NULL,
  `finish_tablet_count` BIGINT          NOT NULL,
  `total_bytes`         BIGINT          NOT NULL,
  `finish_bytes`        BIGINT          NOT NULL,
  `trace_id`            VARCHAR(64)     NULL DEFAULT '',
  `result`              BIGINT          NULL DEFAULT 0,
  `comment`             VARCHAR(4096)   NULL DEFAULT '',
  PRIMARY KEY (`tenant_id`, `job_id`, `ls_id`, `svr_ip`, `svr_port`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- -----------------------------------------------------------------------------
-- Per log stream, per replica history (rows moved here when the restore SUCCEEDS).
-- base: __all_ls_restore_history (402); same rowkey; no status column;
-- comment is NOT NULL without default in OceanBase's definition.
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_ls_restore_history`;
CREATE TABLE `oceanbase`.`__all_virtual_ls_restore_history` (
  `tenant_id`           BIGINT          NOT NULL,
  `job_id`              BIGINT          NOT NULL,
  `ls_id`               BIGINT          NOT NULL,
  `svr_ip`              VARCHAR(46)     NOT NULL,
  `svr_port`            BIGINT          NOT NULL,
  `gmt_create`          TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`        TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `restore_scn`         BIGINT UNSIGNED NOT NULL,
  `start_replay_scn`    BIGINT UNSIGNED NOT NULL,
  `last_replay_scn`     BIGINT UNSIGNED NOT NULL,
  `tablet_count`        BIGINT          NOT NULL,
  `finish_tablet_count` BIGINT          NOT NULL,
  `total_bytes`         BIGINT          NOT NULL,
  `finish_bytes`        BIGINT          NOT NULL,
  `trace_id`            VARCHAR(64)     NULL DEFAULT '',
  `result`              BIGINT          NULL DEFAULT 0,
  `comment`             VARCHAR(4096)   NOT NULL,
  PRIMARY KEY (`tenant_id`, `job_id`, `ls_id`, `svr_ip`, `svr_port`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- -----------------------------------------------------------------------------
-- What DBA_OB_TENANTS reads.
-- __all_virtual_tenant_mysql_sys_agent: the sys-agent view of __all_tenant (108);
--   modelled as __all_tenant's columns with the gm columns as ordinary columns
--   (the agent's generator was not read; inference).  Dropped tenants have no row.
-- -----------------------------------------------------------------------------
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_tenant_mysql_sys_agent`;
CREATE TABLE `oceanbase`.`__all_virtual_tenant_mysql_sys_agent` (
  `tenant_id`                  BIGINT        NOT NULL,
  `gmt_create`                 TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`               TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `tenant_name`                VARCHAR(128)  NOT NULL,
  `zone_list`                  TEXT          NOT NULL,   -- OB: varchar:MAX_ZONE_LIST_LENGTH (8192)
  `primary_zone`               TEXT          NULL,       -- OB: varchar:MAX_ZONE_LIST_LENGTH (8192)
  `locked`                     BIGINT        NOT NULL,
  `collation_type`             BIGINT        NOT NULL,
  `info`                       VARCHAR(4096) NOT NULL,
  `locality`                   VARCHAR(4096) NOT NULL DEFAULT '',
  `previous_locality`          VARCHAR(4096) NOT NULL DEFAULT '',
  `default_tablegroup_id`      BIGINT        NOT NULL DEFAULT -1,
  `compatibility_mode`         BIGINT        NOT NULL DEFAULT 0,
  `drop_tenant_time`           BIGINT        NOT NULL DEFAULT -1,
  `status`                     VARCHAR(64)   NOT NULL DEFAULT 'NORMAL',
  `in_recyclebin`              BIGINT        NOT NULL DEFAULT 0,
  `arbitration_service_status` VARCHAR(64)   NOT NULL DEFAULT 'DISABLED',
  PRIMARY KEY (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;

-- __all_virtual_tenant_info (12255) = iterate-private virtual table of __all_tenant_info (366).
-- Only user tenants have a row (the view hard-codes sys/meta values; inference).
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_tenant_info`;
CREATE TABLE `oceanbase`.`__all_virtual_tenant_info` (
  `tenant_id`          BIGINT          NOT NULL,
  `gmt_create`         TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`       TIMESTAMP(6)    NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `tenant_role`        VARCHAR(100)    NOT NULL,
  `switchover_status`  VARCHAR(100)    NOT NULL,
  `switchover_epoch`   BIGINT          NOT NULL,
  `sync_scn`           BIGINT UNSIGNED NOT NULL,
  `replayable_scn`     BIGINT UNSIGNED NOT NULL,
  `readable_scn`       BIGINT UNSIGNED NOT NULL,
  `recovery_until_scn` BIGINT UNSIGNED NOT NULL DEFAULT 4611686018427387903, -- OB_MAX_SCN_TS_NS
  `log_mode`           VARCHAR(100)    NOT NULL DEFAULT 'NOARCHIVELOG',
  `max_ls_id`          BIGINT          NOT NULL DEFAULT 0,
  `restore_data_mode`  VARCHAR(128)    NOT NULL DEFAULT 'NORMAL',
  PRIMARY KEY (`tenant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- __all_virtual_resource_pool_mysql_sys_agent: sys-agent view of __all_resource_pool (125).
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_resource_pool_mysql_sys_agent`;
CREATE TABLE `oceanbase`.`__all_virtual_resource_pool_mysql_sys_agent` (
  `resource_pool_id`   BIGINT        NOT NULL,
  `gmt_create`         TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`       TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `name`               VARCHAR(128)  NOT NULL,
  `unit_count`         BIGINT        NOT NULL,
  `unit_config_id`     BIGINT        NOT NULL,
  `zone_list`          TEXT          NOT NULL,     -- OB: varchar:MAX_ZONE_LIST_LENGTH (8192)
  `tenant_id`          BIGINT        NOT NULL,
  `replica_type`       BIGINT        NOT NULL DEFAULT 0,
  `is_tenant_sys_pool` TINYINT(1)    NOT NULL DEFAULT 0,
  PRIMARY KEY (`resource_pool_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- __all_virtual_tenant_parameter: modelled after __tenant_parameter (119); its own
-- virtual-table definition was not read (inference).  DBA_OB_TENANTS only reads
-- TENANT_ID, NAME, VALUE (MIN(VALUE) of 'compatible').
DROP TABLE IF EXISTS `oceanbase`.`__all_virtual_tenant_parameter`;
CREATE TABLE `oceanbase`.`__all_virtual_tenant_parameter` (
  `tenant_id`      BIGINT        NOT NULL,
  `zone`           VARCHAR(128)  NOT NULL,
  `svr_type`       VARCHAR(16)   NOT NULL,
  `svr_ip`         VARCHAR(46)   NOT NULL,
  `svr_port`       BIGINT        NOT NULL,
  `name`           VARCHAR(128)  NOT NULL,
  `gmt_create`     TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6),
  `gmt_modified`   TIMESTAMP(6)  NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `data_type`      VARCHAR(128)  NULL,
  `value`          TEXT          NOT NULL,     -- OB: varchar:OB_MAX_CONFIG_VALUE_LEN (65536)
  `info`           VARCHAR(4096) NOT NULL,
  `section`        VARCHAR(128)  NULL,
  `scope`          VARCHAR(64)   NULL,
  `source`         VARCHAR(64)   NULL,
  `edit_level`     VARCHAR(128)  NULL,
  `config_version` BIGINT        NOT NULL,
  PRIMARY KEY (`tenant_id`, `zone`, `svr_type`, `svr_ip`, `svr_port`, `name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
