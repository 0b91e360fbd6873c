package io.obrestore.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts what the obshell SDKs send (docs/auth-protocol.md §2, §3): the RSA-encrypted JSON header and the AES-encrypted
 * body. Failures say which layer failed, never the JDK's exception text.
 */
@ApplicationScoped
public class OcsHeaderCodec {

    private static final int AES_KEY_BYTES = 16;
    private static final int AES_BLOCK = 16;

    // Go's decoder: case-insensitive keys, unknown keys ignored, and a JSON number for a string field ("ts": 1) is a
    // type error, which obshell reports as a header decrypt failure.
    private static final ObjectReader HEADER_READER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build()
            .readerFor(OcsHeader.class);

    private static final ObjectReader JSON_CHECK = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();

    private final AgentKeyPair keyPair;

    public OcsHeaderCodec(AgentKeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** base64 → RSA blocks → JSON. Any failure is 401 {@code Header.DecryptFailed} with {@code code: 1}. */
    public OcsHeader decode(String headerValue) {
        byte[] ciphertext;
        try {
            // Go's StdEncoding skips CR/LF but requires padding (the JDK's decoder does not): so do we.
            String base64 = headerValue.replace("\r", "").replace("\n", "");
            if (base64.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            ciphertext = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED, "illegal base64 data");
        }
        byte[] plaintext;
        try {
            plaintext = keyPair.decrypt(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED, "crypto/rsa: decryption error");
        }
        try {
            OcsHeader header = HEADER_READER.readValue(plaintext);
            if (header == null) {
                throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED, "header is not a JSON object");
            }
            return header;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED, "header is not valid JSON of the expected types");
        }
    }

    /** base64 → AES-128-CBC with PKCS#7 padding, key and IV from the header's {@code Keys}. */
    public byte[] decryptBody(byte[] body, OcsHeader header) {
        byte[] keys = header.keys();
        if (keys == null || keys.length < AES_KEY_BYTES + AES_BLOCK) {
            throw new ApiException(ErrorCode.BODY_KEYS_INVALID);
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BODY_DECRYPT_FAILED);
        }
        if (ciphertext.length == 0 || ciphertext.length % AES_BLOCK != 0) {
            throw new ApiException(ErrorCode.BODY_LENGTH_INVALID);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys, 0, AES_KEY_BYTES, "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(keys, AES_KEY_BYTES, AES_KEY_BYTES + AES_BLOCK)));
            byte[] plaintext = aes.doFinal(ciphertext);
            // A wrong IV garbles only the first block and still unpads cleanly; the SDKs always send JSON, so
            // anything else means the body was not made with this header's Keys.
            if (plaintext.length > 0) {
                JSON_CHECK.readTree(plaintext);
            }
            return plaintext;
        } catch (GeneralSecurityException | IOException e) {
            throw new ApiException(ErrorCode.BODY_DECRYPT_FAILED);
        }
    }
}
