package io.obrestore.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.obrestore.demo.EmbeddedMariaDb;
import io.obrestore.demo.OceanBaseRestoreRows;
import io.obrestore.demo.OceanBaseRestoreRows.Statement;
import io.obrestore.demo.OceanBaseScripts;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores with random values written into the test database the way OceanBase writes them ({@link
 * OceanBaseRestoreRows}), and the overview each must yield on a view shape, derived from what was written: the data
 * is new to every run (seeded, {@code -Dtest.seed=N} replays it), so no answer can be shaped to it.
 *
 * <p>The oracle takes ids, counts, SCNs, names, lists and times from the model; only what OceanBase's views compute
 * from them (the {@code *_DISPLAY} texts, RECOVER_PROGRESS, RESTORE_PROGRESS, SCN_TO_TIMESTAMP) is read back from the
 * view row OceanBase's semantics name: the restored tenant's row for a running job's figures, the sys row otherwise.
 */
public final class GeneratedRestores {

    /** One generated restore: what was written. */
    public record Restore(String name, long tenantId, long jobId, boolean running, String finalStatus,
            long startMicros, long finishMicros, String backupTenantName, String backupTenantIdKey,
            String backupClusterName, String restoreOption, BigInteger restoreScn, BigInteger readableScn,
            String description, String setList, String expectedSetList, String pieceList, String expectedPieceList,
            long tablets, long finishTablets, long totalBytes, long finishBytes, List<Replica> replicas) {
    }

    /**
     * One replica of a log stream of a generated restore, as written while it ran; a FAIL restore has exactly one
     * failed replica ({@code result} its OceanBase error).
     */
    public record Replica(long lsId, String ip, long port, int status, long tablets, long finishTablets, long bytes,
            long finishBytes, int result, String message) {

        public String server() {
            return ip + ":" + port;
        }

        /** The COMMENT OceanBase writes for a failed replica. */
        public String comment() {
            return result == 0 ? "" : "(SERVER)ls_id: " + lsId + ", addr: " + server() + ", module: RESTORE_DATA,"
                    + " result: " + result + "(" + message + "), trace_id: T" + lsId;
        }
    }

    /** Steps a generated replica may be in while its restore runs. */
    private static final int[] STEPS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0, 0};

    /** Errors a generated failure may carry: code, OceanBase's name, ob_strerror's text. */
    private static final String[][] ERRORS = {{"-4016", "OB_ERR_UNEXPECTED", "Internal error"},
        {"-9011", "OB_BACKUP_FILE_NOT_EXIST", "cannot find backup file"},
        {"-4012", "OB_TIMEOUT", "Timeout"}, {"-4999", "-4999", "no such error"}};

    private static final ZoneOffset ZONE = EmbeddedMariaDb.ZONE;

    private final List<Restore> restores;

    private GeneratedRestores(List<Restore> restores) {
        this.restores = restores;
    }

    public List<Restore> restores() {
        return restores;
    }

    /**
     * {@code count} restores (about half running), tenants from 5000 up, job ids from 5000 up, written into the
     * database. One running restore carries a backup tenant id OceanBase would never write ({@code n/a}), which the
     * service must show as 0.
     */
    public static GeneratedRestores write(Seeded random, int count) throws SQLException {
        List<Restore> restores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean running = i % 2 == 0;
            long startMicros = random.between(1_600_000_000, 2_000_000_000) * 1_000_000L + random.between(0, 999_999);
            // Nanoseconds, far above 2^53 (a double would round them); 2^64 - 1 is a unit test's: OceanBase's
            // SCN_TO_TIMESTAMP in the views has no time for it.
            BigInteger restoreScn = BigInteger.valueOf(startMicros - random.between(60, 86_400) * 1_000_000L)
                    .multiply(BigInteger.valueOf(1000)).add(BigInteger.valueOf(random.between(0, 999_999)));
            // Log replay between the consistent SCN (an hour before the restore point) and the restore point.
            BigInteger consistent = restoreScn.subtract(BigInteger.valueOf(3_600_000_000_000L));
            BigInteger readable = consistent.add(restoreScn.subtract(consistent)
                    .multiply(BigInteger.valueOf(random.between(0, 100))).divide(BigInteger.valueOf(100)));
            long tablets = random.between(1, 100_000);
            long totalBytes = random.anyLong() >>> random.between(14, 40);
            String bucket = "b" + random.between(0, 1_000_000);
            String host = "h" + random.between(0, 1000) + ".example";
            String secret = "&access_id=AKIA" + random.between(0, 1_000_000) + "&access_key=SECRET" + random.between(0, 9);
            String set = "oss://" + bucket + "/data/backup_set_" + i + "_full?host=" + host;
            String piece = "oss://" + bucket + "/clog/piece_d" + i + "r1p1?host=" + host;
            String finalStatus = running ? "" : random.pick("SUCCESS", "FAIL");
            restores.add(new Restore("gen_" + random.between(0, 1_000_000) + "_" + i, 5000 + 2L * i, 5000 + i, running,
                    finalStatus, startMicros,
                    startMicros + random.between(1, 100_000) * 1_000_000L,
                    "src_" + random.between(0, 1000), i == 0 ? "n/a" : String.valueOf(1000 + 2 * random.between(1, 500)),
                    "cluster-" + random.between(0, 99), "pool_list=p" + i + "&locality=FULL@zone1&primary_zone=RANDOM",
                    restoreScn, readable, random.pick("", "drill " + i, "quoted \"text\" <b>" + i + "</b>"),
                    set + secret + "," + set.replace("_full", "_inc") + secret,
                    set + "," + set.replace("_full", "_inc"),
                    piece + secret, piece, tablets, random.between(0, (int) tablets), totalBytes,
                    totalBytes == 0 ? 0 : Math.floorMod(random.anyLong(), totalBytes),
                    replicas(random, "FAIL".equals(finalStatus))));
        }
        GeneratedRestores generated = new GeneratedRestores(List.copyOf(restores));
        try {
            for (Restore restore : restores) {
                TestDatabase.run(generated.statements(restore));
            }
        } catch (SQLException | RuntimeException e) {
            generated.remove();
            throw e;
        }
        return generated;
    }

    /** 1-4 log streams on 1-3 servers each, in random steps; with one failed replica when {@code failed}. */
    private static List<Replica> replicas(Seeded random, boolean failed) {
        List<Replica> replicas = new ArrayList<>();
        int streams = random.between(1, 4);
        for (int s = 0; s < streams; s++) {
            long lsId = s == 0 ? 1 : 1000 + s;
            int servers = random.between(1, 3);
            for (int server = 1; server <= servers; server++) {
                long tablets = random.between(1, 10_000);
                long bytes = random.anyLong() >>> random.between(20, 40);
                int status = STEPS[random.between(0, STEPS.length - 1)];
                replicas.add(new Replica(lsId, "10.0." + s + "." + server, 2882, status, tablets,
                        status == 0 ? tablets : random.between(0, (int) tablets), bytes,
                        status == 0 ? bytes : Math.floorMod(random.anyLong(), Math.max(1, bytes)), 0, ""));
            }
        }
        if (failed) {
            int which = random.between(0, replicas.size() - 1);
            String[] error = ERRORS[random.between(0, ERRORS.length - 1)];
            Replica victim = replicas.get(which);
            replicas.set(which, new Replica(victim.lsId(), victim.ip(), victim.port(), 13, victim.tablets(),
                    victim.finishTablets(), victim.bytes(), victim.finishBytes(), Integer.parseInt(error[0]), error[2]));
        }
        return List.copyOf(replicas);
    }

    /** OceanBase's name of a generated failure's code, as the service must show it. */
    public static String errorName(int result) {
        for (String[] error : ERRORS) {
            if (Integer.parseInt(error[0]) == result) {
                return error[1];
            }
        }
        return "";
    }

    private List<Statement> statements(Restore restore) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("backup_tenant_name", restore.backupTenantName());
        keys.put("backup_tenant_id", restore.backupTenantIdKey());
        keys.put("backup_cluster_name", restore.backupClusterName());
        keys.put("restore_option", restore.restoreOption());
        keys.put("restore_scn", restore.restoreScn().toString());
        keys.put("consistent_scn", restore.restoreScn().subtract(BigInteger.valueOf(3_600_000_000_000L)).toString());
        keys.put("description", restore.description());
        keys.put("backup_set_list", restore.setList());
        keys.put("backup_piece_list", restore.pieceList());
        List<Statement> statements = new ArrayList<>(OceanBaseRestoreRows.start(restore.name(), restore.tenantId(),
                restore.jobId(), restore.startMicros(), "RESTORE_WAIT_LS", keys, restore.tablets(),
                restore.finishTablets(), restore.totalBytes(), restore.finishBytes()));
        for (Replica replica : restore.replicas()) {
            statements.addAll(OceanBaseRestoreRows.addLogStream(restore.tenantId(), restore.jobId(), replica.lsId(),
                    replica.ip(), replica.port(), replica.status() == 13 ? 11 : replica.status(), replica.tablets(),
                    replica.finishTablets(), replica.bytes(), replica.finishBytes(), "T" + replica.lsId()));
            if (replica.result() != 0) {
                statements.addAll(OceanBaseRestoreRows.failLogStream(restore.tenantId(), restore.jobId(),
                        replica.lsId(), replica.ip(), replica.port(), "RESTORE_DATA", replica.result(),
                        replica.message(), "T" + replica.lsId()));
            }
        }
        if (restore.running()) {
            statements.addAll(OceanBaseRestoreRows.replayed(restore.tenantId(), restore.readableScn().longValue()));
        } else {
            statements.addAll(OceanBaseRestoreRows.finish(restore.tenantId(), restore.jobId(), restore.finalStatus(),
                    restore.finishMicros()));
        }
        return statements;
    }

    /** Removes every row written. */
    public void remove() throws SQLException {
        for (Restore restore : restores) {
            TestDatabase.run(OceanBaseRestoreRows.remove(restore.tenantId()));
        }
    }

    /** The overview {@code restore} must answer with on {@code shape}. */
    public JsonNode expected(Restore restore, OceanBaseScripts shape) throws SQLException {
        boolean figures = shape.progressColumns().contains("RESTORE_PROGRESS");
        boolean success = "SUCCESS".equals(restore.finalStatus());
        Map<String, Object> view = restore.running()
                ? viewRow("CDB_OB_RESTORE_PROGRESS", restore.tenantId(), restore.jobId())
                : viewRow("CDB_OB_RESTORE_HISTORY", 1, restore.jobId());
        Map<String, Object> sysRow = restore.running() ? viewRow("CDB_OB_RESTORE_PROGRESS", 1, restore.jobId()) : view;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("tenant_id", 1);
        json.put("job_id", restore.jobId());
        json.put("restore_tenant_name", restore.name());
        json.put("restore_tenant_id", restore.tenantId());
        json.put("backup_tenant_name", restore.backupTenantName());
        json.put("backup_tenant_id", restore.backupTenantIdKey().equals("n/a") ? 0 : Long.parseLong(restore.backupTenantIdKey()));
        json.put("backup_cluster_name", restore.backupClusterName());
        json.put("restore_option", restore.restoreOption());
        json.put("restore_scn", restore.restoreScn());
        json.put("restore_scn_display", time(sysRow.get("RESTORE_SCN_DISPLAY")));
        json.put("status", restore.running() ? "WAIT_TENANT_RESTORE_FINISH" : restore.finalStatus());
        json.put("start_timestamp", micros(restore.startMicros()));
        json.put("backup_set_list", restore.expectedSetList());
        json.put("backup_piece_list", restore.expectedPieceList());
        json.put("backup_data_uri", "");
        json.put("backup_log_uri", "");
        boolean tablets = !restore.running() || figures;
        json.put("tablet_count", tablets ? restore.tablets() : 0);
        json.put("finish_tablet_count", !tablets ? 0 : success ? restore.tablets() : restore.finishTablets());
        json.put("total_bytes", restore.totalBytes());
        json.put("total_bytes_display", (String) view.get("TOTAL_BYTES_DISPLAY"));
        json.put("finish_bytes", success ? restore.totalBytes() : restore.finishBytes());
        json.put("finish_bytes_display", (String) view.get("FINISH_BYTES_DISPLAY"));
        json.put("description", restore.description());
        boolean recovery = restore.running() && figures;
        json.put("recover_scn", recovery ? restore.readableScn() : BigInteger.ZERO);
        json.put("recover_scn_display", recovery ? time(view.get("RECOVER_SCN_DISPLAY")) : "");
        json.put("recover_progress", recovery ? text(view.get("RECOVER_PROGRESS")) : "");
        json.put("restore_progress", recovery ? text(view.get("RESTORE_PROGRESS")) : "");
        json.put("backup_cluster_version", restore.running() ? 0 : 17180067073L);
        json.put("ls_count", restore.running() ? 0 : 3);
        json.put("finish_ls_count", restore.running() ? 0 : success ? 3 : 0);
        // OceanBase's comment of a failed job: its failed replicas' comments, each followed by ';'.
        json.put("comment", restore.running() ? "" : String.join("", restore.replicas().stream()
                .filter(replica -> replica.result() != 0).map(replica -> replica.comment() + ";").toList()));
        json.put("finish_timestamp", restore.running() ? "" : micros(restore.finishMicros()));
        return json;
    }

    /** One row of a view, as the database computes it, keyed by upper-case column name. */
    private static Map<String, Object> viewRow(String view, long tenantId, long jobId) throws SQLException {
        try (Connection admin = TestDatabase.admin(); PreparedStatement query = admin.prepareStatement(
                "SELECT * FROM oceanbase." + view + " WHERE TENANT_ID = ? AND JOB_ID = ?")) {
            query.setLong(1, tenantId);
            query.setLong(2, jobId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no " + view + " row " + tenantId + "/" + jobId);
                }
                // As text: the server prints times in the session's zone (+08:00), with no driver conversion.
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i).toUpperCase(), rows.getString(i));
                }
                return row;
            }
        }
    }

    private static String micros(long micros) {
        return format(LocalDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZONE));
    }

    /** A TIMESTAMP(6) as the server prints it ({@code 2024-10-21 09:00:00.250000}), or "" for NULL. */
    private static String time(Object value) {
        return value == null ? "" : format(LocalDateTime.parse(value.toString().replace(' ', 'T')));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String format(LocalDateTime wallClock) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(wallClock.atOffset(ZONE));
    }
}
