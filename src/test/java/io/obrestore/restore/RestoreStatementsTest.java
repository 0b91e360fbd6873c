package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.db.OceanBasePoolCreator;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The restore statements: cacheable as prepared statements, and never reading the column that holds access keys. */
@Tag("fast")
class RestoreStatementsTest {

    static final Map<String, String> STATEMENTS = Map.of(
            "overview", RestoreJobRepository.OVERVIEW_SQL,
            "running", RestoreJobRepository.RUNNING_SQL,
            "tasks", RestoreJobRepository.TASKS_SQL);

    @Test
    void everyStatementFitsThePreparedStatementCache() {
        // Longer than the pool's limit, a statement would be prepared and closed again on every execution.
        STATEMENTS.forEach((name, sql) -> {
            System.out.printf("SQL %s: %d characters (cache limit %d)%n", name, sql.length(),
                    OceanBasePoolCreator.STATEMENT_CACHE_SQL_LIMIT);
            assertTrue(sql.length() <= OceanBasePoolCreator.STATEMENT_CACHE_SQL_LIMIT, name + ": " + sql.length());
        });
    }

    @Test
    void noStatementReadsBackupDest() {
        STATEMENTS.forEach((name, sql) -> assertFalse(sql.toUpperCase().contains("BACKUP_DEST"), name));
    }
}
