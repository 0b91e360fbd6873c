package io.obrestore.config;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.mysqlclient.MySQLConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the Quarkus settings users set for this service that Quarkus itself checks only when it first uses them
 * (the database URL is parsed when the pool is built, deep in a stack trace, after a key may have been written): a
 * bad value stops the start with one line naming the key, before anything else happens.
 */
@Startup(StartupOrder.SETTINGS)
@ApplicationScoped
public class QuarkusSettingsCheck {

    static final String DATASOURCE_URL = "quarkus.datasource.reactive.url (QUARKUS_DATASOURCE_REACTIVE_URL)";

    static final String HTTP_PORT = "quarkus.http.port (QUARKUS_HTTP_PORT)";
    static final String MANAGEMENT_PORT = "quarkus.management.port (QUARKUS_MANAGEMENT_PORT)";

    public QuarkusSettingsCheck(@ConfigProperty(name = "quarkus.datasource.reactive.url") String datasourceUrl,
            @ConfigProperty(name = "quarkus.http.port") int httpPort,
            @ConfigProperty(name = "quarkus.management.port") int managementPort) {
        checkDatasourceUrl(datasourceUrl);
        checkPort(HTTP_PORT, httpPort);
        checkPort(MANAGEMENT_PORT, managementPort);
        if (httpPort == managementPort && httpPort != 0) {
            throw new ConfigurationException(MANAGEMENT_PORT + ": must differ from " + HTTP_PORT + " (" + httpPort
                    + "): probes and metrics listen apart from the API");
        }
    }

    /** A TCP port (0 lets the system choose one). */
    static void checkPort(String key, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException(key + ": " + port + " is not a TCP port (0-65535)");
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
            throw new ConfigurationException(DATASOURCE_URL + ": not a MySQL URL such as mysql://10.0.0.1:2881 (the"
                    + " observer's MySQL port)");
        }
    }
}
