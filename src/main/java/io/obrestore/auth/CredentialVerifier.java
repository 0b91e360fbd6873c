package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** Which header carried the credentials. */
    public enum HeaderKind {
        /** {@code X-OCS-Header}: the root@sys password. */
        OCEANBASE("X-OCS-Header"),
        /** {@code X-OCS-Agent-Header}: the agent password. */
        AGENT("X-OCS-Agent-Header");

        private final String headerName;

        HeaderKind(String headerName) {
            this.headerName = headerName;
        }

        /** The HTTP header that carries this kind. */
        public String headerName() {
            return headerName;
        }
    }

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
        if (kind == HeaderKind.OCEANBASE) {
            if (oceanBaseDigest != null) {
                require(oceanBaseDigest, password, ErrorCode.INCORRECT_OCEANBASE_PASSWORD);
            } else if (agentDigest != null) {
                throw new ApiException(ErrorCode.WITH_AGENT_PASSWORD, "oceanbase password is not initialized");
            }
            // else: no password configured at all; the header's uri and ts were still checked.
        } else {
            if (agentDigest != null) {
                require(agentDigest, password, ErrorCode.INCORRECT_AGENT_PASSWORD);
            } else if (oceanBaseDigest != null) {
                throw new ApiException(ErrorCode.WITH_OCEANBASE_PASSWORD, "agent password is not initialized");
            }
        }
    }

    /**
     * Whether {@code password} is one of the configured passwords (constant time), whichever header carried it: the
     * blocks that hold it are worth stealing for either header name, so they are remembered longer, whatever else
     * the header got wrong.
     */
    public boolean isSecret(String password) {
        byte[] digest = sha256(password);
        boolean root = oceanBaseDigest != null && MessageDigest.isEqual(oceanBaseDigest, digest);
        boolean agent = agentDigest != null && MessageDigest.isEqual(agentDigest, digest);
        return root | agent;
    }

    private static void require(byte[] expectedDigest, String password, ErrorCode failure) {
        // Comparing fixed-length digests with MessageDigest.isEqual takes the same time whatever the password's
        // length or content; obshell compares with != .
        if (!MessageDigest.isEqual(expectedDigest, sha256(password))) {
            throw new ApiException(failure);
        }
    }

    private static byte[] digestOf(Optional<String> password) {
        return password.map(CredentialVerifier::sha256).orElse(null);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
