package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.key.Sha256;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks the password in a decrypted header against the configured ones, following obshell's rules for a cluster
 * agent (docs/auth-protocol.md §4, step 6), in constant time and without ever failing open: each branch either names
 * the configured password it compared against or explicitly finds no password configured at all.
 */
@Startup(StartupOrder.CREDENTIALS)
@ApplicationScoped
public class CredentialVerifier {

    private static final Logger LOG = Logger.getLogger(CredentialVerifier.class);

    private final byte[] oceanBaseDigest;
    private final byte[] agentDigest;

    @Inject
    public CredentialVerifier(ServiceConfig config) {
        this(config.auth().password(), config.auth().agentPassword());
        if (!anyPasswordConfigured()) {
            if (config.auth().required()) {
                throw new ConfigurationException("obrestore.auth.required (OBRESTORE_AUTH_REQUIRED) is true but neither"
                        + " OBRESTORE_AUTH_PASSWORD nor OBRESTORE_AUTH_AGENT_PASSWORD is set: refusing to serve without"
                        + " authentication");
            }
            LOG.warn("No password configured: requests without an X-OCS-Header are served (set OBRESTORE_AUTH_PASSWORD)");
        }
    }

    CredentialVerifier(Optional<String> oceanBasePassword, Optional<String> agentPassword) {
        this.oceanBaseDigest = digestOf(oceanBasePassword);
        this.agentDigest = digestOf(agentPassword);
    }

    /** Whether any password is configured, i.e. whether requests need a header at all. */
    public boolean anyPasswordConfigured() {
        return oceanBaseDigest != null || agentDigest != null;
    }

    /** Whether the agent password is set ({@code security} in {@code /api/v1/info}). */
    public boolean agentPasswordConfigured() {
        return agentDigest != null;
    }

    /** Passes, or throws the obshell error for this header kind and configuration. */
    public void verify(HeaderKind kind, String password) {
        verify(kind, sha256(password));
    }

    /** {@link #verify(HeaderKind, String)} for a password already digested with {@link #digest}. */
    public void verify(HeaderKind kind, byte[] passwordDigest) {
        if (kind == HeaderKind.OCEANBASE) {
            if (oceanBaseDigest != null) {
                require(oceanBaseDigest, passwordDigest, ErrorCode.INCORRECT_OCEANBASE_PASSWORD);
            } else if (agentDigest != null) {
                throw new ApiException(ErrorCode.WITH_AGENT_PASSWORD, "oceanbase password is not initialized");
            }
            // else: no password configured at all; the header's uri and ts were still checked.
        } else {
            if (agentDigest != null) {
                require(agentDigest, passwordDigest, ErrorCode.INCORRECT_AGENT_PASSWORD);
            } else if (oceanBaseDigest != null) {
                throw new ApiException(ErrorCode.WITH_OCEANBASE_PASSWORD, "agent password is not initialized");
            }
        }
    }

    /**
     * Whether the password of {@code digest} ({@link #digest}) is one of the configured passwords (constant time),
     * whichever header carried it: the blocks that hold it are worth stealing for either header name, so they are
     * remembered longer, whatever else the header got wrong.
     */
    public boolean isSecret(byte[] digest) {
        boolean root = oceanBaseDigest != null && MessageDigest.isEqual(oceanBaseDigest, digest);
        boolean agent = agentDigest != null && MessageDigest.isEqual(agentDigest, digest);
        return root | agent;
    }

    /** The password's SHA-256, computed once per header for both checks. */
    public byte[] digest(String password) {
        return sha256(password);
    }

    private static void require(byte[] expectedDigest, byte[] passwordDigest, ErrorCode failure) {
        // Comparing fixed-length digests with MessageDigest.isEqual takes the same time whatever the password's
        // length or content; obshell compares with != .
        if (!MessageDigest.isEqual(expectedDigest, passwordDigest)) {
            throw new ApiException(failure);
        }
    }

    private static byte[] digestOf(Optional<String> password) {
        return password.map(CredentialVerifier::sha256).orElse(null);
    }

    private static byte[] sha256(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
