package io.obrestore.auth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.StartupOrder;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The agent's RSA key in use: the public key as {@code /api/v1/secret} serves it, and PKCS#1 v1.5 decryption of one
 * header block with implicit rejection (docs/auth-protocol.md §7).
 *
 * <p>A block whose padding is wrong does not fail here: it decrypts to a pseudo-random plaintext of a chunk's length,
 * derived from the block and the private key, as TLS stacks do for RSA key exchange. The header then fails where a
 * block with correct padding around random bytes fails too, at JSON parsing, with the same answer after the same
 * work, so no answer and no timing tells an attacker whether a forged block had valid padding (Bleichenbacher's
 * oracle). The raw RSA operation is the JCA's ({@code RSA/ECB/NoPadding}, blinded); only the padding check is ours,
 * because no JCA provider offers implicit rejection. Which provider does that operation is {@link RsaProvider}'s choice.
 */
@Startup(StartupOrder.AGENT_KEY)
@ApplicationScoped
public class AgentKey {

    /** Plaintext bytes per block as both SDKs chunk it ({@code 512/8 - 11}): the length of a rejected block's stand-in. */
    static final int CHUNK = 53;

    /** When ACCP starts loading: after the first answers, which keep both cores of a small host busy for seconds. */
    static final Duration FASTER_PROVIDER_AFTER = Duration.ofSeconds(5);

    private static final int MIN_PADDING = 8;
    private static final Logger LOG = Logger.getLogger(AgentKey.class);

    private final RSAPrivateCrtKey key;
    private final BigInteger modulus;
    private final String publicKeyBase64;
    private final int blockSize;
    private final SecretKeySpec rejectionKey;
    // Replaced once, when a faster provider has loaded after the start; every block reads it once.
    private volatile Engine engine;
    // Waits, then loads the faster provider; stopped with the application so a stopped one loads nothing.
    private Thread loader;

    /**
     * One provider's private-key objects. Cipher and Mac objects are not thread-safe: one per event-loop thread,
     * initialised once. Every engine gives the same answers for the same block, so a request may use either.
     */
    private record Engine(RsaProvider provider, ThreadLocal<Cipher> rsa, ThreadLocal<Mac> prf) {
    }

    /**
     * The service's key. Decryption starts on the JDK's provider; with {@code rsa-provider=auto}, ACCP is loaded on a
     * thread of its own {@link #FASTER_PROVIDER_AFTER} after the start and takes over once it passed its check. Loading
     * its native library costs about half a second of CPU (it is unpacked from the jar first): done during the start,
     * even on another thread, it delayed the first answer by 0.2-0.4 s on two cores (docs/performance.md, Start-up).
     */
    @Inject
    public AgentKey(AgentKeyStore store, ServiceConfig config, MeterRegistry registry) {
        this(store.load(), RsaProvider.jdk(config.auth().rsaProvider() == ServiceConfig.RsaProviderChoice.JDK
                ? "obrestore.auth.rsa-provider=jdk" : "until a faster one has loaded"));
        for (String name : new String[] {engine.provider().provider().getName(), RsaProvider.ACCP_NAME}) {
            Gauge.builder("obrestore.auth.rsa.provider.info", this, k -> k.engine.provider().provider().getName()
                    .equals(name) ? 1 : 0).tag("provider", name)
                    .description("1 for the JCA provider that decrypts header blocks now").register(registry);
        }
        if (config.auth().rsaProvider() == ServiceConfig.RsaProviderChoice.JDK) {
            LOG.infof("RSA private-key operations by %s", engine.provider().description());
            return;
        }
        loader = new Thread(() -> {
            try {
                Thread.sleep(FASTER_PROVIDER_AFTER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // shutting down
            }
            loadFasterProvider();
        }, "obrestore-rsa-provider");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The key in use for an already loaded private key, decrypting with {@code provider}, or with the JDK's if that
     * provider fails a decryption of this key.
     */
    AgentKey(RSAPrivateCrtKey key, RsaProvider provider) {
        this.key = key;
        this.modulus = key.getModulus();
        this.blockSize = (modulus.bitLength() + 7) / 8;
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(modulus, key.getPublicExponent()));
            this.publicKeyBase64 = Base64.getEncoder().encodeToString(Pkcs1.encodePublicKey(publicKey));
            // The stand-in plaintexts depend on the private key, so nobody without it can predict them.
            this.rejectionKey = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(key.getPrivateExponent().toByteArray()), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks RSA or SHA-256", e);
        }
        this.engine = engine(checked(provider, key));
    }

    @PreDestroy
    void stopLoading() {
        if (loader != null) {
            loader.interrupt();
        }
    }

    /** Loads ACCP where it can load and, once it decrypted this key correctly, decrypts with it from then on. */
    private void loadFasterProvider() {
        RsaProvider chosen = checked(RsaProvider.select(ServiceConfig.RsaProviderChoice.AUTO), key);
        if (chosen.accp()) {
            try {
                engine = engine(chosen);
            } catch (RuntimeException e) {
                LOG.warnf("%s cannot take the key (%s); the JDK's provider keeps decrypting", chosen.description(), e);
                return;
            }
        }
        LOG.infof("RSA private-key operations by %s", chosen.description());
    }

    private Engine engine(RsaProvider provider) {
        PrivateKey own;
        try {
            own = provider.ownKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider.description() + " cannot take the key", e);
        }
        return new Engine(provider, ThreadLocal.withInitial(() -> newCipher(provider, own)),
                ThreadLocal.withInitial(() -> newMac(provider)));
    }

    /** Standard base64 of the PKCS#1 {@code RSAPublicKey} DER, as {@code /api/v1/secret} serves it. */
    public String publicKeyBase64() {
        return publicKeyBase64;
    }

    /** The provider that decrypts blocks now. */
    public RsaProvider provider() {
        return engine.provider();
    }

    /** Ciphertext block length in bytes (modulus length: 128 for 1024-bit keys). */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Decrypts the block at {@code offset}: its PKCS#1 v1.5 message, or, when the padding is wrong (or
     * {@code forceReject}), a pseudo-random stand-in of {@link #CHUNK} bytes. Never fails and takes the same steps
     * either way.
     */
    byte[] decryptBlock(byte[] ciphertext, int offset, boolean forceReject) {
        byte[] block = Arrays.copyOfRange(ciphertext, offset, offset + blockSize);
        boolean reject = forceReject;
        byte[] input = block;
        if (new BigInteger(1, block).compareTo(modulus) >= 0) {
            // Not a ciphertext of this key. Decrypting c - n keeps the work the same, but it must never be accepted:
            // it would be a second encoding of another block, which the block memory would not recognise.
            input = toBlock(new BigInteger(1, block).subtract(modulus));
            reject = true;
        }
        Engine current = engine;
        byte[] encoded;
        try {
            encoded = current.rsa().get().doFinal(input);
        } catch (GeneralSecurityException e) {
            encoded = new byte[blockSize]; // cannot happen for input < n; fails the padding check below
            reject = true;
        }
        return unpad(encoded, standIn(current, block), reject);
    }

    /**
     * PKCS#1 v1.5 type 2 ({@code 00 02 PS 00 M}, PS at least 8 non-zero bytes), checked without branching on the
     * decrypted bytes: the result is M when the padding holds, else {@code standIn}.
     */
    private static byte[] unpad(byte[] encoded, byte[] standIn, boolean forceReject) {
        int k = encoded.length;
        int good = isZero(encoded[0] & 0xff) & isZero((encoded[1] & 0xff) ^ 2);
        int lookingForZero = -1;
        int zeroIndex = 0;
        for (int i = 2; i < k; i++) {
            int zero = isZero(encoded[i] & 0xff);
            zeroIndex = select(lookingForZero & zero, i, zeroIndex);
            lookingForZero &= ~zero;
        }
        good &= ~lookingForZero;
        good &= atLeast(zeroIndex, 2 + MIN_PADDING);
        good &= forceReject ? 0 : -1;
        int length = select(good, k - zeroIndex - 1, CHUNK);
        int start = select(good, zeroIndex + 1, 0);
        byte[] message = new byte[length];
        for (int i = 0; i < length; i++) {
            int fromBlock = encoded[Math.min(k - 1, start + i)];
            int fromStandIn = standIn[i % CHUNK];
            message[i] = (byte) select(good, fromBlock, fromStandIn);
        }
        return message;
    }

    /** {@link #CHUNK} bytes of HMAC-SHA256(key derived from d, block ‖ counter): the same block, the same stand-in. */
    private static byte[] standIn(Engine engine, byte[] block) {
        Mac mac = engine.prf().get();
        byte[] out = new byte[CHUNK];
        int filled = 0;
        for (byte counter = 1; filled < CHUNK; counter++) {
            mac.update(block);
            mac.update(counter);
            byte[] chunk = mac.doFinal();
            int n = Math.min(chunk.length, CHUNK - filled);
            System.arraycopy(chunk, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** -1 (all bits) when {@code x} (0-255 or a small non-negative int) is zero, else 0. */
    private static int isZero(int x) {
        return ((x | -x) >>> 31) - 1;
    }

    /** -1 when {@code a >= b} (both non-negative and small), else 0. */
    private static int atLeast(int a, int b) {
        return ~((a - b) >> 31);
    }

    private static int select(int mask, int ifSet, int ifClear) {
        return (ifSet & mask) | (ifClear & ~mask);
    }

    private byte[] toBlock(BigInteger value) {
        return toBlock(value, blockSize);
    }

    private static byte[] toBlock(BigInteger value, int blockSize) {
        byte[] raw = value.toByteArray();
        byte[] block = new byte[blockSize];
        int copied = Math.min(raw.length, blockSize);
        System.arraycopy(raw, raw.length - copied, block, blockSize - copied, copied);
        return block;
    }

    /**
     * {@code provider}, once it decrypted a random value encrypted with the public key by hand; else the JDK's. The
     * JDK's provider is trusted unchecked (no fallback remains).
     */
    private static RsaProvider checked(RsaProvider provider, RSAPrivateCrtKey key) {
        if (!provider.accp()) {
            return provider;
        }
        try {
            BigInteger n = key.getModulus();
            int length = (n.bitLength() + 7) / 8;
            byte[] random = new byte[length - 1];
            new SecureRandom().nextBytes(random);
            BigInteger message = new BigInteger(1, random);
            byte[] ciphertext = toBlock(message.modPow(key.getPublicExponent(), n), length);
            Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding", provider.provider());
            cipher.init(Cipher.DECRYPT_MODE, provider.ownKey(key));
            if (new BigInteger(1, cipher.doFinal(ciphertext)).equals(message)) {
                return provider;
            }
            LOG.warnf("%s decrypted a test block wrongly; using the JDK's provider", provider.description());
            return RsaProvider.jdk("ACCP failed a decryption check");
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            LOG.warnf("%s failed a decryption check (%s); using the JDK's provider", provider.description(), e);
            return RsaProvider.jdk("ACCP failed a decryption check");
        }
    }

    private static Cipher newCipher(RsaProvider provider, PrivateKey own) {
        try {
            Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding", provider.provider());
            cipher.init(Cipher.DECRYPT_MODE, own);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA/ECB/NoPadding is required of the JCA", e);
        }
    }

    private Mac newMac(RsaProvider provider) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256", provider.provider());
            mac.init(rejectionKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of the JCA", e);
        }
    }
}
