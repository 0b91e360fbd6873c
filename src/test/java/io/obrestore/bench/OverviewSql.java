package io.obrestore.bench;

import io.obrestore.restore.RestoreSqlAccess;

/** Prints the service's overview statement, for the start-up benchmark's yardstick app to run the same SQL. */
public final class OverviewSql {

    private OverviewSql() {
    }

    public static void main(String[] args) {
        System.out.print(RestoreSqlAccess.overviewSql());
    }
}
