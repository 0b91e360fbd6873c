package io.obrestore.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The cheapest statement that proves the service can work: it returns no rows but fails unless all three views the
 * service reads exist and the account may read them. Readiness and the start-up warm-up run it.
 */
@ApplicationScoped
public class DatabaseProbe {

    /** Zero rows; an error when the database is unreachable, the login is refused or a grant is missing. */
    static final String PROBE_SQL = """
            SELECT 1 FROM oceanbase.DBA_OB_TENANTS WHERE 1 = 0
            UNION ALL SELECT 1 FROM oceanbase.CDB_OB_RESTORE_PROGRESS WHERE 1 = 0
            UNION ALL SELECT 1 FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE 1 = 0
            """;

    private final Pool pool;

    public DatabaseProbe(Pool pool) {
        this.pool = pool;
    }

    /** Runs the probe once (not bounded here: callers choose their own timeout). */
    public Uni<Void> probe() {
        return pool.query(PROBE_SQL).execute().replaceWithVoid();
    }
}
