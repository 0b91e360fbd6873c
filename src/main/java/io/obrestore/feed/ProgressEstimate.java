package io.obrestore.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Rates and time left derived by this service from successive polls; not OceanBase figures. Unknown values (too
 * few samples, no progress, nothing left to measure) are left out.
 *
 * @param windowSeconds span of the samples the rates come from
 * @param bytesPerSecond growth of {@code finish_bytes}
 * @param tabletsPerSecond growth of {@code finish_tablet_count}
 * @param etaSeconds bytes left divided by the byte rate
 * @param eta now plus {@code etaSeconds}, RFC 3339
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressEstimate(
        @JsonProperty("window_seconds") Double windowSeconds,
        @JsonProperty("bytes_per_second") Double bytesPerSecond,
        @JsonProperty("tablets_per_second") Double tabletsPerSecond,
        @JsonProperty("eta_seconds") Long etaSeconds,
        @JsonProperty("eta") String eta) {
}
