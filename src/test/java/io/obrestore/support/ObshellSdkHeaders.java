package io.obrestore.support;

import io.obrestore.auth.key.Pkcs1;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds {@code X-OCS-Header} values byte for byte as the obshell SDKs do (docs/auth-protocol.md §2): the JSON text,
 * then RSA PKCS#1 v1.5 in 53-byte chunks, then one standard base64.
 */
public final class ObshellSdkHeaders {

    /** The SDKs' default header lifetime. */
    public static final long LIFETIME_SECONDS = 60;
    private static final int CHUNK = 53; // 512/8 - 11, hard-coded in both SDKs
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAPublicKey publicKey;

    public ObshellSdkHeaders(String publicKeyBase64) throws GeneralSecurityException {
        this.publicKey = Pkcs1.decodePublicKey(Base64.getDecoder().decode(publicKeyBase64));
    }

    /** Python's {@code json.dumps} of {auth, ts, uri, keys}: lowercase keys, ", " and ": ", keys always present. */
    public static String pythonPlaintext(String password, long ts, String uri, byte[] keys) {
        return "{\"auth\": " + pythonString(password) + ", \"ts\": \"" + ts + "\", \"uri\": " + pythonString(uri)
                + ", \"keys\": \"" + Base64.getEncoder().encodeToString(keys) + "\"}";
    }

    /** Go's {@code json.Marshal} of {Auth, Ts, Uri, Keys}: compact, {@code "Keys":null} without a body. */
    public static String goPlaintext(String password, long ts, String uri, byte[] keysOrNull) {
        String keys = keysOrNull == null ? "null" : "\"" + Base64.getEncoder().encodeToString(keysOrNull) + "\"";
        return "{\"Auth\":" + goString(password) + ",\"Ts\":\"" + ts + "\",\"Uri\":" + goString(uri)
                + ",\"Keys\":" + keys + "}";
    }

    /** A fresh Python SDK header for {@code uri}, valid for the SDK's 60 s. */
    public String python(String password, String uri) {
        return encrypt(pythonPlaintext(password, expiry(), uri, randomKeys()));
    }

    /** A fresh Go SDK header for a body-less request to {@code uri}. */
    public String go(String password, String uri) {
        return encrypt(goPlaintext(password, expiry(), uri, null));
    }

    /** The RSA layer: 53-byte chunks, each its own block, concatenated, base64 once. */
    public String encrypt(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String encrypt(byte[] raw) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (raw.length == 0) {
                out.writeBytes(rsa.doFinal(raw));
            }
            for (int offset = 0; offset < raw.length; offset += CHUNK) {
                out.writeBytes(rsa.doFinal(raw, offset, Math.min(CHUNK, raw.length - offset)));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each chunk encrypted on its own as one PKCS#1 v1.5 block, as an attacker holding the public key can. */
    public byte[] blocks(byte[] plaintext) {
        return Base64.getDecoder().decode(encrypt(plaintext));
    }

    /**
     * Raw RSA ({@code m^e mod n}) of a chosen encoded message, e.g. one whose PKCS#1 padding is wrong: what a
     * padding-oracle attack sends.
     */
    public byte[] rawBlock(byte[] encodedMessage) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/NoPadding");
            rsa.init(Cipher.ENCRYPT_MODE, publicKey);
            return rsa.doFinal(encodedMessage);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Modulus length in bytes: one ciphertext block. */
    public int blockSize() {
        return (publicKey.getModulus().bitLength() + 7) / 8;
    }

    /** The SDKs' body: base64(AES-128-CBC(key, iv, PKCS#7(plaintext))), {@code keys} = key‖iv. */
    public static String aesBody(byte[] keys, String plaintext) {
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, 0, 16, "AES"),
                    new IvParameterSpec(keys, 16, 16));
            return Base64.getEncoder().encodeToString(aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] randomKeys() {
        byte[] keys = new byte[32];
        RANDOM.nextBytes(keys);
        return keys;
    }

    public static long expiry() {
        return Instant.now().getEpochSecond() + LIFETIME_SECONDS;
    }

    /** Python json.dumps string escaping with ensure_ascii=True: every non-ASCII character as \\uXXXX. */
    private static String pythonString(String value) {
        return jsonString(value, c -> c > 0x7e);
    }

    /** Go encoding/json string escaping: HTML-safe, so <, > and & become \\u003c, \\u003e, \\u0026. */
    private static String goString(String value) {
        return jsonString(value, c -> c == '<' || c == '>' || c == '&');
    }

    /** The escaping both encoders share, plus the characters each one also writes as \\uXXXX. */
    private static String jsonString(String value, java.util.function.IntPredicate alsoEscaped) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || alsoEscaped.test(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
