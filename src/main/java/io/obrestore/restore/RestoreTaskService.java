package io.obrestore.restore;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** obshell's restore task list ({@code GetAllRestoreTasks}) on one statement, with real paging. */
@ApplicationScoped
public class RestoreTaskService {

    private final RestoreJobRepository repository;

    public RestoreTaskService(RestoreJobRepository repository) {
        this.repository = repository;
    }

    /**
     * Running jobs first, then finished ones, both filtered by {@code query}.
     *
     * <p>Departs from obshell on purpose: obshell returns every matching task whatever {@code page}/{@code size}
     * say (its page figures describe a slicing it never does); here {@code contents} holds the requested page only.
     * {@code backup_data_uri}/{@code backup_log_uri} stay {@code ""}: obshell derives them from BACKUP_DEST, which
     * holds access keys and is never read here.
     */
    public Uni<RestoreTaskPage> tasks(RestoreTaskQuery query) {
        long size = query.size();
        return repository.tasks(query.from(), query.to(), query.statuses(), query.offset(), size)
                .map(slice -> new RestoreTaskPage(slice.contents(), new RestoreTaskPage.Page(slice.total(),
                        slice.total() == 0 ? 0 : (slice.total() - 1) / size + 1, size, query.page())));
    }
}
