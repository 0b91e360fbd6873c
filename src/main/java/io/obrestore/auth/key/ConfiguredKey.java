package io.obrestore.auth.key;

import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The RSA key an operator configured ({@code obrestore.auth.private-key} or {@code .private-key-file}): the secret
 * replicas that share a block memory derive their keys from (docs/auth-protocol.md §7). Only reading and checking
 * live here; nothing is ever written. Runs when the application starts, never in a static initialiser (a native image
 * would otherwise bake one key into every binary).
 */
public final class ConfiguredKey {

    private static final Logger LOG = Logger.getLogger(ConfiguredKey.class);
    /** Where earlier versions kept the key they generated; keys now change at every start and are never written. */
    static final String OLD_KEY_FILE = "agent-key.pem";

    private ConfiguredKey() {
    }

    /**
     * The configured key, if any. A problem ends the start with a configuration error naming the setting and what is
     * wrong (Quarkus prints it as one line, without a stack trace), never echoing key material.
     */
    public static Optional<RSAPrivateCrtKey> load(ServiceConfig.Auth auth) {
        if (auth.privateKey().isPresent()) {
            LOG.info("Using the RSA private key from configuration as the seed of the keys in use");
            return Optional.of(parseConfigured(auth.privateKey().get(),
                    "obrestore.auth.private-key (OBRESTORE_AUTH_PRIVATE_KEY)"));
        }
        if (auth.privateKeyFile().isPresent()) {
            String fileKey = "obrestore.auth.private-key-file (OBRESTORE_AUTH_PRIVATE_KEY_FILE)";
            Path file = auth.privateKeyFile().get();
            LOG.infof("Using the RSA private key from %s as the seed of the keys in use", file);
            return Optional.of(parseConfigured(read(file, fileKey), fileKey + " " + file));
        }
        return Optional.empty();
    }

    /**
     * Removes the key an earlier version generated into the data directory: it is no longer used (each start makes a
     * key of its own), and a private key nobody needs should not lie on disk.
     */
    public static void removeOldKeyFile(Path dataDir) {
        Path old = dataDir.resolve(OLD_KEY_FILE);
        try {
            if (Files.deleteIfExists(old)) {
                LOG.infof("Removed %s: keys are no longer kept on disk, each start makes its own", old);
            }
        } catch (IOException e) {
            LOG.warnf("Could not remove the unused key file %s (%s)", old, e.getClass().getSimpleName());
        }
    }

    private static String read(Path file, String key) {
        try {
            refuseReadableByOthers(file, key);
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException(key + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * A private key any local account can read is as good as published: the start stops, as ssh does, instead of
     * using it silently. Group read is allowed (a Kubernetes Secret volume with {@code fsGroup}).
     */
    private static void refuseReadableByOthers(Path file, String key) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new ConfigurationException(key + ": " + file + " is readable by every local account ("
                    + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it (Kubernetes: defaultMode 0400)"
                    + " or pass the key in OBRESTORE_AUTH_PRIVATE_KEY");
        }
    }

    private static RSAPrivateCrtKey parseConfigured(String text, String key) {
        try {
            return parse(text);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the key material: only which setting and which forms are accepted.
            throw new ConfigurationException(key + ": not an RSA private key of at least 512 bits in PEM, base64 DER"
                    + " (PKCS#1 or PKCS#8) or base64 of PEM");
        }
    }

    /**
     * Accepts PEM (PKCS#1 or PKCS#8), bare base64 DER of either, or base64 of a whole PEM file (what
     * {@code openssl genpkey | base64 -w0} gives, the handy form for a one-line environment variable or Secret).
     */
    public static RSAPrivateCrtKey parse(String text) throws GeneralSecurityException {
        String trimmed = text.strip();
        if (!trimmed.startsWith("-----")) {
            byte[] decoded = Base64.getMimeDecoder().decode(trimmed);
            String inner = new String(decoded, StandardCharsets.US_ASCII);
            if (inner.stripLeading().startsWith("-----BEGIN ")) {
                trimmed = inner.strip();
            }
        }
        String base64 = trimmed.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        if (!(Pkcs1.decodePrivateKey(der) instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("RSA key without CRT parameters");
        }
        int bits = crt.getModulus().bitLength();
        if (bits < 512) {
            throw new GeneralSecurityException("RSA key too small: " + bits + " bits");
        }
        return crt;
    }
}
