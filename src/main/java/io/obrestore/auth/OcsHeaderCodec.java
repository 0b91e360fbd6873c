package io.obrestore.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
 * the RSA step (on stand-in bytes), and a block with bad padding decrypts to a stand-in plaintext
 * ({@link AgentKey#decryptBlock}), so every failure surfaces at the JSON step.
 */
@ApplicationScoped
public class OcsHeaderCodec {

    private static final int AES_KEY_BYTES = 16;
    private static final int AES_BLOCK = 16;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final ObjectReader JSON_CHECK = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().reader();

    private final AgentKey key;

    public OcsHeaderCodec(AgentKey key) {
        this.key = key;
    }

    /** RSA blocks a header value holds, from its length alone (rounded up: a ragged end counts as a block). */
    public int blocksIn(String value) {
        int padding = value.endsWith("==") ? 2 : value.endsWith("=") ? 1 : 0;
        long bytes = Math.max(0, (long) value.length() * 3 / 4 - padding);
        return (int) Math.max(1, (bytes + key.blockSize() - 1) / key.blockSize());
    }

    /** base64 → RSA blocks → JSON. Any failure is 401 {@code Header.DecryptFailed}, {@code code: 1}, one text. */
    public DecodedHeader decode(String headerValue) {
        int k = key.blockSize();
        byte[] ciphertext = decodeBase64(headerValue);
        boolean malformed = ciphertext == null;
        if (malformed) {
            ciphertext = new byte[blocksIn(headerValue) * k];
        }
        int blocks = Math.max(1, (ciphertext.length + k - 1) / k);
        boolean ragged = ciphertext.length % k != 0 || ciphertext.length == 0;
        if (ragged) {
            ciphertext = Arrays.copyOf(ciphertext, blocks * k);
        }
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream(blocks * AgentKey.CHUNK);
        int[] blockEnds = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            boolean standIn = malformed || (ragged && i == blocks - 1);
            plaintext.writeBytes(key.decryptBlock(ciphertext, i * k, standIn));
            blockEnds[i] = plaintext.size();
        }
        Parsed parsed;
        try {
            parsed = parse(plaintext.toByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.HEADER_DECRYPT_FAILED);
        }
        List<BlockDigest> digests = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            digests.add(BlockDigest.of(ciphertext, i * k, k));
        }
        return new DecodedHeader(parsed.header, List.copyOf(digests), blockEnds, parsed.auth, parsed.ts);
    }

    /** Go's {@code base64.StdEncoding}: CR and LF skipped, padding required; null when it is not base64. */
    private static byte[] decodeBase64(String value) {
        String base64 = value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value
                : value.replace("\r", "").replace("\n", "");
        if (base64.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
