package io.obrestore.auth;

import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import org.jboss.logging.Logger;

/**
 * The agent's RSA key pair: from configuration (shared by all replicas), else generated once and persisted
 * owner-only, so a restart keeps the public key clients have cached. Loaded when the application starts, never in
 * a static initialiser (a native image would otherwise bake one key into every binary).
 */
@Startup(AgentKeyPair.START_CHECKS)
@ApplicationScoped
public class AgentKeyPair {

    /**
     * Start-up order of the beans that check configuration: before anything that does I/O, so a failed start has
     * nothing else to say.
     */
    public static final int START_CHECKS = 10;

    private static final Logger LOG = Logger.getLogger(AgentKeyPair.class);
    static final String KEY_FILE = "agent-key.pem";
    private static final String PEM_PKCS8 = "PRIVATE KEY";

    private final RSAPrivateCrtKey privateKey;
    private final String publicKeyBase64;
    private final int blockSize;

    @Inject
    public AgentKeyPair(ServiceConfig config) {
        this(load(config.auth()));
    }

    /** A key pair around an already loaded private key. */
    AgentKeyPair(RSAPrivateCrtKey privateKey) {
        this.privateKey = privateKey;
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            this.publicKeyBase64 = Base64.getEncoder().encodeToString(Pkcs1.encodePublicKey(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
        this.blockSize = (privateKey.getModulus().bitLength() + 7) / 8;
    }

    /** Standard base64 of the PKCS#1 {@code RSAPublicKey} DER, as {@code /api/v1/secret} serves it. */
    public String publicKeyBase64() {
        return publicKeyBase64;
    }

    /** Ciphertext block length in bytes (modulus length: 128 for 1024-bit keys). */
    public int blockSize() {
        return blockSize;
    }

    /**
     * RSA PKCS#1 v1.5 decryption of concatenated modulus-sized blocks, whatever chunk size the client encrypted.
     *
     * @throws GeneralSecurityException for an empty or truncated ciphertext or a block that does not decrypt
     */
    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        if (ciphertext.length == 0 || ciphertext.length % blockSize != 0) {
            throw new GeneralSecurityException("ciphertext is not a whole number of blocks");
        }
        Cipher cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        cipher.init(Cipher.DECRYPT_MODE, privateKey);
        byte[] plain = new byte[ciphertext.length];
        int written = 0;
        for (int offset = 0; offset < ciphertext.length; offset += blockSize) {
            written += cipher.doFinal(ciphertext, offset, blockSize, plain, written);
        }
        return java.util.Arrays.copyOf(plain, written);
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
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ConfigurationException(key + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
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
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temp);
        }
    }
}
