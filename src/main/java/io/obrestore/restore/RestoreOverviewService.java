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
        ApiException refused = refused(name);
        if (refused != null) {
            return Uni.createFrom().failure(refused);
        }
        return repository.tenantJob(name).map(found -> chosen(name, found.storedName(), found.job()));
    }

    /**
     * The log streams of the running job, else of the newest finished job, of tenant {@code name}: the same tenant
     * and job as {@link #overview}, with the same errors (ours, not obshell's).
     */
    public Uni<RestoreLogStreams> logStreams(String name) {
        ApiException refused = refused(name);
        if (refused != null) {
            return Uni.createFrom().failure(refused);
        }
        return repository.logStreams(name).map(found -> chosen(name, found.storedName(), found.streams()));
    }

    /** obshell's checks of a name before any SQL, as the error to answer with; null when the name may be looked up. */
    private static ApiException refused(String name) {
        if (name == null || name.isEmpty()) {
            return new ApiException(ErrorCode.TENANT_NAME_EMPTY);
        }
        if (SYS_TENANT.equals(name)) {
            return new ApiException(ErrorCode.TENANT_SYS_NOT_ALLOWED);
        }
        if (name.codePointCount(0, name.length()) > MAX_TENANT_NAME_LENGTH) {
            return new ApiException(ErrorCode.TENANT_NOT_EXIST, name);
        }
        return null;
    }

    private static <T> T chosen(String name, String storedName, T job) {
        // Deliberately stricter than obshell: MariaDB's (and maybe OceanBase's) PAD SPACE collation lets 'rt2 ' find
        // rt2. No tenant name can end in a space, so such a name is answered as not existing rather than with
        // another tenant's restore.
        if (!name.equals(storedName)) {
            throw new ApiException(ErrorCode.TENANT_NOT_EXIST, name);
        }
        if (job == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "restore task");
        }
        return job;
    }
}
