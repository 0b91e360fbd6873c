package io.obrestore.restore;

import io.obrestore.demo.OceanBaseScripts;
import java.util.Set;

/** The repository's statements for a view shape, for tests and the raw-driver ceiling of the throughput benchmark. */
public final class RestoreSqlAccess {

    private RestoreSqlAccess() {
    }

    /** The overview statement for the newest shape, the one the benchmarks' database has. */
    public static String overviewSql() {
        return statements(OceanBaseScripts.NEWEST).overview();
    }

    static RestoreJobRepository.Statements statements(OceanBaseScripts shape) {
        return RestoreJobRepository.Statements.of(new ViewColumns(Set.copyOf(shape.progressColumns()),
                Set.copyOf(shape.historyColumns()), "test"));
    }
}
