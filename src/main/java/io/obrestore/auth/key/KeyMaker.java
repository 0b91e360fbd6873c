package io.obrestore.auth.key;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the keys the service decrypts headers with: a fresh random one ({@link #generate}), or the one every replica
 * sharing a secret computes alike for an epoch ({@link #derive}, docs/auth-protocol.md §7). JCA generates random keys
 * but has no key generation from a seed, so {@link #derive} draws its primes from HMAC-SHA256 in counter mode and lets
 * {@link BigInteger#nextProbablePrime} find them: the same seed and epoch give the same key on every JDK.
 */
public final class KeyMaker {

    private static final BigInteger E = BigInteger.valueOf(65_537);

    private KeyMaker() {
    }

    /** A fresh random key of {@code bits} bits. */
    public static RSAPrivateCrtKey generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required of the JDK", e);
        }
    }

    /** The secret replicas derive their keys from: a digest of the configured key's private exponent. */
    public static byte[] seedOf(RSAPrivateCrtKey configured) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("obrestore key seed".getBytes(StandardCharsets.US_ASCII));
            return sha256.digest(configured.getPrivateExponent().toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of the JDK", e);
        }
    }

    /**
     * The key of {@code epoch} for {@code seed}: {@code bits} bits, e = 65537, each prime the first after a number
     * drawn from the seed with its top two bits set (so the modulus has exactly {@code bits} bits).
     */
    public static RSAPrivateCrtKey derive(byte[] seed, String epoch, int bits) {
        Stream stream = new Stream(seed, epoch);
        BigInteger p = prime(stream, bits / 2);
        BigInteger q = prime(stream, bits / 2);
        // Primes too close together make the modulus easy to factor (FIPS 186-4 B.3.1 asks for 100 bits apart).
        while (p.subtract(q).abs().bitLength() <= bits / 2 - 100) {
            q = prime(stream, bits / 2);
        }
        BigInteger n = p.multiply(q);
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = pMinus1.multiply(qMinus1).divide(pMinus1.gcd(qMinus1));
        BigInteger d = E.modInverse(lcm);
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(n, E, d,
                    p, q, d.mod(pMinus1), d.mod(qMinus1), q.modInverse(p)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key factory is required of the JDK", e);
        }
    }

    private static BigInteger prime(Stream stream, int bits) {
        for (;;) {
            byte[] draw = stream.next(bits / 8);
            draw[0] |= (byte) 0xc0;
            BigInteger candidate = new BigInteger(1, draw).nextProbablePrime();
            // e must be invertible modulo p - 1; the prime must keep its size.
            if (candidate.bitLength() == bits && !candidate.mod(E).equals(BigInteger.ONE)) {
                return candidate;
            }
        }
    }

    /** HMAC-SHA256(seed, label ‖ epoch ‖ counter), block after block. */
    private static final class Stream {
        private final Mac mac;
        private final byte[] prefix;
        private int counter;

        Stream(byte[] seed, String epoch) {
            try {
                this.mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required of the JDK", e);
            }
            this.prefix = ("obrestore epoch key " + epoch).getBytes(StandardCharsets.US_ASCII);
        }

        byte[] next(int bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 32);
            while (out.size() < bytes) {
                mac.update(prefix);
                out.writeBytes(mac.doFinal(ByteBuffer.allocate(4).putInt(counter++).array()));
            }
            return java.util.Arrays.copyOf(out.toByteArray(), bytes);
        }
    }
}
