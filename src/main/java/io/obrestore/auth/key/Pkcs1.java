package io.obrestore.auth.key;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * The PKCS#1 framing obshell uses for its keys, on top of the JDK's own RSA (JCA has no PKCS#1 codec): the public
 * key is served as a PKCS#1 {@code RSAPublicKey} (the Go SDK rejects X.509), and a private key may arrive as PKCS#1
 * {@code RSAPrivateKey}, which is wrapped into PKCS#8 for {@link KeyFactory}. Only these two fixed structures are
 * handled; this is not a general ASN.1 library.
 */
public final class Pkcs1 {

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int OCTET_STRING = 0x04;
    // AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Pkcs1() {
    }

    /** {@code RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }}. */
    public static byte[] encodePublicKey(RSAPublicKey key) {
        return tlv(SEQUENCE, concat(integer(key.getModulus()), integer(key.getPublicExponent())));
    }

    /** Parses a PKCS#1 {@code RSAPublicKey}. */
    public static RSAPublicKey decodePublicKey(byte[] der) throws GeneralSecurityException {
        Reader reader = new Reader(der);
        Reader sequence = reader.nested(SEQUENCE);
        BigInteger modulus = sequence.integer();
        BigInteger exponent = sequence.integer();
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    /** Reads a PKCS#8 {@code PrivateKeyInfo}, or a PKCS#1 {@code RSAPrivateKey} (obshell's storage format). */
    public static RSAPrivateKey decodePrivateKey(byte[] der) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        byte[] pkcs8 = isPkcs1PrivateKey(der) ? wrapPkcs1PrivateKey(der) : der;
        return (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** PKCS#1 {@code RSAPrivateKey} starts with SEQUENCE { INTEGER version(0), INTEGER modulus ... }. */
    private static boolean isPkcs1PrivateKey(byte[] der) {
        try {
            Reader sequence = new Reader(der).nested(SEQUENCE);
            sequence.integer();
            return sequence.peek() == INTEGER; // PKCS#8 has the AlgorithmIdentifier SEQUENCE here instead
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] wrapPkcs1PrivateKey(byte[] pkcs1) {
        byte[] version = {INTEGER, 0x01, 0x00};
        return tlv(SEQUENCE, concat(version, RSA_ALGORITHM, tlv(OCTET_STRING, pkcs1)));
    }

    private static byte[] integer(BigInteger value) {
        // toByteArray is the minimal two's-complement form, exactly DER's INTEGER content.
        return tlv(INTEGER, value.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A bounds-checked cursor over definite-length DER. */
    private static final class Reader {
        private final byte[] der;
        private int position;
        private final int end;

        Reader(byte[] der) {
            this(der, 0, der.length);
        }

        private Reader(byte[] der, int start, int end) {
            this.der = der;
            this.position = start;
            this.end = end;
        }

        int peek() throws GeneralSecurityException {
            require(1);
            return der[position] & 0xff;
        }

        Reader nested(int tag) throws GeneralSecurityException {
            int length = header(tag);
            Reader inner = new Reader(der, position, position + length);
            position += length;
            return inner;
        }

        BigInteger integer() throws GeneralSecurityException {
            int length = header(INTEGER);
            if (length == 0) {
                throw new GeneralSecurityException("empty INTEGER");
            }
            BigInteger value = new BigInteger(java.util.Arrays.copyOfRange(der, position, position + length));
            position += length;
            return value;
        }

        private int header(int tag) throws GeneralSecurityException {
            require(2);
            if ((der[position++] & 0xff) != tag) {
                throw new GeneralSecurityException("unexpected DER tag");
            }
            int first = der[position++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7f;
                if (bytes == 0 || bytes > 3) {
                    throw new GeneralSecurityException("unsupported DER length");
                }
                require(bytes);
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[position++] & 0xff);
                }
            }
            require(length);
            return length;
        }

        private void require(int bytes) throws GeneralSecurityException {
            if (bytes < 0 || position + bytes > end) {
                throw new GeneralSecurityException("truncated DER");
            }
        }
    }
}
