package io.obrestore.restore;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** obshell's restore-overview logic (docs/restore-views.md, "The overview") on top of one repository round trip. */
@ApplicationScoped
public class RestoreOverviewService {

    /** obshell rejects exactly this spelling before any SQL; {@code SYS} falls through to "does not exist". */
    static final String SYS_TENANT = "sys";

    /** OceanBase tenant names are VARCHAR(128): a longer name cannot exist, so it costs no round trip. */
    static final int MAX_TENANT_NAME_LENGTH = 128;

    private final RestoreJobRepository repository;

    public RestoreOverviewService(RestoreJobRepository repository) {
        this.repository = repository;
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
        return repository.tenantJob(name).map(found -> chosen(name, found));
    }

    private static RestoreOverview chosen(String name, RestoreJobRepository.TenantJob found) {
        // Deliberately stricter than obshell: MariaDB's (and maybe OceanBase's) PAD SPACE collation lets 'rt2 ' find
        // rt2. No tenant name can end in a space, so such a name is answered as not existing rather than with
        // another tenant's restore.
        if (!name.equals(found.storedName())) {
            throw new ApiException(ErrorCode.TENANT_NOT_EXIST, name);
        }
        if (found.job() == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "restore task");
        }
        return found.job();
    }
}
