package io.obrestore.restore;

/** The repository's overview statement, for the raw-driver ceiling of the throughput benchmark. */
public final class RestoreSqlAccess {

    private RestoreSqlAccess() {
    }

    public static String overviewSql() {
        return RestoreJobRepository.OVERVIEW_SQL;
    }
}
