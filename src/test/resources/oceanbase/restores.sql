-- =============================================================================
-- restores.sql : the scenarios of the first, simplified fixture (the shared folder's fixtures/
-- oceanbase-restore.sql) re-expressed as rows of the OceanBase base (virtual) tables,
-- written the way OceanBase 4.3.5 writes them (see docs/restore-views.md and base-tables.sql for
-- the source references).  Shape-independent: load after base-tables.sql and ONE of
-- views-shape1.sql, views-shape2.sql, views-shape3.sql.
--
-- All TIMESTAMP values are written in time zone +08:00 (the seed's zone).  The views
-- show them, like OceanBase, in the *session* time zone: set time_zone = '+08:00' to
-- read back the wall-clock values of the old fixture.
--
-- How OceanBase writes one physical restore (condensed; details in docs/restore-views.md):
--   * ALTER SYSTEM RESTORE inserts the sys job: __all_restore_job rows
--     (tenant_id=1, job_id=J, name=<key>, value=<string>), status CREATE_TENANT,
--     key tenant_id = '0' until the tenant is created, then '<new tenant id>' and
--     status WAIT_TENANT_RESTORE_FINISH.
--   * Creating the tenant inserts the user job (tenant_id=<new id>, same job_id J,
--     initiator_job_id=J, initiator_tenant_id=1, status RESTORE_PRE) in the new
--     tenant's meta tenant, plus __all_restore_progress (tenant_id=<new id>, J).
--     The sys job never gets a progress row -> the TENANT_ID=1 row of
--     CDB_OB_RESTORE_PROGRESS has NULL TABLET_COUNT/TOTAL_BYTES/.../RESTORE_PROGRESS.
--   * Each replica of each log stream keeps a row in __all_ls_restore_progress.
--   * At the end the user tenant moves its job to __all_restore_job_history
--     (tenant_id=<new id>, initiator 1/J) and, on success, moves the log-stream rows to
--     __all_ls_restore_history; then sys writes its own history row (tenant_id=1)
--     with the user row's counters and comment, and deletes its job rows.
--     -> CDB_OB_RESTORE_HISTORY has TWO rows per restore while the restored tenant
--        exists (same JOB_ID and START_TIMESTAMP, TENANT_ID 1 and <tenant id>);
--        only the sys row survives once the tenant (and its meta tenant) is dropped.
--
-- Kept from the old fixture although real OceanBase would differ (docs/restore-views.md):
--   * backup_dest / backup_set_list / backup_piece_list keep the fixture's
--     access_id/access_key URIs.  OceanBase stores ObBackupDest::get_backup_dest_str():
--     root_path?host=..&access_id=..&encrypt_key=<hex of encrypted key>&checksum_type=..[&extension].
--   * History COMMENT texts keep the fixture's (illustrative) wording; OceanBase builds a
--     failed job's comment from its failed log streams ("<ls comment>;" ...), see the
--     optional UPDATE at the end of this file.
--   * rt2's DESCRIPTION / COMMENT stay NULL (OceanBase writes '' for empty strings).
-- Values of job keys that none of the views read (kms_*, compat_mode, compatible,
-- concurrency, backup_compatible, source_*_version, white_list, backup_set_desc_list,
-- log_path_list, initiator_* of the sys job) are illustrative; their names are OceanBase's.
-- =============================================================================

SET NAMES utf8mb4;
SET time_zone = '+08:00';

DELETE FROM `oceanbase`.`__all_virtual_restore_job`;
DELETE FROM `oceanbase`.`__all_virtual_restore_job_history`;
DELETE FROM `oceanbase`.`__all_virtual_restore_progress`;
DELETE FROM `oceanbase`.`__all_virtual_ls_restore_progress`;
DELETE FROM `oceanbase`.`__all_virtual_ls_restore_history`;
DELETE FROM `oceanbase`.`__all_virtual_tenant_mysql_sys_agent`;
DELETE FROM `oceanbase`.`__all_virtual_tenant_info`;
DELETE FROM `oceanbase`.`__all_virtual_resource_pool_mysql_sys_agent`;
DELETE FROM `oceanbase`.`__all_virtual_tenant_parameter`;

-- =============================================================================
-- Tenants (__all_tenant via the sys agent).  Dropped tenants 1008, 1010, 1014, 1020,
-- 1024 (and their meta tenants) have no row.  info = the fixture's COMMENT ('' where the
-- fixture had NULL: __all_tenant.info is NOT NULL).  zone_list derived from LOCALITY.
-- rt_xss (1030) and META$1030 (1029) had NULL arbitration/switchover/log-mode/SCN columns
-- in the old fixture; the NOT NULL base columns get OceanBase's defaults ('DISABLED',
-- 'NORMAL', 'NOARCHIVELOG') or 0 for the SCNs.
-- collation_type 45 = utf8mb4_general_ci (illustrative).
-- =============================================================================
INSERT INTO `oceanbase`.`__all_virtual_tenant_mysql_sys_agent`
 (tenant_id, gmt_create, gmt_modified, tenant_name, zone_list, primary_zone, locked, collation_type, info,
  locality, previous_locality, default_tablegroup_id, compatibility_mode, drop_tenant_time, status,
  in_recyclebin, arbitration_service_status)
VALUES (1, '2024-09-30 09:58:12.104233', '2024-09-30 09:58:12.104233', 'sys', 'zone1', 'RANDOM', 0, 45, 'system tenant',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1001, '2024-09-30 10:00:03.551920', '2024-09-30 10:00:03.551920', 'META$1002', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1002, '2024-09-30 10:00:03.551920', '2024-10-14 10:12:40.008190', 'tenant1', 'zone1', 'RANDOM', 0, 45, 'backup source, never restored',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1005, '2024-10-14 15:25:20.318114', '2024-10-14 15:25:20.318114', 'META$1006', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1006, '2024-10-14 15:25:20.318114', '2024-10-14 15:28:40.731559', 'rt2', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1011, '2024-10-16 09:12:47.390021', '2024-10-16 09:12:47.390021', 'META$1012', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1012, '2024-10-16 09:12:47.390021', '2024-10-16 09:20:09.004417', 'rt_multi', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1015, '2024-10-17 16:45:32.811640', '2024-10-17 16:45:32.811640', 'META$1016', 'zone1;zone2;zone3', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1,FULL{1}@zone2,FULL{1}@zone3', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1016, '2024-10-17 16:45:32.811640', '2024-10-17 16:52:12.003015', 'rt_failed', 'zone1;zone2;zone3', 'RANDOM', 0, 45, 'left behind by a failed restore',
  'FULL{1}@zone1,FULL{1}@zone2,FULL{1}@zone3', '', -1, 0, -1, 'RESTORE', 0, 'NOT_ENABLED'),
 (1017, '2024-10-18 08:00:03.200410', '2024-10-18 08:00:03.200410', 'META$1018', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1018, '2024-10-18 08:00:03.200410', '2024-10-18 08:15:50.119930', 'rt-4_x~y+z#1', 'zone1', 'RANDOM', 0, 45, 'name uses every special character obshell allows: - _ ~ + #',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1021, '2024-10-19 10:00:00.402318', '2024-10-19 10:00:00.402318', 'META$1022', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1022, '2024-10-19 10:00:00.402318', '2024-10-19 10:00:00.402318', 't_recreated', 'zone1', 'RANDOM', 0, 45, 'created with CREATE TENANT after the restored tenant 1014 of the same name was dropped',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1025, '2024-10-20 23:00:02.771003', '2024-10-20 23:00:02.771003', 'META$1026', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1026, '2024-10-20 23:00:02.771003', '2024-10-20 23:10:04.880412', 'rt_unparsable', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1027, '2024-10-21 09:00:02.647520', '2024-10-21 09:00:02.647520', 'META$1028', 'zone1;zone2;zone3', 'zone1;zone2,zone3', 0, 45, '',
  'FULL{1}@zone1,FULL{1}@zone2,FULL{1}@zone3', '', -1, 0, -1, 'NORMAL', 0, 'NOT_ENABLED'),
 (1028, '2024-10-21 09:00:02.647520', '2024-10-21 09:00:02.647520', 'rt_running', 'zone1;zone2;zone3', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1,FULL{1}@zone2,FULL{1}@zone3', '', -1, 0, -1, 'RESTORE', 0, 'NOT_ENABLED'),
 (1029, '2024-10-13 08:00:01.000000', '2024-10-13 08:00:01.000000', 'META$1030', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'DISABLED'),
 (1030, '2024-10-13 08:00:01.000000', '2024-10-13 08:06:00.000000', 'rt_xss', 'zone1', 'RANDOM', 0, 45, '',
  'FULL{1}@zone1', '', -1, 0, -1, 'NORMAL', 0, 'DISABLED');

-- __all_tenant_info: user tenants only (the view hard-codes sys/meta values).
INSERT INTO `oceanbase`.`__all_virtual_tenant_info`
 (tenant_id, gmt_create, gmt_modified, tenant_role, switchover_status, switchover_epoch, sync_scn,
  replayable_scn, readable_scn, recovery_until_scn, log_mode, max_ls_id, restore_data_mode)
VALUES (1002, '2024-09-30 10:00:03.551920', '2024-10-14 10:12:40.008190', 'PRIMARY', 'NORMAL', 0, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'ARCHIVELOG', 1001, 'NORMAL'),
 (1006, '2024-10-14 15:25:20.318114', '2024-10-14 15:28:40.731559', 'PRIMARY', 'NORMAL', 1, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'NOARCHIVELOG', 1001, 'NORMAL'),
 (1012, '2024-10-16 09:12:47.390021', '2024-10-16 09:20:09.004417', 'PRIMARY', 'NORMAL', 1, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'NOARCHIVELOG', 1001, 'NORMAL'),
 (1016, '2024-10-17 16:45:32.811640', '2024-10-17 16:52:12.003015', 'RESTORE', 'NORMAL', 0, 1729152000000000000, 1729152000000000000, 1729152000000000000, 1729152000000000000, 'NOARCHIVELOG', 1002, 'NORMAL'),
 (1018, '2024-10-18 08:00:03.200410', '2024-10-18 08:15:50.119930', 'PRIMARY', 'NORMAL', 1, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'NOARCHIVELOG', 1003, 'NORMAL'),
 (1022, '2024-10-19 10:00:00.402318', '2024-10-19 10:00:00.402318', 'PRIMARY', 'NORMAL', 0, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'NOARCHIVELOG', 1001, 'NORMAL'),
 (1026, '2024-10-20 23:00:02.771003', '2024-10-20 23:10:04.880412', 'PRIMARY', 'NORMAL', 1, 1729474200000000000, 1729474200000000000, 1729474199000000000, 4611686018427387903, 'NOARCHIVELOG', 1001, 'NORMAL'),
 (1028, '2024-10-21 09:00:02.647520', '2024-10-21 09:00:02.647520', 'RESTORE', 'NORMAL', 0, 1729468800000000000, 1729468800000000000, 1729468800000000000, 1729470600123456789, 'NOARCHIVELOG', 1003, 'NORMAL'),
 (1030, '2024-10-13 08:00:01.000000', '2024-10-13 08:06:00.000000', 'PRIMARY', 'NORMAL', 0, 0, 0, 0, 4611686018427387903, 'NOARCHIVELOG', 1001, 'NORMAL');

-- Resource pools (UNIT_NUM); one pool per SYS/USER tenant, the META tenant is matched by
-- C.META_TENANT_ID = TENANT_ID - 1 in the view.  Names follow the restore pool_list where known.
INSERT INTO `oceanbase`.`__all_virtual_resource_pool_mysql_sys_agent`
 (resource_pool_id, gmt_create, gmt_modified, name, unit_count, unit_config_id, zone_list, tenant_id, replica_type, is_tenant_sys_pool)
VALUES (1, '2024-09-30 09:58:12.104233', '2024-09-30 09:58:12.104233', 'sys_pool', 1, 1, 'zone1', 1, 0, 0),
 (2, '2024-09-30 10:00:03.551920', '2024-09-30 10:00:03.551920', 'tenant1_pool', 1, 2, 'zone1', 1002, 0, 0),
 (3, '2024-10-14 15:25:20.318114', '2024-10-14 15:25:20.318114', 'rt2_zone1_1728890715815', 1, 3, 'zone1', 1006, 0, 0),
 (4, '2024-10-16 09:12:47.390021', '2024-10-16 09:12:47.390021', 'rt_multi_zone1_1729041163019', 1, 4, 'zone1', 1012, 0, 0),
 (5, '2024-10-17 16:45:32.811640', '2024-10-17 16:45:32.811640', 'rt_failed_zone1_1729154728104', 1, 5, 'zone1;zone2;zone3', 1016, 0, 0),
 (6, '2024-10-18 08:00:03.200410', '2024-10-18 08:00:03.200410', 'pool_rt4_zone1', 1, 6, 'zone1', 1018, 0, 0),
 (7, '2024-10-19 10:00:00.402318', '2024-10-19 10:00:00.402318', 't_recreated_pool', 1, 7, 'zone1', 1022, 0, 0),
 (8, '2024-10-20 23:00:02.771003', '2024-10-20 23:00:02.771003', 'rt_unparsable_zone1_1729436399001', 1, 8, 'zone1', 1026, 0, 0),
 (9, '2024-10-21 09:00:02.647520', '2024-10-21 09:00:02.647520', 'rt_running_zone1_1729472398131', 1, 9, 'zone1;zone2;zone3', 1028, 0, 0),
 (10, '2024-10-13 08:00:01.000000', '2024-10-13 08:00:01.000000', 'rt_xss_zone1_1728777600000', 1, 10, 'zone1', 1030, 0, 0);

-- Tenant parameter 'compatible' (COMPATIBLE = MIN(VALUE) per tenant), one server.
INSERT INTO `oceanbase`.`__all_virtual_tenant_parameter`
 (tenant_id, zone, svr_type, svr_ip, svr_port, name, data_type, value, info, section, scope, source, edit_level, config_version)
VALUES (1, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1001, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1002, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1005, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1006, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1011, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1012, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1015, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1016, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.2.5.0', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1017, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1018, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1021, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1022, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1025, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1026, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1027, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1028, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1029, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1),
 (1030, 'zone1', 'observer', '10.10.10.1', 2882, 'compatible', 'VERSION', '4.3.5.1', 'compatible version for persisted data', 'TENANT', 'TENANT', 'DEFAULT', 'DYNAMIC_EFFECTIVE', 1);

-- =============================================================================
-- Running jobs (__all_restore_job key/value rows).
-- job 11 rt_running: sys copy (tenant_id 1, WAIT_TENANT_RESTORE_FINISH) and the copy kept
--   by tenant 1028 (RESTORE_WAIT_LS, shown as 'RESTORING' by the view).  The user copy is
--   inserted FIRST (as in the old fixture) so that a query forgetting TENANT_ID = 1 and
--   taking the first row picks the wrong one (scan order is not guaranteed, though).
--   consistent_scn is chosen so that shape 3 shows RECOVER_PROGRESS 37.50 with
--   RECOVER_SCN = tenant 1028's readable_scn (1729468800000000000); progress_display_mode
--   BYTES gives RESTORE_PROGRESS = TRUNCATE(22333829939/53687091200*100,2): MariaDB yields
--   41.59 (22333829939/53687091200 = 0.41599999999...; the old fixture stored 41.60).
--   OceanBase's ObExprDiv::div_number truncates the quotient at a calc scale (9 digits
--   for MySQL mode, inference) so it very likely shows 41.59 as well; not run on OB.
-- job 12 rt_ghost: sys copy only, CREATE_TENANT, tenant_id '0' (tenant not created yet).
-- =============================================================================
INSERT INTO `oceanbase`.`__all_virtual_restore_job` (tenant_id, job_id, name, value) VALUES
 (1028, 11, 'initiator_job_id', '11'),
 (1028, 11, 'initiator_tenant_id', '1'),
 (1028, 11, 'tenant_id', '1028'),
 (1028, 11, 'backup_tenant_id', '1004'),
 (1028, 11, 'restore_start_ts', '1729472400250000'),
 (1028, 11, 'restoring_start_ts', '1729472700000000'),
 (1028, 11, 'comment', ''),
 (1028, 11, 'restore_scn', '1729470600123456789'),
 (1028, 11, 'consistent_scn', '1729467719925925888'),
 (1028, 11, 'restore_type', 'FULL'),
 (1028, 11, 'progress_display_mode', 'BYTES'),
 (1028, 11, 'post_data_version', '4.3.5.1'),
 (1028, 11, 'status', 'RESTORE_WAIT_LS'),
 (1028, 11, 'restore_option', 'pool_list=rt_running_zone1_1729472398131,rt_running_zone2_1729472398131,rt_running_zone3_1729472398131&locality=FULL@zone1,FULL@zone2,FULL@zone3&primary_zone=RANDOM&concurrency=8'),
 (1028, 11, 'backup_dest', 's3://ob-backup-prod/obcluster-prod/mysql_prod/data?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2'),
 (1028, 11, 'description', ''),
 (1028, 11, 'tenant_name', 'rt_running'),
 (1028, 11, 'backup_tenant_name', 'mysql_prod'),
 (1028, 11, 'backup_cluster_name', 'obcluster-prod'),
 (1028, 11, 'pool_list', 'rt_running_zone1_1729472398131,rt_running_zone2_1729472398131,rt_running_zone3_1729472398131'),
 (1028, 11, 'primary_zone', 'RANDOM'),
 (1028, 11, 'locality', 'FULL@zone1,FULL@zone2,FULL@zone3'),
 (1028, 11, 'kms_encrypt', '0'),
 (1028, 11, 'kms_info', ''),
 (1028, 11, 'encrypt_key', ''),
 (1028, 11, 'kms_dest', ''),
 (1028, 11, 'kms_encrypt_key', ''),
 (1028, 11, 'compat_mode', '0'),
 (1028, 11, 'compatible', '17180066049'),
 (1028, 11, 'passwd_array', ''),
 (1028, 11, 'concurrency', '8'),
 (1028, 11, 'recover_table', '0'),
 (1028, 11, 'using_complement_log', '0'),
 (1028, 11, 'backup_compatible', '4'),
 (1028, 11, 'sts_credential', ''),
 (1028, 11, 'source_cluster_version', '4.3.5.1'),
 (1028, 11, 'source_data_version', '4.3.5.1'),
 (1028, 11, 'white_list', ''),
 (1028, 11, 'b_white_list', ''),
 (1028, 11, 'backup_set_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_7_full?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_8_inc?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2'),
 (1028, 11, 'backup_set_desc_list', ''),
 (1028, 11, 'backup_piece_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r3p7?host=s3.us-west-2.amazonaws.com&s3_region=us-west-2&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r3p8?host=s3.us-west-2.amazonaws.com&s3_region=us-west-2&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011'),
 (1028, 11, 'log_path_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2');
INSERT INTO `oceanbase`.`__all_virtual_restore_job` (tenant_id, job_id, name, value) VALUES
 (1, 11, 'initiator_job_id', '0'),
 (1, 11, 'initiator_tenant_id', '1'),
 (1, 11, 'tenant_id', '1028'),
 (1, 11, 'backup_tenant_id', '1004'),
 (1, 11, 'restore_start_ts', '1729472400250000'),
 (1, 11, 'restoring_start_ts', '0'),
 (1, 11, 'comment', ''),
 (1, 11, 'restore_scn', '1729470600123456789'),
 (1, 11, 'consistent_scn', '1729467719925925888'),
 (1, 11, 'restore_type', 'FULL'),
 (1, 11, 'progress_display_mode', 'BYTES'),
 (1, 11, 'post_data_version', '4.3.5.1'),
 (1, 11, 'status', 'WAIT_TENANT_RESTORE_FINISH'),
 (1, 11, 'restore_option', 'pool_list=rt_running_zone1_1729472398131,rt_running_zone2_1729472398131,rt_running_zone3_1729472398131&locality=FULL@zone1,FULL@zone2,FULL@zone3&primary_zone=RANDOM&concurrency=8'),
 (1, 11, 'backup_dest', 's3://ob-backup-prod/obcluster-prod/mysql_prod/data?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2'),
 (1, 11, 'description', ''),
 (1, 11, 'tenant_name', 'rt_running'),
 (1, 11, 'backup_tenant_name', 'mysql_prod'),
 (1, 11, 'backup_cluster_name', 'obcluster-prod'),
 (1, 11, 'pool_list', 'rt_running_zone1_1729472398131,rt_running_zone2_1729472398131,rt_running_zone3_1729472398131'),
 (1, 11, 'primary_zone', 'RANDOM'),
 (1, 11, 'locality', 'FULL@zone1,FULL@zone2,FULL@zone3'),
 (1, 11, 'kms_encrypt', '0'),
 (1, 11, 'kms_info', ''),
 (1, 11, 'encrypt_key', ''),
 (1, 11, 'kms_dest', ''),
 (1, 11, 'kms_encrypt_key', ''),
 (1, 11, 'compat_mode', '0'),
 (1, 11, 'compatible', '17180066049'),
 (1, 11, 'passwd_array', ''),
 (1, 11, 'concurrency', '8'),
 (1, 11, 'recover_table', '0'),
 (1, 11, 'using_complement_log', '0'),
 (1, 11, 'backup_compatible', '4'),
 (1, 11, 'sts_credential', ''),
 (1, 11, 'source_cluster_version', '4.3.5.1'),
 (1, 11, 'source_data_version', '4.3.5.1'),
 (1, 11, 'white_list', ''),
 (1, 11, 'b_white_list', ''),
 (1, 11, 'backup_set_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_7_full?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_8_inc?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2'),
 (1, 11, 'backup_set_desc_list', ''),
 (1, 11, 'backup_piece_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r3p7?host=s3.us-west-2.amazonaws.com&s3_region=us-west-2&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r3p8?host=s3.us-west-2.amazonaws.com&s3_region=us-west-2&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011'),
 (1, 11, 'log_path_list', 's3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0011&access_key=FAKE0SECRET0s3+/0011&s3_region=us-west-2');
INSERT INTO `oceanbase`.`__all_virtual_restore_job` (tenant_id, job_id, name, value) VALUES
 (1, 12, 'initiator_job_id', '0'),
 (1, 12, 'initiator_tenant_id', '1'),
 (1, 12, 'tenant_id', '0'),
 (1, 12, 'backup_tenant_id', '1002'),
 (1, 12, 'restore_start_ts', '1729474198000001'),
 (1, 12, 'restoring_start_ts', '0'),
 (1, 12, 'comment', ''),
 (1, 12, 'restore_scn', '1729473600000000000'),
 (1, 12, 'consistent_scn', '1729473000000000000'),
 (1, 12, 'restore_type', 'FULL'),
 (1, 12, 'progress_display_mode', 'BYTES'),
 (1, 12, 'post_data_version', '4.3.5.1'),
 (1, 12, 'status', 'CREATE_TENANT'),
 (1, 12, 'restore_option', 'pool_list=rt_ghost_zone1_1729474190442&locality=FULL@zone1&primary_zone=RANDOM'),
 (1, 12, 'backup_dest', 'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0012&access_key=FAKE0SECRET0oss0000000000000012,oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0012&access_key=FAKE0SECRET0oss0000000000000012'),
 (1, 12, 'description', ''),
 (1, 12, 'tenant_name', 'rt_ghost'),
 (1, 12, 'backup_tenant_name', 'tenant1'),
 (1, 12, 'backup_cluster_name', 'ob-test'),
 (1, 12, 'pool_list', 'rt_ghost_zone1_1729474190442'),
 (1, 12, 'primary_zone', 'RANDOM'),
 (1, 12, 'locality', 'FULL@zone1'),
 (1, 12, 'kms_encrypt', '0'),
 (1, 12, 'kms_info', ''),
 (1, 12, 'encrypt_key', ''),
 (1, 12, 'kms_dest', ''),
 (1, 12, 'kms_encrypt_key', ''),
 (1, 12, 'compat_mode', '0'),
 (1, 12, 'compatible', '17180066049'),
 (1, 12, 'passwd_array', ''),
 (1, 12, 'concurrency', '0'),
 (1, 12, 'recover_table', '0'),
 (1, 12, 'using_complement_log', '0'),
 (1, 12, 'backup_compatible', '4'),
 (1, 12, 'sts_credential', ''),
 (1, 12, 'source_cluster_version', '4.3.5.1'),
 (1, 12, 'source_data_version', '4.3.5.1'),
 (1, 12, 'white_list', ''),
 (1, 12, 'b_white_list', ''),
 (1, 12, 'backup_set_list', 'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_9_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0012&access_key=FAKE0SECRET0oss0000000000000012'),
 (1, 12, 'backup_set_desc_list', ''),
 (1, 12, 'backup_piece_list', 'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r4p1?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0012&access_key=FAKE0SECRET0oss0000000000000012'),
 (1, 12, 'log_path_list', 'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0012&access_key=FAKE0SECRET0oss0000000000000012');
UPDATE `oceanbase`.`__all_virtual_restore_job` SET gmt_create = '2024-10-21 09:00:00.250000', gmt_modified = '2024-10-21 09:00:02.647520' WHERE job_id = 11;
UPDATE `oceanbase`.`__all_virtual_restore_job` SET gmt_create = '2024-10-21 09:29:58.000001', gmt_modified = '2024-10-21 09:29:58.000001' WHERE job_id = 12;

-- =============================================================================
-- __all_restore_progress: only under the restored tenant's id.  Job 11 carries the
-- numbers the old fixture showed on the sys row (1536/612 tablets, 50.00GB/20.80GB).
-- Rows of finished jobs are left behind by OceanBase (recycle_restore_job does not
-- delete them in the code read; inference) - invisible in the views (no job row to join).
-- =============================================================================
INSERT INTO `oceanbase`.`__all_virtual_restore_progress`
 (tenant_id, job_id, gmt_create, gmt_modified, restore_scn, ls_count, finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes)
VALUES
 (1028, 11, '2024-10-21 09:00:02.647520', '2024-10-21 09:41:10.000000', 1729470600123456789, 3, 0, 1536, 612, 53687091200, 22333829939),
 (1006, 1, '2024-10-14 15:25:18.092782', '2024-10-14 15:28:31.519092', 1728890608464651300, 2, 0, 590, 590, 18622071, 0),
 (1012, 4, '2024-10-16 09:12:45.123456', '2024-10-16 09:20:00.000001', 1729040400000000000, 2, 2, 612, 612, 734003200, 734003200),
 (1016, 6, '2024-10-17 16:45:30.000500', '2024-10-17 16:52:08.998877', 1729152000000000000, 3, 1, 1024, 377, 3221225472, 1186195456),
 (1018, 7, '2024-10-18 08:00:01.000000', '2024-10-18 08:15:39.424242', 1729207800000000000, 3, 3, 2048, 2048, 3298534883333, 3298534883333),
 (1026, 10, '2024-10-20 23:00:00.999999', '2024-10-20 23:09:56.500000', 1729435500000000000, 1, 1, 128, 128, 524288, 524288),
 (1030, 13, '2024-10-13 08:00:00.000000', '2024-10-13 08:04:57.000000', 1728777600000000000, 1, 0, 64, 3, 104857600, 4194304);

-- =============================================================================
-- __all_restore_job_history.  Sys rows (tenant_id 1) = the old fixture's rows.  User rows
-- (tenant_id = restored tenant, initiator 1/job) only for tenants that still exist
-- (1006, 1012, 1016, 1018, 1026, 1030); their FINISH_TIME is 3 s before the sys row's
-- (the user tenant finishes first; the 3 s are illustrative).  Both rows share
-- START_TIME (both come from the same restore_start_ts).
-- backup_cluster_version = the packed source cluster version; restore_type 'FULL'.
-- =============================================================================
INSERT INTO `oceanbase`.`__all_virtual_restore_job_history`
 (tenant_id, job_id, gmt_create, gmt_modified, initiator_job_id, initiator_tenant_id, restore_type,
  restore_tenant_name, restore_tenant_id, backup_tenant_name, backup_tenant_id, backup_cluster_name,
  backup_dest, restore_scn, restore_option, table_list, remap_table_list, database_list, remap_database_list,
  start_time, finish_time, status, backup_piece_list, backup_set_list, backup_cluster_version,
  ls_count, finish_ls_count, tablet_count, finish_tablet_count, total_bytes, finish_bytes, description, comment)
VALUES
 -- job 4 rt_multi, sys row
 (1, 4, '2024-10-16 09:20:03.000001', '2024-10-16 09:20:03.000001', 0, 1, 'FULL',
  'rt_multi', 1012, 'tenant1', 1002, 'ob-test',
  'file:///data/nfs/ob_backup/ob-test/tenant1/data,file:///data/nfs/ob_backup/ob-test/tenant1/clog',
  1729040400000000000, 'pool_list=rt_multi_zone1_1729041163019&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-16 09:12:45.123456', '2024-10-16 09:20:03.000001', 'SUCCESS',
  'file:///data/nfs/ob_backup/ob-test/tenant1/clog/piece_d1002r1p1,file:///data/nfs/ob_backup/ob-test/tenant1/clog/piece_d1002r1p2',
  'file:///data/nfs/ob_backup/ob-test/tenant1/data/backup_set_3_full,file:///data/nfs/ob_backup/ob-test/tenant1/data/backup_set_4_inc',
  17180000519, 2, 2, 612, 612, 734003200, 734003200,
  '',
  ''),
 -- job 4 rt_multi, copy kept by tenant 1012
 (1012, 4, '2024-10-16 09:20:00.000001', '2024-10-16 09:20:00.000001', 4, 1, 'FULL',
  'rt_multi', 1012, 'tenant1', 1002, 'ob-test',
  'file:///data/nfs/ob_backup/ob-test/tenant1/data,file:///data/nfs/ob_backup/ob-test/tenant1/clog',
  1729040400000000000, 'pool_list=rt_multi_zone1_1729041163019&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-16 09:12:45.123456', '2024-10-16 09:20:00.000001', 'SUCCESS',
  'file:///data/nfs/ob_backup/ob-test/tenant1/clog/piece_d1002r1p1,file:///data/nfs/ob_backup/ob-test/tenant1/clog/piece_d1002r1p2',
  'file:///data/nfs/ob_backup/ob-test/tenant1/data/backup_set_3_full,file:///data/nfs/ob_backup/ob-test/tenant1/data/backup_set_4_inc',
  17180000519, 2, 2, 612, 612, 734003200, 734003200,
  '',
  ''),
 -- job 1 rt2, sys row
 (1, 1, '2024-10-14 15:28:34.519092', '2024-10-14 15:28:34.519092', 0, 1, 'FULL',
  'rt2', 1006, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001,oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  1728890608464651300, 'pool_list=rt2_zone1_1728890715815&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-14 15:25:18.092782', '2024-10-14 15:28:34.519092', 'SUCCESS',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r2p2?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_2_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  17180000519, 2, 0, 590, 590, 18622071, 0,
  NULL,
  NULL),
 -- job 1 rt2, copy kept by tenant 1006
 (1006, 1, '2024-10-14 15:28:31.519092', '2024-10-14 15:28:31.519092', 1, 1, 'FULL',
  'rt2', 1006, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001,oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  1728890608464651300, 'pool_list=rt2_zone1_1728890715815&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-14 15:25:18.092782', '2024-10-14 15:28:31.519092', 'SUCCESS',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r2p2?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_2_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0001&access_key=FAKE0SECRET0oss0000000000000001',
  17180000519, 2, 0, 590, 590, 18622071, 0,
  NULL,
  NULL),
 -- job 3 rt_multi, sys row
 (1, 3, '2024-10-15 14:31:05.877190', '2024-10-15 14:31:05.877190', 0, 1, 'FULL',
  'rt_multi', 1010, 'tenant1', 1002, 'ob-test',
  'cos://ob-backup-1250000000/ob-test/tenant1/data?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0003&access_key=FAKE0SECRET0cos0003&appid=1250000000,cos://ob-backup-1250000000/ob-test/tenant1/clog?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0003&access_key=FAKE0SECRET0cos0003&appid=1250000000',
  1728968400000000000, 'pool_list=rt_multi_zone1_1728973810047&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-15 14:30:12.500000', '2024-10-15 14:31:05.877190', 'FAIL',
  'cos://ob-backup-1250000000/ob-test/tenant1/clog/piece_d1002r1p1?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0003&access_key=FAKE0SECRET0cos0003&appid=1250000000',
  'cos://ob-backup-1250000000/ob-test/tenant1/data/backup_set_3_full?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0003&access_key=FAKE0SECRET0cos0003&appid=1250000000',
  17180000519, 2, 0, 612, 87, 734003200, 0,
  '',
  'physical restore canceled by ALTER SYSTEM CANCEL RESTORE rt_multi'),
 -- job 9 rt_running, sys row
 (1, 9, '2024-10-20 22:10:00.000000', '2024-10-20 22:10:00.000000', 0, 1, 'FULL',
  'rt_running', 1024, 'mysql_prod', 1004, 'obcluster-prod',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/data?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0009&access_key=FAKE0SECRET0s3/0009&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0009&access_key=FAKE0SECRET0s3/0009&s3_region=us-west-2',
  1729431000000000000, 'pool_list=rt_running_zone1_1729432795566,rt_running_zone2_1729432795566,rt_running_zone3_1729432795566&locality=FULL@zone1,FULL@zone2,FULL@zone3&primary_zone=RANDOM', '', '', '', '',
  '2024-10-20 22:00:00.000000', '2024-10-20 22:10:00.000000', 'FAIL',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r3p7?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0009&access_key=FAKE0SECRET0s3/0009&s3_region=us-west-2',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_7_full?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0009&access_key=FAKE0SECRET0s3/0009&s3_region=us-west-2',
  17180067073, 3, 0, 1536, 0, 53687091200, 0,
  '',
  'unit resource not enough, create tenant failed (result -4733)'),
 -- job 2 rt_multi, sys row
 (1, 2, '2024-10-15 10:03:41.204311', '2024-10-15 10:03:41.204311', 0, 1, 'FULL',
  'rt_multi', 1008, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0002&access_key=FAKE0SECRET0oss0000000000000002,oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0002&access_key=FAKE0SECRET0oss0000000000000002',
  1728954000000000000, 'pool_list=rt_multi_zone1_1728957595231&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-15 10:00:00.000000', '2024-10-15 10:03:41.204311', 'FAIL',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r2p3?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0002&access_key=FAKE0SECRET0oss0000000000000002',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_2_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0002&access_key=FAKE0SECRET0oss0000000000000002',
  17180000519, 2, 0, 0, 0, 0, 0,
  '',
  'LS_ID:1001, ADDR:"10.10.10.1:2882", RESULT:-9032, TRACE_ID:YB420A0A0A01-000624A1B2C3D4E5-0-0, COMMENT:"log piece piece_d1001r2p3 does not exist"'),
 -- job 5 t_recreated, sys row
 (1, 5, '2024-10-16 11:06:10.100000', '2024-10-16 11:06:10.100000', 0, 1, 'FULL',
  't_recreated', 1014, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0005&access_key=FAKE0SECRET0oss0000000000000005,oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0005&access_key=FAKE0SECRET0oss0000000000000005',
  1729045800000000000, 'pool_list=t_recreated_zone1_1729047598310&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-16 11:00:00.654321', '2024-10-16 11:06:10.100000', 'SUCCESS',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r3p1?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0005&access_key=FAKE0SECRET0oss0000000000000005',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_4_inc?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0005&access_key=FAKE0SECRET0oss0000000000000005',
  17180000519, 1, 1, 300, 300, 157286400, 157286400,
  '',
  ''),
 -- job 6 rt_failed, sys row
 (1, 6, '2024-10-17 16:52:11.998877', '2024-10-17 16:52:11.998877', 0, 1, 'FULL',
  'rt_failed', 1016, 'tenant1', 1002, 'ob-test',
  's3://ob-backup/prod/tenant1/data?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true,s3://ob-backup/prod/tenant1/clog?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  1729152000000000000, 'pool_list=rt_failed_zone1_1729154728104,rt_failed_zone2_1729154728104,rt_failed_zone3_1729154728104&locality=FULL@zone1,FULL@zone2,FULL@zone3&primary_zone=RANDOM', '', '', '', '',
  '2024-10-17 16:45:30.000500', '2024-10-17 16:52:11.998877', 'FAIL',
  's3://ob-backup/prod/tenant1/clog/piece_d1003r1p1?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  's3://ob-backup/prod/tenant1/data/backup_set_4_full?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  17180001536, 3, 1, 1024, 377, 3221225472, 1186195456,
  '',
  'LS_ID:1002, ADDR:"10.10.10.3:2882", RESULT:-4016, TRACE_ID:YB420A0A0A03-000624B7C8D9E0F1-0-0, COMMENT:"restore major sstable failed, tablet_id=200001"'),
 -- job 6 rt_failed, copy kept by tenant 1016
 (1016, 6, '2024-10-17 16:52:08.998877', '2024-10-17 16:52:08.998877', 6, 1, 'FULL',
  'rt_failed', 1016, 'tenant1', 1002, 'ob-test',
  's3://ob-backup/prod/tenant1/data?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true,s3://ob-backup/prod/tenant1/clog?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  1729152000000000000, 'pool_list=rt_failed_zone1_1729154728104,rt_failed_zone2_1729154728104,rt_failed_zone3_1729154728104&locality=FULL@zone1,FULL@zone2,FULL@zone3&primary_zone=RANDOM', '', '', '', '',
  '2024-10-17 16:45:30.000500', '2024-10-17 16:52:08.998877', 'FAIL',
  's3://ob-backup/prod/tenant1/clog/piece_d1003r1p1?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  's3://ob-backup/prod/tenant1/data/backup_set_4_full?host=minio.internal.example:9000&access_id=minioFAKEID0006&access_key=FAKE0SECRET0minio0006&force_path_style=true',
  17180001536, 3, 1, 1024, 377, 3221225472, 1186195456,
  '',
  'LS_ID:1002, ADDR:"10.10.10.3:2882", RESULT:-4016, TRACE_ID:YB420A0A0A03-000624B7C8D9E0F1-0-0, COMMENT:"restore major sstable failed, tablet_id=200001"'),
 -- job 7 rt-4_x~y+z#1, sys row
 (1, 7, '2024-10-18 08:15:42.424242', '2024-10-18 08:15:42.424242', 0, 1, 'FULL',
  'rt-4_x~y+z#1', 1018, 'mysql_prod', 1004, 'obcluster-prod',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/data?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging,cos://ob-backup-1250000000/obcluster-prod/mysql_prod/clog?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging',
  1729207800000000000, 'pool_list=pool_rt4_zone1&locality=FULL@zone1', '', '', '', '',
  '2024-10-18 08:00:01.000000', '2024-10-18 08:15:42.424242', 'SUCCESS',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/clog/piece_d1004r1p1/?appid=1250000000&host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/data/backup_set_5_full?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging',
  17180067073, 3, 3, 2048, 2048, 3298534883333, 3298534883333,
  'DR drill 2024Q4 "quoted" text',
  ''),
 -- job 7 rt-4_x~y+z#1, copy kept by tenant 1018
 (1018, 7, '2024-10-18 08:15:39.424242', '2024-10-18 08:15:39.424242', 7, 1, 'FULL',
  'rt-4_x~y+z#1', 1018, 'mysql_prod', 1004, 'obcluster-prod',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/data?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging,cos://ob-backup-1250000000/obcluster-prod/mysql_prod/clog?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging',
  1729207800000000000, 'pool_list=pool_rt4_zone1&locality=FULL@zone1', '', '', '', '',
  '2024-10-18 08:00:01.000000', '2024-10-18 08:15:39.424242', 'SUCCESS',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/clog/piece_d1004r1p1/?appid=1250000000&host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007',
  'cos://ob-backup-1250000000/obcluster-prod/mysql_prod/data/backup_set_5_full?host=cos.ap-guangzhou.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0007&access_key=FAKE0SECRET0cos0007&appid=1250000000&delete_mode=tagging',
  17180067073, 3, 3, 2048, 2048, 3298534883333, 3298534883333,
  'DR drill 2024Q4 "quoted" text',
  ''),
 -- job 8 rt_dropped, sys row
 (1, 8, '2024-10-18 13:21:30.222222', '2024-10-18 13:21:30.222222', 0, 1, 'FULL',
  'rt_dropped', 1020, 'mysql_prod', 1004, 'obcluster-prod',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/data?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0008&access_key=FAKE0SECRET0s3/0008&s3_region=us-west-2,s3://ob-backup-prod/obcluster-prod/mysql_prod/clog?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0008&access_key=FAKE0SECRET0s3/0008&s3_region=us-west-2',
  1729227600000000000, 'pool_list=rt_dropped_zone1_1729228798842&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-18 13:20:00.111111', '2024-10-18 13:21:30.222222', 'FAIL',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/clog/piece_d1006r2p1?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0008&access_key=FAKE0SECRET0s3/0008&s3_region=us-west-2',
  's3://ob-backup-prod/obcluster-prod/mysql_prod/data/backup_set_6_full?host=s3.us-west-2.amazonaws.com&access_id=AKIAFAKEFAKEFAKE0008&access_key=FAKE0SECRET0s3/0008&s3_region=us-west-2',
  17180067073, 1, 0, 128, 0, 524288, 0,
  '',
  'physical restore canceled by ALTER SYSTEM CANCEL RESTORE rt_dropped'),
 -- job 10 rt_unparsable, sys row
 (1, 10, '2024-10-20 23:09:59.500000', '2024-10-20 23:09:59.500000', 0, 1, 'FULL',
  'rt_unparsable', 1026, 'tenant1', 1002, 'ob-test',
  'cos://ob-backup-1250000000/legacy/tenant1/data?host=cos.ap-shanghai.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0010&access_key=FAKE0SECRET0cos0010,azblob://obbackup/legacy/tenant1/clog?host=https://obbackupacct.blob.core.windows.net&access_id=obbackupacct&access_key=FAKE0SECRET0azure0010',
  1729435500000000000, 'pool_list=rt_unparsable_zone1_1729436399001&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-20 23:00:00.999999', '2024-10-20 23:09:59.500000', 'SUCCESS',
  'azblob://obbackup/legacy/tenant1/clog/piece_d1005r1p1?host=https://obbackupacct.blob.core.windows.net&access_id=obbackupacct&access_key=FAKE0SECRET0azure0010',
  'cos://ob-backup-1250000000/legacy/tenant1/data/backup_set_1_full?host=cos.ap-shanghai.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0010&access_key=FAKE0SECRET0cos0010',
  17180001536, 1, 1, 128, 128, 524288, 524288,
  '',
  ''),
 -- job 10 rt_unparsable, copy kept by tenant 1026
 (1026, 10, '2024-10-20 23:09:56.500000', '2024-10-20 23:09:56.500000', 10, 1, 'FULL',
  'rt_unparsable', 1026, 'tenant1', 1002, 'ob-test',
  'cos://ob-backup-1250000000/legacy/tenant1/data?host=cos.ap-shanghai.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0010&access_key=FAKE0SECRET0cos0010,azblob://obbackup/legacy/tenant1/clog?host=https://obbackupacct.blob.core.windows.net&access_id=obbackupacct&access_key=FAKE0SECRET0azure0010',
  1729435500000000000, 'pool_list=rt_unparsable_zone1_1729436399001&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-20 23:00:00.999999', '2024-10-20 23:09:56.500000', 'SUCCESS',
  'azblob://obbackup/legacy/tenant1/clog/piece_d1005r1p1?host=https://obbackupacct.blob.core.windows.net&access_id=obbackupacct&access_key=FAKE0SECRET0azure0010',
  'cos://ob-backup-1250000000/legacy/tenant1/data/backup_set_1_full?host=cos.ap-shanghai.myqcloud.com&access_id=AKIDFAKEFAKEFAKE0010&access_key=FAKE0SECRET0cos0010',
  17180001536, 1, 1, 128, 128, 524288, 524288,
  '',
  ''),
 -- job 13 rt_xss, sys row
 (1, 13, '2024-10-13 08:05:00.000000', '2024-10-13 08:05:00.000000', 0, 1, 'FULL',
  'rt_xss', 1030, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  1728777600000000000, 'pool_list=rt_xss_zone1_1728777600000&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-13 08:00:00.000000', '2024-10-13 08:05:00.000000', 'FAIL',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r1p1?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_1_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  17180000519, 1, 0, 64, 3, 104857600, 4194304,
  '<b onmouseover="window.__xss=3">drill</b>',
  '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> &lt;kept&gt; "double" \'single\''),
 -- job 13 rt_xss, copy kept by tenant 1030
 (1030, 13, '2024-10-13 08:04:57.000000', '2024-10-13 08:04:57.000000', 13, 1, 'FULL',
  'rt_xss', 1030, 'tenant1', 1002, 'ob-test',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  1728777600000000000, 'pool_list=rt_xss_zone1_1728777600000&locality=FULL@zone1&primary_zone=RANDOM', '', '', '', '',
  '2024-10-13 08:00:00.000000', '2024-10-13 08:04:57.000000', 'FAIL',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/clog/piece_d1001r1p1?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  'oss://oss-328067-1014-obshell/backup/archive/test/1/1002/data/backup_set_1_full?host=oss-cn-hangzhou.aliyuncs.com&access_id=LTAI5tFAKEFAKEFAKE0013&access_key=FAKE0SECRET0oss0000000000000013',
  17180000519, 1, 0, 64, 3, 104857600, 4194304,
  '<b onmouseover="window.__xss=3">drill</b>',
  '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> &lt;kept&gt; "double" \'single\'');

-- =============================================================================
-- Per log stream, per replica rows (tenant_id = restored tenant).
-- status: share::ObLSRestoreStatus (0 NONE, 11 RESTORE_MAJOR_DATA, 12 WAIT_RESTORE_MAJOR_DATA,
-- 13 RESTORE_FAILED).  RS sums, per log stream, the average over its member replicas.
-- =============================================================================
-- job 11 rt_running (running): LS 1 done, LS 1001/1002 restoring major data.
--   sum of tablet_count 336+600+600 = 1536, finished 336+150+126 = 612,
--   bytes 1073741824+2*26306674688 = 53687091200, finished 1073741824+11000000000+10260088115 = 22333829939.
INSERT INTO `oceanbase`.`__all_virtual_ls_restore_progress`
 (tenant_id, job_id, ls_id, svr_ip, svr_port, gmt_create, gmt_modified, status, restore_scn, start_replay_scn,
  last_replay_scn, tablet_count, finish_tablet_count, total_bytes, finish_bytes, trace_id, result, comment)
VALUES (1028, 11, 1, '10.10.10.1', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 0, 1729470600123456789, 1729466100000000000, 1729468800000000000, 336, 336, 1073741824, 1073741824, 'YB420A0A0A01-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1, '10.10.10.2', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 0, 1729470600123456789, 1729466100000000000, 1729468800000000000, 336, 336, 1073741824, 1073741824, 'YB420A0A0A02-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1, '10.10.10.3', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 0, 1729470600123456789, 1729466100000000000, 1729468800000000000, 336, 336, 1073741824, 1073741824, 'YB420A0A0A03-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1001, '10.10.10.1', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 11, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 150, 26306674688, 11000000000, 'YB420A0A0A01-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1001, '10.10.10.2', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 12, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 150, 26306674688, 11000000000, 'YB420A0A0A02-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1001, '10.10.10.3', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 12, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 150, 26306674688, 11000000000, 'YB420A0A0A03-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1002, '10.10.10.1', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 12, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 126, 26306674688, 10260088115, 'YB420A0A0A01-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1002, '10.10.10.2', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 11, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 126, 26306674688, 10260088115, 'YB420A0A0A02-000624C0D1E2F3A4-0-0', 0, ''),
 (1028, 11, 1002, '10.10.10.3', 2882, '2024-10-21 09:05:12.000000', '2024-10-21 09:41:09.000000', 12, 1729470600123456789, 1729466100000000000, 1729468800000000000, 600, 126, 26306674688, 10260088115, 'YB420A0A0A03-000624C0D1E2F3A4-0-0', 0, '');

-- job 6 rt_failed (FAIL): the rows stay in __all_ls_restore_progress (only a successful job
--   moves them to the history table).  LS 1002 on 10.10.10.3 failed; its COMMENT has the
--   format of ObHAResultInfo::get_comment_str (share/backup/ob_backup_struct.cpp):
--   "(SERVER)ls_id: %lu, addr: %s, module: %s, result: %d(%s), trace_id: %s".
--   tablets 300+362+362 = 1024, finished 300+40+37 = 377;
--   bytes 536870912+2*1342177280 = 3221225472, finished 536870912+349000000+300324544 = 1186195456.
INSERT INTO `oceanbase`.`__all_virtual_ls_restore_progress`
 (tenant_id, job_id, ls_id, svr_ip, svr_port, gmt_create, gmt_modified, status, restore_scn, start_replay_scn,
  last_replay_scn, tablet_count, finish_tablet_count, total_bytes, finish_bytes, trace_id, result, comment)
VALUES (1016, 6, 1, '10.10.10.1', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 0, 1729152000000000000, 1729147000000000000, 1729150000000000000, 300, 300, 536870912, 536870912, 'YB420A0A0A01-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1, '10.10.10.2', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 0, 1729152000000000000, 1729147000000000000, 1729150000000000000, 300, 300, 536870912, 536870912, 'YB420A0A0A02-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1, '10.10.10.3', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 0, 1729152000000000000, 1729147000000000000, 1729150000000000000, 300, 300, 536870912, 536870912, 'YB420A0A0A03-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1001, '10.10.10.1', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 11, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 40, 1342177280, 349000000, 'YB420A0A0A01-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1001, '10.10.10.2', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 12, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 40, 1342177280, 349000000, 'YB420A0A0A02-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1001, '10.10.10.3', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 12, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 40, 1342177280, 349000000, 'YB420A0A0A03-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1002, '10.10.10.1', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 12, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 37, 1342177280, 300324544, 'YB420A0A0A01-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1002, '10.10.10.2', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 12, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 37, 1342177280, 300324544, 'YB420A0A0A02-000624B7C8D9E000-0-0', 0, ''),
 (1016, 6, 1002, '10.10.10.3', 2882, '2024-10-17 16:46:01.000000', '2024-10-17 16:52:09.000000', 13, 1729152000000000000, 1729147000000000000, 1729150000000000000, 362, 37, 1342177280, 300324544, 'YB420A0A0A03-000624B7C8D9E0F1-0-0', -4016, '(SERVER)ls_id: 1002, addr: 10.10.10.3:2882, module: RESTORE_DATA, result: -4016(Internal error), trace_id: YB420A0A0A03-000624B7C8D9E0F1-0-0');

-- job 1 rt2 (SUCCESS, one zone): rows moved to __all_ls_restore_history by
--   ObRestorePersistHelper::move_ls_restore_progress_to_history (finish_tablet_count :=
--   tablet_count, finish_bytes := total_bytes).  tablets 290+300 = 590, bytes 8622071+10000000 = 18622071.
INSERT INTO `oceanbase`.`__all_virtual_ls_restore_history`
 (tenant_id, job_id, ls_id, svr_ip, svr_port, gmt_create, gmt_modified, restore_scn, start_replay_scn,
  last_replay_scn, tablet_count, finish_tablet_count, total_bytes, finish_bytes, trace_id, result, comment)
VALUES
 (1006, 1, 1,    '10.10.10.1', 2882, '2024-10-14 15:28:31.519092', '2024-10-14 15:28:31.519092', 1728890608464651300, 1728888000000000000, 1728890608464651300, 290, 290, 8622071, 8622071, 'YB420A0A0A01-0006245A1B2C3D4E-0-0', 0, ''),
 (1006, 1, 1001, '10.10.10.1', 2882, '2024-10-14 15:28:31.519092', '2024-10-14 15:28:31.519092', 1728890608464651300, 1728888000000000000, 1728890608464651300, 300, 300, 10000000, 10000000, 'YB420A0A0A01-0006245A1B2C3D4F-0-0', 0, '');

-- =============================================================================
-- Optional, faithful to OceanBase but NOT to the old fixture: the comment OceanBase would
-- store for job 6 (failed log streams, each followed by ';', copied to the sys row).
-- =============================================================================
-- UPDATE `oceanbase`.`__all_virtual_restore_job_history`
--    SET comment = '(SERVER)ls_id: 1002, addr: 10.10.10.3:2882, module: RESTORE_DATA, result: -4016(Internal error), trace_id: YB420A0A0A03-000624B7C8D9E0F1-0-0;'
--  WHERE job_id = 6;
