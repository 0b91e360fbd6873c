package io.obrestore.restore;

import io.obrestore.config.ServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** obshell's restore task list ({@code GetAllRestoreTasks}) on one statement, with real paging. */
@ApplicationScoped
public class RestoreTaskService {

    private final RestoreJobRepository repository;
    private final DatabaseFailures failures;
    private final ZoneId zone;

    public RestoreTaskService(RestoreJobRepository repository, DatabaseFailures failures, ServiceConfig config) {
        this.repository = repository;
        this.failures = failures;
        this.zone = config.zone();
    }

    /**
     * Running jobs first, then finished ones, both filtered by {@code query}; only the rows of the requested page
     * are turned into payloads (and redacted), the others are only counted.
     *
     * <p>Departs from obshell on purpose: obshell returns every matching task whatever {@code page}/{@code size}
     * say (its page figures describe a slicing it never does); here {@code contents} holds the requested page only.
     * {@code backup_data_uri}/{@code backup_log_uri} stay {@code ""}: obshell derives them from BACKUP_DEST, which
     * holds access keys and is never read here.
     */
    public Uni<RestoreTaskPage> tasks(RestoreTaskQuery query) {
        long first = query.offset();
        long size = query.size();
        return failures.guard(repository.taskRows(query.from(), query.to(), query.statuses(),
                        RestoreJobRepository.rowsInto(() -> new PageCollector(first, size), (page, row) -> {
                            if (page.wanted()) {
                                page.contents.add(RestoreRowMapper.overview(row, zone));
                            }
                            page.total++;
                        })))
                .map(page -> new RestoreTaskPage(page.contents, new RestoreTaskPage.Page(page.total,
                        page.total == 0 ? 0 : (page.total - 1) / size + 1, size, query.page())));
    }

    /** Counts rows and keeps those of one page. */
    private static final class PageCollector {
        private final long first;
        private final long size;
        private final List<RestoreOverview> contents = new ArrayList<>();
        private long total;

        PageCollector(long first, long size) {
            this.first = first;
            this.size = size;
        }

        boolean wanted() {
            return total >= first && total - first < size;
        }
    }
}
