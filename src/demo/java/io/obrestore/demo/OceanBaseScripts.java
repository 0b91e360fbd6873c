package io.obrestore.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that builds a test or demo database the way OceanBase builds its restore views (docs/restore-views.md):
 * OceanBase's base tables (the key/value restore job table, progress, job history, tenants, per log stream), the
 * views of one shape written after OceanBase's own definitions, and the restores of the fixture as OceanBase writes
 * their rows. The files live in {@code src/test/resources/oceanbase/}.
 *
 * @param shape the shape's name, as the service reports it ({@code view_shape})
 * @param views the views file of the shape
 * @param progressColumns the columns of its CDB_OB_RESTORE_PROGRESS, in order
 * @param historyColumns the columns of its CDB_OB_RESTORE_HISTORY, in order
 */
public record OceanBaseScripts(String shape, String views, List<String> progressColumns, List<String> historyColumns) {

    private static final List<String> PROGRESS_1 = List.of("TENANT_ID", "JOB_ID", "RESTORE_TENANT_NAME",
            "RESTORE_TENANT_ID", "BACKUP_TENANT_NAME", "BACKUP_TENANT_ID", "BACKUP_CLUSTER_NAME", "BACKUP_DEST",
            "RESTORE_OPTION", "RESTORE_SCN", "RESTORE_SCN_DISPLAY", "STATUS", "START_TIMESTAMP", "BACKUP_SET_LIST",
            "BACKUP_PIECE_LIST", "TOTAL_BYTES", "TOTAL_BYTES_DISPLAY", "FINISH_BYTES", "FINISH_BYTES_DISPLAY",
            "DESCRIPTION");
    private static final List<String> PROGRESS_2 = List.of("TENANT_ID", "JOB_ID", "RESTORE_TENANT_NAME",
            "RESTORE_TENANT_ID", "BACKUP_TENANT_NAME", "BACKUP_TENANT_ID", "BACKUP_CLUSTER_NAME", "BACKUP_DEST",
            "RESTORE_OPTION", "RESTORE_TYPE", "RESTORE_SCN", "RESTORE_SCN_DISPLAY", "STATUS", "START_TIMESTAMP",
            "BACKUP_SET_LIST", "BACKUP_PIECE_LIST", "TOTAL_BYTES", "TOTAL_BYTES_DISPLAY", "FINISH_BYTES",
            "FINISH_BYTES_DISPLAY", "DESCRIPTION");
    private static final List<String> PROGRESS_3 = List.of("TENANT_ID", "JOB_ID", "RESTORE_TENANT_NAME",
            "RESTORE_TENANT_ID", "BACKUP_TENANT_NAME", "BACKUP_TENANT_ID", "BACKUP_CLUSTER_NAME", "BACKUP_DEST",
            "RESTORE_OPTION", "RESTORE_TYPE", "RESTORE_SCN", "RESTORE_SCN_DISPLAY", "STATUS", "START_TIMESTAMP",
            "BACKUP_SET_LIST", "BACKUP_PIECE_LIST", "RECOVER_SCN", "RECOVER_SCN_DISPLAY", "RECOVER_PROGRESS",
            "TABLET_COUNT", "FINISH_TABLET_COUNT", "RESTORE_PROGRESS", "TOTAL_BYTES", "TOTAL_BYTES_DISPLAY",
            "FINISH_BYTES", "FINISH_BYTES_DISPLAY", "DESCRIPTION");
    private static final List<String> HISTORY_1 = List.of("TENANT_ID", "JOB_ID", "RESTORE_TENANT_NAME",
            "RESTORE_TENANT_ID", "BACKUP_TENANT_NAME", "BACKUP_TENANT_ID", "BACKUP_CLUSTER_NAME", "BACKUP_DEST",
            "RESTORE_SCN", "RESTORE_SCN_DISPLAY", "RESTORE_OPTION", "START_TIMESTAMP", "FINISH_TIMESTAMP", "STATUS",
            "BACKUP_PIECE_LIST", "BACKUP_SET_LIST", "BACKUP_CLUSTER_VERSION", "LS_COUNT", "FINISH_LS_COUNT",
            "TABLET_COUNT", "FINISH_TABLET_COUNT", "TOTAL_BYTES", "TOTAL_BYTES_DISPLAY", "FINISH_BYTES",
            "FINISH_BYTES_DISPLAY", "DESCRIPTION", "COMMENT");
    private static final List<String> HISTORY_2 = List.of("TENANT_ID", "JOB_ID", "RESTORE_TENANT_NAME",
            "RESTORE_TENANT_ID", "BACKUP_TENANT_NAME", "BACKUP_TENANT_ID", "BACKUP_CLUSTER_NAME", "BACKUP_DEST",
            "RESTORE_SCN", "RESTORE_SCN_DISPLAY", "RESTORE_OPTION", "RESTORE_TYPE", "START_TIMESTAMP",
            "FINISH_TIMESTAMP", "STATUS", "BACKUP_PIECE_LIST", "BACKUP_SET_LIST", "BACKUP_CLUSTER_VERSION", "LS_COUNT",
            "FINISH_LS_COUNT", "TABLET_COUNT", "FINISH_TABLET_COUNT", "TOTAL_BYTES", "TOTAL_BYTES_DISPLAY",
            "FINISH_BYTES", "FINISH_BYTES_DISPLAY", "DESCRIPTION", "COMMENT");

    /** The oldest shape found in OceanBase's sources: no RESTORE_TYPE, bytes only in CDB_OB_RESTORE_PROGRESS. */
    public static final OceanBaseScripts SHAPE_1 = new OceanBaseScripts("1", "views-shape1.sql", PROGRESS_1,
            HISTORY_1);
    /** Shape 1 plus RESTORE_TYPE in both views. */
    public static final OceanBaseScripts SHAPE_2 = new OceanBaseScripts("2", "views-shape2.sql", PROGRESS_2,
            HISTORY_2);
    /** OceanBase 4.3.5: shape 2 plus tablets, recovery and progress columns in CDB_OB_RESTORE_PROGRESS. */
    public static final OceanBaseScripts SHAPE_3 = new OceanBaseScripts("3", "views-shape3.sql", PROGRESS_3,
            HISTORY_2);
    /** The shape the suite and the demo run on: the newest. */
    public static final OceanBaseScripts NEWEST = SHAPE_3;
    /** Every shape, oldest first. */
    public static final List<OceanBaseScripts> ALL = List.of(SHAPE_1, SHAPE_2, SHAPE_3);

    /** Classpath directory (tests) and, under {@code src/test/resources}, file directory (demo) of the scripts. */
    public static final String DIRECTORY = "oceanbase";
    static final String BASE_TABLES = "base-tables.sql";
    static final String RESTORES = "restores.sql";

    /** The files to run in order: base tables, views, rows. */
    public List<String> files() {
        return List.of(BASE_TABLES, views, RESTORES);
    }

    /** The views alone, to change the shape of a loaded database. */
    public InputStream viewsFromClasspath() {
        return open("/" + DIRECTORY + "/" + views);
    }

    /** The scripts from the test classpath. */
    public List<InputStream> fromClasspath() {
        List<InputStream> streams = new ArrayList<>();
        for (String file : files()) {
            streams.add(open("/" + DIRECTORY + "/" + file));
        }
        return streams;
    }

    /** The scripts from {@code directory} (the demo reads them from the source tree). */
    public List<InputStream> fromDirectory(Path directory) {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (String file : files()) {
                streams.add(Files.newInputStream(directory.resolve(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return streams;
    }

    private static InputStream open(String resource) {
        InputStream stream = OceanBaseScripts.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return stream;
    }
}
