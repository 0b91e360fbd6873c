package io.obrestore.auth.key;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One RSA key of the agent: its public half as {@code /api/v1/secret} serves it, and PKCS#1 v1.5 decryption of one
 * header block with implicit rejection (docs/auth-protocol.md §7).
 *
 * <p>A block whose padding is wrong does not fail here: it decrypts to a pseudo-random plaintext of a chunk's length,
 * derived from the block and the private key, as TLS stacks do for RSA key exchange. The header then fails where a
 * block with correct padding around random bytes fails too, at JSON parsing, with the same answer after the same
 * work. The raw RSA operation is the JCA's ({@code RSA/ECB/NoPadding}, blinded), by the provider {@link RsaProviders}
 * names at the time; the padding check is {@link Pkcs1Unpadding}'s.
 */
public final class AgentKey {

    /** Plaintext bytes per block as both SDKs chunk it ({@code 512/8 - 11}): the length of a rejected block's stand-in. */
    public static final int CHUNK = 53;

    private final RSAPrivateCrtKey key;
    private final byte[] modulus;
    private final String publicKeyBase64;
    private final int blockSize;
    private final SecretKeySpec rejectionKey;
    private final RsaProviders providers;
    // Built for the provider in use; rebuilt once when a faster one takes over.
    private volatile Engine engine;

    /**
     * One provider's objects for this key. Cipher and Mac objects are not thread-safe: one per event-loop thread,
     * initialised once.
     */
    private record Engine(RsaProvider provider, ThreadLocal<Cipher> rsa, ThreadLocal<Mac> prf) {
    }

    public AgentKey(RSAPrivateCrtKey key, RsaProviders providers) {
        this.key = key;
        this.providers = providers;
        BigInteger n = key.getModulus();
        this.blockSize = (n.bitLength() + 7) / 8;
        this.modulus = toBlock(n, blockSize);
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(n, key.getPublicExponent()));
            this.publicKeyBase64 = Base64.getEncoder().encodeToString(Pkcs1.encodePublicKey(publicKey));
            // The stand-in plaintexts depend on the private key, so nobody without it can predict them.
            this.rejectionKey = new SecretKeySpec(MessageDigest.getInstance("SHA-512")
                    .digest(key.getPrivateExponent().toByteArray()), "HmacSHA512");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks RSA or SHA-512", e);
        }
        this.engine = engine(providers.current());
    }

    /** Standard base64 of the PKCS#1 {@code RSAPublicKey} DER, as {@code /api/v1/secret} serves it. */
    public String publicKeyBase64() {
        return publicKeyBase64;
    }

    /** Ciphertext block length in bytes (modulus length: 128 for 1024-bit keys). */
    public int blockSize() {
        return blockSize;
    }

    /** The provider that decrypts blocks now. */
    public RsaProvider provider() {
        return providers.current();
    }

    /**
     * Decrypts the block at {@code offset}: its PKCS#1 v1.5 message, or, when the padding is wrong, when
     * {@code forceReject}, or when the message is not {@code requiredLength} bytes ({@code -1}: any), a pseudo-random
     * stand-in of {@link #CHUNK} bytes. Never fails and takes the same steps either way.
     */
    public byte[] decryptBlock(byte[] ciphertext, int offset, boolean forceReject, int requiredLength) {
        byte[] block = Arrays.copyOfRange(ciphertext, offset, offset + blockSize);
        boolean reject = forceReject;
        byte[] input = block;
        // Ciphertext is public: comparing it with the modulus need not be constant-time.
        if (Arrays.compareUnsigned(block, modulus) >= 0) {
            // Not a ciphertext of this key. Decrypting c - n keeps the work the same, but it must never be accepted:
            // it would be a second encoding of another block, which the block memory would not recognise.
            input = toBlock(new BigInteger(1, block).subtract(new BigInteger(1, modulus)), blockSize);
            reject = true;
        }
        Engine current = currentEngine();
        byte[] encoded;
        try {
            encoded = current.rsa().get().doFinal(input);
        } catch (GeneralSecurityException e) {
            encoded = new byte[blockSize]; // cannot happen for input < n; fails the padding check
            reject = true;
        }
        return Pkcs1Unpadding.unpad(encoded, standIn(current, block), reject, requiredLength);
    }

    private Engine currentEngine() {
        Engine current = engine;
        RsaProvider provider = providers.current();
        if (current.provider() != provider) {
            try {
                current = engine(provider);
                engine = current;
            } catch (IllegalStateException e) {
                return current; // the new provider cannot take this key: the one that could keeps going
            }
        }
        return current;
    }

    /** {@link #CHUNK} bytes of HMAC-SHA512(key derived from d, block): the same block, the same stand-in. */
    private static byte[] standIn(Engine engine, byte[] block) {
        return Arrays.copyOf(engine.prf().get().doFinal(block), CHUNK);
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

    static byte[] toBlock(BigInteger value, int blockSize) {
        byte[] raw = value.toByteArray();
        byte[] block = new byte[blockSize];
        int copied = Math.min(raw.length, blockSize);
        System.arraycopy(raw, raw.length - copied, block, blockSize - copied, copied);
        return block;
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
            Mac mac = Mac.getInstance("HmacSHA512", provider.provider());
            mac.init(rejectionKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is required of the JCA", e);
        }
    }
}
