package io.obrestore.auth.connection;

import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.transport.Transport;

/**
 * Installs {@link ConnectionLimitTransport} around the transport Vert.x chose (JDK NIO or a native one). Listed in
 * {@code META-INF/services/io.vertx.core.spi.VertxServiceProvider}; Quarkus reads that list when it builds Vert.x.
 */
public class ConnectionLimitProvider implements VertxServiceProvider {

    @Override
    public void init(VertxBuilder builder) {
        Transport chosen = builder.findTransport();
        if (chosen != null && !(chosen instanceof ConnectionLimitTransport)) {
            builder.findTransport(new ConnectionLimitTransport(chosen));
        }
    }
}
