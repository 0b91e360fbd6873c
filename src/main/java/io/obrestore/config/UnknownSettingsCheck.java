package io.obrestore.config;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stops the start at an {@code OBRESTORE_*} or {@code QUARKUS_*} environment variable that sets nothing (a typo such
 * as {@code OBRESTORE_QUERY_TIMOUT} or {@code QUARKUS_DATASOURCE_PASWORD} would otherwise leave the default silently in
 * force, or fail much later as "Access denied"), with one line naming it and the closest known setting.
 *
 * <p>Known are the keys of {@link ServiceConfig} and of the Quarkus extensions this build includes, as
 * {@link KnownSettings} lists them (written at build time, so the check works alike in a native image). Keys that
 * only Quarkus' build reads (e.g. {@code quarkus.native.*}, {@code quarkus.package.*}) are not on that list: as
 * variables of the running service they would do nothing, and saying so is the point. Kubernetes' service links
 * ({@code <SERVICE>_SERVICE_HOST}, {@code <SERVICE>_PORT...}) of a Service whose name starts with {@code quarkus} or
 * {@code obrestore} are not settings and pass. An unknown property in a file or {@code -D} is refused by SmallRye
 * Config itself ("does not map to any root") for {@code obrestore.*}; only environment variables escape it, since
 * their names cannot be told from others'.
 */
@Startup(StartupOrder.SETTINGS)
@ApplicationScoped
public class UnknownSettingsCheck {

    private static final Pattern SERVICE_LINK = Pattern.compile(
            "(.+?)_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)?)");

    public UnknownSettingsCheck() {
        check(KnownSettings.fromBuild(), System.getenv());
    }

    static void check(KnownSettings known, Map<String, String> environment) {
        for (String name : environment.keySet().stream().sorted().toList()) {
            if ((name.startsWith("OBRESTORE_") || name.startsWith("QUARKUS_")) && known.forVariable(name).isEmpty()
                    && !serviceLink(name, environment)) {
                KnownSettings.Setting closest = known.closestTo(name);
                throw new ConfigurationException(name + " is not a setting of this service; did you mean "
                        + closest.variable() + " (" + closest.key() + ")? Settings: docs/configuration.md");
            }
        }
    }

    /** A variable Kubernetes sets for a Service of the namespace: only with that Service's {@code _SERVICE_HOST}. */
    private static boolean serviceLink(String name, Map<String, String> environment) {
        var link = SERVICE_LINK.matcher(name);
        return link.matches() && environment.containsKey(link.group(1) + "_SERVICE_HOST");
    }
}
