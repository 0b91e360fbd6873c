package io.obrestore.restore;

import static io.obrestore.restore.RestoreJobRepository.rowsInto;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collector;

/** obshell's restore-overview logic (views spec section 1) on top of one repository round trip. */
@ApplicationScoped
public class RestoreOverviewService {

    /** obshell rejects exactly this spelling before any SQL; {@code SYS} falls through to "does not exist". */
    static final String SYS_TENANT = "sys";

    /** OceanBase tenant names are VARCHAR(128): a longer name cannot exist, so it costs no round trip. */
    static final int MAX_TENANT_NAME_LENGTH = 128;

    private final RestoreJobRepository repository;
    private final DatabaseFailures failures;
    private final ZoneId zone;

    public RestoreOverviewService(RestoreJobRepository repository, DatabaseFailures failures, ServiceConfig config) {
        this.repository = repository;
        this.failures = failures;
        this.zone = config.zone();
    }

    /** The overview of the running job, else of the newest finished job, of tenant {@code name}. */
    public Uni<RestoreOverview> overview(String name) {
        if (name == null || name.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.TENANT_NAME_EMPTY));
        }
        if (SYS_TENANT.equals(name)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.TENANT_SYS_NOT_ALLOWED));
        }
        if (name.codePointCount(0, name.length()) > MAX_TENANT_NAME_LENGTH) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.TENANT_NOT_EXIST, name));
        }
        return failures.guard(repository.overviewRows(name, JobRows.COLLECTOR))
                .map(rows -> RestoreRowMapper.overview(rows.chosen(name), zone));
    }

    /**
     * The overview of every running restore (sys job rows), keyed by tenant name, newest job first; one statement
     * for all tenants, bounded by the query timeout like an overview.
     */
    public Uni<Map<String, RestoreOverview>> runningJobs() {
        return failures.guard(repository.runningJobs(rowsInto(LinkedHashMap<String, RestoreOverview>::new,
                (running, row) -> {
                    RestoreOverview job = RestoreRowMapper.overview(row, zone);
                    running.putIfAbsent(job.restoreTenantName(), job);
                })));
    }

    /** The rows of one overview statement: the tenant's stored name, and its running and finished job. */
    static final class JobRows {
        static final Collector<Row, JobRows, JobRows> COLLECTOR = rowsInto(JobRows::new, JobRows::add);

        private String storedName;
        private Row running;
        private Row finished;

        void add(Row row) {
            storedName = row.getString("FOUND_TENANT_NAME");
            String source = row.getString("SOURCE");
            if (RestoreJobRepository.FROM_PROGRESS.equals(source)) {
                running = row;
            } else if (RestoreJobRepository.FROM_HISTORY.equals(source)) {
                finished = row;
            }
        }

        /** A running job wins over history; the view the row came from decides, never its STATUS. */
        Row chosen(String name) {
            // Deliberately stricter than obshell: MariaDB's (and maybe OceanBase's) PAD SPACE collation lets
            // 'rt2 ' find rt2. No tenant name can end in a space, so such a name is answered as not existing
            // rather than with another tenant's restore.
            if (!name.equals(storedName)) {
                throw new ApiException(ErrorCode.TENANT_NOT_EXIST, name);
            }
            if (running != null) {
                return running;
            }
            if (finished != null) {
                return finished;
            }
            throw new ApiException(ErrorCode.NOT_FOUND, "restore task");
        }
    }
}
