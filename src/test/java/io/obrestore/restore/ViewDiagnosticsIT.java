package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.obrestore.demo.OceanBaseScripts;
import io.obrestore.support.Json;
import io.obrestore.support.ServiceProcess;
import io.obrestore.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the packaged service says when the views are not what it needs, by cause (docs/restore-views.md §7): a missing
 * privilege, a missing view, a view that lost a column under the running service (an OceanBase upgrade), each with
 * its own one-line log saying what to do and its own {@code obrestore_database_failures_total{cause}}; "not reachable"
 * never. A view that changed shape is read again and answered without the client seeing an error.
 */
class ViewDiagnosticsIT {

    private static final String RT2 = "/api/v1/tenant/rt2/restore/overview";
    private static final String RUNNING = "/api/v1/tenant/rt_running/restore/overview";

    @Test
    void anAccountWithoutTheViewsIsToldToGrantThem(@TempDir Path dir) throws Exception {
        String password = TestDatabase.shared().password();
        try (Connection admin = TestDatabase.admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE USER IF NOT EXISTS 'obtenantsonly'@'%' IDENTIFIED BY '" + password + "'");
            sql.execute("GRANT SELECT ON oceanbase.DBA_OB_TENANTS TO 'obtenantsonly'@'%'");
        }
        try (ServiceProcess service = ServiceProcess.start(dir, "nopriv",
                Map.of("QUARKUS_DATASOURCE_USERNAME", "obtenantsonly"))) {
            HttpResponse<String> answer = service.get(RT2);
            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals("MySQL.Error", Json.parse(answer.body()).get("error").get("errCode").asText());
            assertFalse(answer.body().contains("denied"), "no driver text for the client: " + answer.body());
            String log = service.log();
            assertTrue(log.contains("the account may not read the restore views: GRANT SELECT ON oceanbase.*"), log);
            assertFalse(log.contains("not reachable"), log);
            assertTrue(failures(service, "missing_privilege") >= 1);
            assertEquals(503, service.management("/q/health/ready").statusCode());
        } finally {
            try (Connection admin = TestDatabase.admin(); Statement sql = admin.createStatement()) {
                sql.execute("DROP USER IF EXISTS 'obtenantsonly'@'%'");
            }
        }
    }

    @Test
    void aMissingViewIsNamedAndAViewThatChangedShapeIsReadAgain(@TempDir Path dir) throws Exception {
        try (ServiceProcess service = ServiceProcess.start(dir, "changes", Map.of())) {
            JsonNode before = overview(service, RUNNING);
            assertEquals(1536, before.get("tablet_count").asLong(), "shape 3 has the running tablets");
            try (Connection admin = TestDatabase.admin(); Statement sql = admin.createStatement()) {
                sql.execute("DROP VIEW oceanbase.CDB_OB_RESTORE_HISTORY");
            }
            HttpResponse<String> missing = service.get(RT2);
            assertEquals(500, missing.statusCode(), missing.body());
            assertTrue(service.log().contains("a restore view is missing: connect to the sys tenant"), service.log());
            assertTrue(failures(service, "missing_view") >= 1);

            // The views come back in an older shape, as after a downgrade or on another cluster behind the same URL:
            // the statements built for shape 3 name columns shape 1 lacks.
            TestDatabase.installViews(OceanBaseScripts.SHAPE_1);
            JsonNode after = overview(service, RUNNING);
            assertEquals(0, after.get("tablet_count").asLong(), "shape 1 has no running tablets");
            assertEquals("", after.get("restore_progress").asText());
            assertEquals(before.get("finish_bytes"), after.get("finish_bytes"), "bytes in every shape");
            assertEquals(200, service.get(RT2).statusCode());
            String log = service.log();
            assertTrue(log.contains("restore views of shape 1 "), log);
            assertFalse(log.contains("not reachable"), log);

            // And forward again: a view that lost no column but gained some is found at the next change.
            TestDatabase.installViews(OceanBaseScripts.NEWEST);
            try (Connection admin = TestDatabase.admin(); Statement sql = admin.createStatement()) {
                sql.execute("DROP VIEW oceanbase.CDB_OB_RESTORE_PROGRESS");
            }
            assertEquals(500, service.get(RUNNING).statusCode());
            TestDatabase.installViews(OceanBaseScripts.NEWEST);
            assertEquals(before, overview(service, RUNNING), "shape 3 again, read again after the missing view");
        } finally {
            TestDatabase.installViews(OceanBaseScripts.NEWEST);
        }
    }

    private static JsonNode overview(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> answer = service.get(path);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.parse(answer.body()).get("data");
    }

    private static double failures(ServiceProcess service, String cause) throws Exception {
        String series = "obrestore_database_failures_total{cause=\"" + cause + "\"} ";
        return service.management("/q/metrics").body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()))).findFirst().orElse(-1);
    }
}
