package io.obrestore.restore;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * obshell's {@code PaginatedRestoreTaskResponse}: one page of restore tasks (each with the overview's 32 keys,
 * obshell's {@code bo.RestoreTask}) and the paging figures.
 */
@RegisterForReflection
public record RestoreTaskPage(
        @JsonProperty("contents") List<RestoreOverview> contents,
        @JsonProperty("page") Page page) {

    /** obshell's {@code bo.CustomPage}. */
    @RegisterForReflection
    public record Page(
            @JsonProperty("total_elements") long totalElements,
            @JsonProperty("total_pages") long totalPages,
            @JsonProperty("size") long size,
            @JsonProperty("number") long number) {
    }
}
