package io.obrestore.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.mysqlclient.MySQLConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the Quarkus settings users set for this service that Quarkus itself checks only when it first uses them
 * (the database URL is parsed when the pool is built, deep in a stack trace, after a key may have been written; a
 * port in use is found when the servers bind, after the pool has started connecting, and the management port's
 * failure comes with 50 stack frames): a bad value stops the start with one line naming the key, before anything
 * else happens. Quarkus opens its ports after the start-up events, so a port taken now is reported here.
 */
@Startup(StartupOrder.SETTINGS)
@ApplicationScoped
public class QuarkusSettingsCheck {

    static final String DATASOURCE_URL = "quarkus.datasource.reactive.url";
    static final String HTTP_PORT = "quarkus.http.port";
    static final String MANAGEMENT_PORT = "quarkus.management.port";

    private static final String PORTS_CHECKED = "io.obrestore.dev-mode-ports-checked";

    public QuarkusSettingsCheck(@ConfigProperty(name = "quarkus.datasource.reactive.url") String datasourceUrl,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.management.port") int managementPort,
            @ConfigProperty(name = "quarkus.http.host") Optional<String> httpHost,
            @ConfigProperty(name = "quarkus.management.host") Optional<String> managementHost) {
        checkDatasourceUrl(datasourceUrl);
        checkPort(HTTP_PORT, httpPort);
        checkPort(MANAGEMENT_PORT, managementPort);
        if (httpPort == managementPort && httpPort != 0) {
            throw new ConfigurationException(named(MANAGEMENT_PORT) + ": must differ from " + named(HTTP_PORT) + " ("
                    + httpPort + "): probes and metrics listen apart from the API");
        }
        // Tests listen on the test ports (0 in this project: any free one), so there is nothing to check. A dev-mode
        // reload finds its own servers still listening (Quarkus keeps them across reloads): there only the first
        // start of the JVM checks.
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.TEST && (mode != LaunchMode.DEVELOPMENT || System.getProperty(PORTS_CHECKED) == null)) {
            checkFree(HTTP_PORT, host(httpHost), httpPort);
            checkFree(MANAGEMENT_PORT, host(managementHost), managementPort);
            if (mode == LaunchMode.DEVELOPMENT) {
                // A system property, not a static field: dev mode loads this class anew on every reload. Not under
                // "obrestore.": SmallRye would refuse it as an unknown setting.
                System.setProperty(PORTS_CHECKED, "true");
            }
        }
    }

    /**
     * Whether {@code port} can be listened on now: one line naming the port and its setting if another process holds
     * it, or if the system refuses it (a port below 1024 without the privilege, an address not of this host).
     */
    static void checkFree(String key, String host, int port) {
        if (port == 0) {
            return;
        }
        // As Vert.x binds: SO_REUSEADDR, so a port whose last connection is still in TIME_WAIT counts as free.
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (BindException taken) {
            if (String.valueOf(taken.getMessage()).contains("in use")) {
                throw new ConfigurationException("Port " + port + " (" + key + ") is in use by another process: stop"
                        + " it, or set " + KnownSettings.variable(key) + " to a free port");
            }
            throw new ConfigurationException("Cannot listen on " + host + ":" + port + " (" + named(key) + "): "
                    + taken.getMessage());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot listen on " + host + ":" + port + " (" + named(key) + "): " + e);
        }
    }

    /** {@code key (VARIABLE)}, as the start's one-line refusals name a setting. */
    private static String named(String key) {
        return key + " (" + KnownSettings.variable(key) + ")";
    }

    /** The address Quarkus listens on: the configured host, else all interfaces (localhost in dev mode). */
    private static String host(Optional<String> configured) {
        return configured.orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
    }

    /** A TCP port (0 lets the system choose one). */
    static void checkPort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException(named(key) + ": " + port + " is not a TCP port (0-65535)");
        }
    }

    /** A URL the MySQL client can connect with; the value is never echoed (it may hold a password). */
    static void checkDatasourceUrl(String url) {
        try {
            MySQLConnectOptions options = MySQLConnectOptions.fromUri(url.trim());
            if (options.getHost() == null || options.getHost().isBlank() || options.getPort() < 1
                    || options.getPort() > 65535) {
                throw new IllegalArgumentException("no host or port");
            }
        } catch (RuntimeException e) {
            throw new ConfigurationException(named(DATASOURCE_URL) + ": not a MySQL URL such as mysql://10.0.0.1:2881 (the"
                    + " observer's MySQL port)");
        }
    }
}
