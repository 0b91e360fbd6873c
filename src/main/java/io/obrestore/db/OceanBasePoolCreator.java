package io.obrestore.db;

import io.obrestore.config.ServiceConfig;
import io.quarkus.reactive.mysql.client.MySQLPoolCreator;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.ArrayList;
import java.util.List;
import jakarta.inject.Singleton;

/**
 * Builds the OceanBase pool with the limits Quarkus has no keys for: a bounded wait queue (excess requests fail
 * fast with {@code Agent.OceanBase.Busy} instead of piling up) and a connect timeout equal to the query timeout,
 * so an unreachable database is reported within that bound.
 */
@Singleton
public class OceanBasePoolCreator implements MySQLPoolCreator {

    /** Longest SQL text whose prepared statement the pool keeps per connection. */
    public static final int STATEMENT_CACHE_SQL_LIMIT = 16 * 1024;

    private final ServiceConfig config;
    private final ClusterZone zone;

    public OceanBasePoolCreator(ServiceConfig config, ClusterZone zone) {
        this.config = config;
        this.zone = zone;
    }

    @Override
    public Pool create(Input input) {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.queryTimeout().toMillis());
        // No pool-acquire timer (0 disables Vert.x's 30 s default): the service bounds every call itself, and
        // Vert.x 4.5's timer fails already-failed promises when connecting fails fast during an outage, flooding
        // the log with "Result is already complete".
        PoolOptions options = input.poolOptions()
                .setMaxWaitQueueSize(config.maxWaitingRequests())
                .setConnectionTimeout(0);
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (MySQLConnectOptions connect : input.mySQLConnectOptionsList()) {
            // The restore statements are longer than the client's default cache limit of 2 048 characters, and an
            // uncached prepared statement costs PREPARE, EXECUTE and CLOSE: three round trips instead of one.
            servers.add(connect.setConnectTimeout(timeoutMillis)
                    .setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT));
        }
        var builder = MySQLBuilder.pool()
                .with(options)
                .connectingTo(servers)
                .using(input.vertx());
        if (zone.readsFromDatabase()) {
            // Every new connection reads the session's zone before the pool hands it out.
            builder.withConnectHandler(connection -> zone.readOn(connection)
                    .onComplete(done -> connection.close()));
        }
        return builder.build();
    }
}
