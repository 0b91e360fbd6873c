package io.obrestore.auth.header;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.key.AgentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts what the obshell SDKs send (docs/auth-protocol.md §2, §3): the RSA-encrypted JSON header and the
 * AES-encrypted body.
 *
 * <p>A header that cannot be decoded, decrypted or parsed fails in one way only, whatever the reason: the same
 * {@code Header.DecryptFailed} answer after the same steps. Bad base64 and a ragged last block still go through
 * the RSA step (on stand-in bytes), and a block with bad padding, or a block before the last whose message is not
 * exactly one SDK chunk, decrypts to a stand-in plaintext ({@link AgentKey#decryptBlock}), so every failure surfaces
 * at the JSON step.
 */
public final class OcsHeaderCodec {

    private static final int AES_KEY_BYTES = 16;
    private static final int AES_BLOCK = 16;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final ObjectReader JSON_CHECK = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();

    private OcsHeaderCodec() {
    }

    /** RSA blocks → JSON. Any failure is 401 {@code Header.DecryptFailed}, {@code code: 1}, one text. */
    public static DecodedHeader decode(AgentKey key, HeaderBlocks blocks) {
        int k = key.blockSize();
        if (k != blocks.blockSize()) {
            throw new IllegalArgumentException("blocks cut for another key size");
        }
        int count = blocks.count();
        byte[] ciphertext = blocks.ciphertext();
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream(count * AgentKey.CHUNK);
        int[] blockEnds = new int[count];
        for (int i = 0; i < count; i++) {
            // Both SDKs fill every chunk but the last: 53 bytes.
            int required = i < count - 1 ? AgentKey.CHUNK : -1;
            plaintext.writeBytes(key.decryptBlock(ciphertext, i * k, blocks.standIn(i), required));
            blockEnds[i] = plaintext.size();
        }
        Parsed parsed;
        try {
            parsed = parse(plaintext.toByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED);
        }
        return new DecodedHeader(parsed.header, blockEnds, parsed.auth, parsed.ts);
    }

    private record Parsed(OcsHeader header, DecodedHeader.Range auth, DecodedHeader.Range ts) {
    }

    /**
     * Go's decoder on obshell's struct: a JSON object, keys matched case-insensitively, unknown keys ignored, strings
     * or null for the four fields (a JSON number for {@code ts} is a type error, as in Go). Stricter than Go: one
     * object and nothing after it, and each of the four keys at most once (Go keeps the last: a forger could append
     * a fresh {@code ts} to a captured block holding the victim's).
     */
    private static Parsed parse(byte[] plaintext) throws IOException {
        try (JsonParser parser = JSON.createParser(plaintext)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            String auth = null;
            String ts = null;
            String uri = null;
            byte[] keys = null;
            DecodedHeader.Range authRange = null;
            DecodedHeader.Range tsRange = null;
            int seen = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName().toLowerCase(Locale.ROOT);
                JsonToken value = parser.nextToken();
                int field = switch (name) {
                    case "auth" -> 1;
                    case "ts" -> 2;
                    case "uri" -> 4;
                    case "keys" -> 8;
                    default -> 0;
                };
                if (field == 0) {
                    parser.skipChildren();
                    continue;
                }
                if ((seen & field) != 0) {
                    throw new IOException("repeated key");
                }
                seen |= field;
                int start = (int) parser.currentTokenLocation().getByteOffset();
                String text = stringOrNull(parser, value);
                DecodedHeader.Range range = new DecodedHeader.Range(start, (int) parser.currentLocation().getByteOffset());
                switch (field) {
                    case 1 -> {
                        auth = text;
                        authRange = text == null ? null : range;
                    }
                    case 2 -> {
                        ts = text;
                        tsRange = text == null ? null : range;
                    }
                    case 4 -> uri = text;
                    default -> keys = text == null ? null : Base64.getDecoder().decode(text);
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("not one object");
            }
            return new Parsed(new OcsHeader(auth, ts, uri, keys), authRange, tsRange);
        }
    }

    private static String stringOrNull(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IOException("not a string");
        }
        return parser.getText();
    }

    /** base64 → AES-128-CBC with PKCS#7 padding, key and IV from the header's {@code Keys}. */
    public static byte[] decryptBody(byte[] body, OcsHeader header) {
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
