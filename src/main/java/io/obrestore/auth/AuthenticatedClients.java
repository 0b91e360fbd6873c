package io.obrestore.auth;

import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Keeps the clients that authenticated within the last hour in {@code obrestore.auth.data-dir}, so that after a restart
 * they are still exempt from the failure budgets (docs/auth-protocol.md §8): a restart under a guessing flood would
 * otherwise keep every client waiting with the attackers. Written every {@link #EVERY} when something changed and when
 * the service stops, owner-only; a data directory that cannot be written only costs this, with one warning.
 */
@Startup(StartupOrder.AGENT_KEY)
@ApplicationScoped
public class AuthenticatedClients {

    static final String FILE = "authenticated-clients";
    static final Duration EVERY = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(AuthenticatedClients.class);

    private final GuessThrottle throttle;
    private final Path file;
    private final Cancellable ticks;
    private Map<String, Long> written = Map.of();
    private boolean warned;

    public AuthenticatedClients(GuessThrottle throttle, ServiceConfig config, CredentialVerifier passwords) {
        this.throttle = throttle;
        this.file = config.auth().dataDir().resolve(FILE);
        if (!passwords.anyPasswordConfigured()) {
            this.ticks = null;
            return; // nobody authenticates, nobody is throttled
        }
        throttle.rememberAuthenticated(read(file, System.currentTimeMillis(), System.nanoTime()));
        this.ticks = Multi.createFrom().ticks().every(EVERY).emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(tick -> save(), failure -> LOG.warnf("Saving authenticated clients stopped: %s",
                        failure.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticks != null) {
            ticks.cancel();
            save();
        }
    }

    /** Writes the clients that authenticated within the hour when they changed since the last write. */
    synchronized void save() {
        long nanos = System.nanoTime();
        long millis = System.currentTimeMillis();
        // Wall-clock seconds (nanoTime does not survive the process), to the minute: a client that keeps
        // authenticating does not rewrite the file every time.
        Map<String, Long> known = new HashMap<>();
        throttle.authenticated(nanos).forEach((client, lastSuccess) ->
                known.put(client, (millis - (nanos - lastSuccess) / 1_000_000) / 60_000 * 60));
        if (known.equals(written)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        known.forEach((client, seconds) -> text.append(client).append(' ').append(seconds).append('\n'));
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path temp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written = known;
        } catch (IOException | UnsupportedOperationException e) {
            if (!warned) {
                warned = true;
                LOG.warnf("Cannot keep the clients that authenticated in %s (%s): after a restart they wait with"
                        + " everyone else while the failure budgets are spent (obrestore.auth.data-dir)", file,
                        e.getClass().getSimpleName());
            }
        }
    }

    /** The file's clients that authenticated less than an hour ago, their last success on this process's nanoTime. */
    static Map<String, Long> read(Path file, long nowMillis, long nowNanos) {
        Map<String, Long> known = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return known;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] parts = line.split(" ");
                if (parts.length != 2) {
                    continue;
                }
                long agoNanos = Math.max(0, nowMillis / 1000 - Long.parseLong(parts[1])) * 1_000_000_000L;
                if (agoNanos < GuessThrottle.KNOWN_NANOS) {
                    known.put(parts[0], nowNanos - agoNanos);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warnf("Ignoring %s (%s): clients that authenticated before the restart wait with everyone else", file,
                    e.getClass().getSimpleName());
        }
        return known;
    }
}
