package io.obrestore.auth;

import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Where the agent's RSA private key comes from: configuration (shared by all replicas), a file, or a key generated
 * once and kept owner-only in the data directory, so a restart keeps the public key clients have cached. Only
 * loading and storing live here; {@link AgentKey} uses the key. Runs when the application starts, never in a static
 * initialiser (a native image would otherwise bake one key into every binary).
 */
@ApplicationScoped
public class AgentKeyStore {

    private static final Logger LOG = Logger.getLogger(AgentKeyStore.class);
    static final String KEY_FILE = "agent-key.pem";
    private static final String PEM_PKCS8 = "PRIVATE KEY";

    private final ServiceConfig.Auth config;

    public AgentKeyStore(ServiceConfig config) {
        this.config = config.auth();
    }

    /** The configured, persisted or newly generated key; a problem is a configuration error naming the setting. */
    public RSAPrivateCrtKey load() {
        return load(config);
    }

    /**
     * The key from the first source configured. A problem ends the start with a configuration error naming the key and
     * what is wrong (Quarkus prints it as one line, without a stack trace), never echoing key material.
     */
    private static RSAPrivateCrtKey load(ServiceConfig.Auth auth) {
        if (auth.privateKey().isPresent()) {
            LOG.info("Using the RSA private key from configuration");
            return parseConfigured(auth.privateKey().get(), "obrestore.auth.private-key (OBRESTORE_AUTH_PRIVATE_KEY)");
        }
        String fileKey = "obrestore.auth.private-key-file (OBRESTORE_AUTH_PRIVATE_KEY_FILE)";
        if (auth.privateKeyFile().isPresent()) {
            Path file = auth.privateKeyFile().get();
            LOG.infof("Using the RSA private key from %s", file);
            return parseConfigured(read(file, fileKey), fileKey + " " + file);
        }
        Path file = auth.dataDir().resolve(KEY_FILE);
        String dirKey = "obrestore.auth.data-dir (OBRESTORE_AUTH_DATA_DIR) " + auth.dataDir();
        if (Files.exists(file)) {
            LOG.infof("Using the persisted RSA key %s", file);
            return parseConfigured(read(file, dirKey), dirKey + ": " + KEY_FILE);
        }
        try {
            return generate(file, auth.keySize());
        } catch (IOException e) {
            throw new ConfigurationException(dirKey + ": cannot store a generated key there (" + e.getClass().getSimpleName()
                    + "); set it to a writable directory or configure OBRESTORE_AUTH_PRIVATE_KEY");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is unavailable in this JVM", e);
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
    static RSAPrivateCrtKey parse(String text) throws GeneralSecurityException {
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
            // Clients encrypt 53-byte chunks: a block must hold 53 bytes plus 11 of padding.
            throw new GeneralSecurityException("RSA key too small: " + bits + " bits");
        }
        return crt;
    }

    private static RSAPrivateCrtKey generate(Path file, int bits) throws IOException, GeneralSecurityException {
        // obrestore.auth.key-size is 1024 or 2048: its converter refuses anything else while reading the configuration.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN " + PEM_PKCS8 + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END " + PEM_PKCS8 + "-----\n";
        writeOwnerOnly(file, pem);
        LOG.infof("Generated a %d-bit RSA key and stored it in %s (owner-only)", bits, file);
        return (RSAPrivateCrtKey) pair.getPrivate();
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        // Created with owner-only permissions from the start: there is no moment where others could read it.
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(
                    Set.copyOf(PosixFilePermissions.fromString("rw-------"))));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }
}
