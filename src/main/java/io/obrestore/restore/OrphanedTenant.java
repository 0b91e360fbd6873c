package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A tenant that DBA_OB_TENANTS still shows in {@code RESTORE} status while no restore job of it runs: what a failed or
 * cancelled restore leaves behind (it stays unusable until dropped). Ours; obshell does not report it.
 *
 * @param tenantId the tenant's id
 * @param tenantName its name
 * @param tenantStatus its STATUS ({@code RESTORE})
 * @param modified when the tenant row last changed (MODIFY_TIME), RFC 3339; {@code ""} when unknown
 * @param lastJobId its newest finished restore job (sys row), 0 when there is none
 */
@RegisterForReflection
public record OrphanedTenant(
        @JsonProperty("tenant_id") long tenantId,
        @JsonProperty("tenant_name") String tenantName,
        @JsonProperty("tenant_status") String tenantStatus,
        @JsonProperty("modified") String modified,
        @JsonProperty("last_job_id") long lastJobId) {
}
