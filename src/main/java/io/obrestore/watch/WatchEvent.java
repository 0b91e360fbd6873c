package io.obrestore.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.obrestore.api.ApiError;
import io.obrestore.feed.Diagnostics;
import io.obrestore.feed.ProgressEstimate;
import io.obrestore.restore.RestoreOverview;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The data of one tenant stream event: {@code overview} is exactly the overview endpoint's payload; {@code estimate}
 * and {@code diagnostics} are ours and kept apart so nobody mistakes them for OceanBase figures; {@code error} is set
 * on {@code error} events.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchEvent(
        @JsonProperty("overview") RestoreOverview overview,
        @JsonProperty("estimate") ProgressEstimate estimate,
        @JsonProperty("diagnostics") Diagnostics diagnostics,
        @JsonProperty("error") ApiError error) {
}
