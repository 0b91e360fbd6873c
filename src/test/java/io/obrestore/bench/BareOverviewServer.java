package io.obrestore.bench;

import io.obrestore.restore.RestoreSqlAccess;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The least an HTTP service can do for an overview, as a yardstick for the throughput benchmark: plain Vert.x (the
 * HTTP server and MySQL client the service runs on), the service's own statement on a pool of 8 with cached
 * prepared statements, the row written as a JSON array. No framework, envelope, validation, redaction, metrics or
 * auth. Run as its own process, so its CPU time is measured like the service's.
 *
 * <p>Arguments: httpPort dbPort dbUser dbPassword. Prints READY once it listens.
 */
public final class BareOverviewServer {

    private BareOverviewServer() {
    }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        Pool pool = MySQLBuilder.pool().with(new PoolOptions().setMaxSize(8))
                .connectingTo(new MySQLConnectOptions().setHost("127.0.0.1").setPort(Integer.parseInt(args[1]))
                        .setUser(args[2]).setPassword(args[3]).setCachePreparedStatements(true))
                .using(vertx).build();
        int port = Integer.parseInt(args[0]);
        // One server per core, as Quarkus runs its HTTP server on several event loops.
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer().requestHandler(request -> overview(pool, request)).listen(port, "127.0.0.1")
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .onSuccess(deployed -> System.out.println("READY"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    private static void overview(Pool pool, HttpServerRequest request) {
        String prefix = "/api/v1/tenant/";
        String path = request.path();
        int end = path.indexOf('/', prefix.length());
        String name = path.startsWith(prefix) && end > 0 ? path.substring(prefix.length(), end) : "";
        pool.preparedQuery(RestoreSqlAccess.overviewSql()).execute(Tuple.of(name, name, name)).onComplete(ar -> {
            if (ar.failed()) {
                request.response().setStatusCode(503).end();
            } else if (ar.result().size() == 0) {
                request.response().setStatusCode(404).end();
            } else {
                Row row = ar.result().iterator().next();
                JsonArray values = new JsonArray();
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.getValue(i) == null ? null : String.valueOf(row.getValue(i)));
                }
                request.response().putHeader("Content-Type", "application/json").end(values.encode());
            }
        });
    }
}
