package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.db.OceanBasePoolCreator;
import io.obrestore.demo.OceanBaseScripts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The restore statements of every view shape: cacheable as prepared statements, never reading the column that holds
 * access keys, and never naming a column the shape's views lack.
 */
@Tag("fast")
class RestoreStatementsTest {

    private static Map<String, String> statements(OceanBaseScripts shape) {
        RestoreJobRepository.Statements statements = RestoreSqlAccess.statements(shape);
        Map<String, String> named = new LinkedHashMap<>();
        named.put("overview", statements.overview());
        named.put("running", statements.running());
        named.put("tasks", statements.tasks());
        named.put("log streams", RestoreJobRepository.LOG_STREAMS_SQL);
        return named;
    }

    @Test
    void everyStatementFitsThePreparedStatementCache() {
        // Longer than the pool's limit, a statement would be prepared and closed again on every execution.
        for (OceanBaseScripts shape : OceanBaseScripts.ALL) {
            statements(shape).forEach((name, sql) -> {
                System.out.printf("SQL %s, shape %s: %d characters (cache limit %d)%n", name, shape.shape(),
                        sql.length(), OceanBasePoolCreator.STATEMENT_CACHE_SQL_LIMIT);
                assertTrue(sql.length() <= OceanBasePoolCreator.STATEMENT_CACHE_SQL_LIMIT, name + ": " + sql.length());
            });
        }
    }

    @Test
    void noStatementReadsBackupDest() {
        for (OceanBaseScripts shape : OceanBaseScripts.ALL) {
            statements(shape).forEach((name, sql) -> assertFalse(sql.toUpperCase().contains("BACKUP_DEST"), name));
        }
    }

    @Test
    void aColumnTheShapeLacksIsSelectedAsNull() {
        String overview = RestoreSqlAccess.statements(OceanBaseScripts.SHAPE_1).overview();
        // Shape 1 has no tablet or recovery figures for running jobs; its history has tablets.
        assertTrue(overview.contains("NULL AS `RECOVER_PROGRESS`"), overview);
        assertFalse(overview.contains("p.`TABLET_COUNT`"), overview);
        assertTrue(overview.contains("h.`TABLET_COUNT`"), overview);
        String newest = RestoreSqlAccess.statements(OceanBaseScripts.SHAPE_3).overview();
        assertTrue(newest.contains("ELSE u.`RECOVER_PROGRESS` END"), newest);
    }

    @Test
    void theShapesAreNamedAsTheServiceNamesThem() {
        for (OceanBaseScripts shape : OceanBaseScripts.ALL) {
            ViewColumns columns = new ViewColumns(Set.copyOf(shape.progressColumns()),
                    Set.copyOf(shape.historyColumns()), "test");
            assertEquals(shape.shape(), columns.shape());
        }
        assertEquals("other", new ViewColumns(Set.of("TENANT_ID", "TABLET_COUNT"), Set.of("TENANT_ID"), "t").shape());
    }

    @Test
    void oceanBasesVersionIsReadFromWhatTheServerReports() {
        assertEquals("4.3.5.1", RestoreViews.version("5.7.25-OceanBase_CE-v4.3.5.1",
                "OceanBase_CE 4.3.5.1 (r101000092024120918-1e2fb4a0b7e6d5a4) (Built Dec  9 2024 18:03:30)"));
        assertEquals("4.2.1.2", RestoreViews.version("5.7.25-OceanBase-v4.2.1.2", ""));
        assertEquals("4.2.5.0", RestoreViews.version("8.0.30", "OceanBase 4.2.5.0 (r100000) (Built ...)"));
        assertEquals("11.4.5-MariaDB", RestoreViews.version("11.4.5-MariaDB", "MariaDB Server"));
        assertEquals("unknown", RestoreViews.version(null, null));
    }
}
