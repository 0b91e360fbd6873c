package yardstick;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The overview as the least Quarkus service answers it: the service's statement, its rows as JSON. */
@Path("/api/v1/tenant/{name}/restore/overview")
public class OverviewResource {

    // The statement is the service's own, written out by the benchmark (YARDSTICK_SQL names the file).
    private static final String SQL = read(System.getenv("YARDSTICK_SQL"));

    private final Pool pool;

    public OverviewResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> overview(@PathParam("name") String name) {
        return pool.preparedQuery(SQL).execute(Tuple.of(name, name, name)).map(rows -> {
            JsonArray json = new JsonArray();
            for (Row row : rows) {
                json.add(row.toJson());
            }
            return json.encode();
        });
    }

    private static String read(String file) {
        try {
            return Files.readString(java.nio.file.Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
