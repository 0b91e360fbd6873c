package io.obrestore.auth.header;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.auth.key.AgentKey;
import io.obrestore.auth.key.ConfiguredKey;
import io.obrestore.auth.key.FasterProvider;
import io.obrestore.auth.key.RsaProvider;
import io.obrestore.auth.key.RsaProviders;
import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.SpecVectors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers (docs/auth-protocol.md §6), with real JCA crypto, from each provider that can decrypt blocks: the
 * JDK's and Amazon Corretto Crypto Provider, which must load on the platforms the build ships it for.
 */
@Tag("fast")
class OcsHeaderVectorsTest {

    static Stream<RsaProvider> providers() {
        return Stream.of(RsaProvider.jdk("known answers"), RsaProvider.select(RsaProviderChoice.AUTO));
    }

    private static AgentKey specKey(RsaProvider provider) throws GeneralSecurityException {
        AgentKey key = new AgentKey(ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1), RsaProviders.startingWith(provider));
        assertTrue(!provider.accp() || FasterProvider.passesCheck(provider), "the provider passes its decryption check");
        return key;
    }

    @Test
    void accpServesWhereTheBuildShipsIt() {
        boolean shipped = System.getProperty("os.name").equalsIgnoreCase("linux")
                && Set.of("amd64", "aarch64").contains(System.getProperty("os.arch"));
        RsaProvider auto = RsaProvider.select(RsaProviderChoice.AUTO);
        assertEquals(shipped, auto.accp(), auto.description());
        assertFalse(RsaProvider.select(RsaProviderChoice.JDK).accp());
    }

    /** Every block of {@code ciphertext}, decrypted and concatenated. */
    static byte[] decryptBlocks(AgentKey key, byte[] ciphertext) {
        java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
        for (int offset = 0; offset < ciphertext.length; offset += key.blockSize()) {
            plain.writeBytes(key.decryptBlock(ciphertext, offset, false, -1));
        }
        return plain.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void specHeaderDecryptsToTheExactPlaintext(RsaProvider provider) throws GeneralSecurityException {
        byte[] plain = decryptBlocks(specKey(provider), Base64.getDecoder().decode(SpecVectors.HEADER));
        assertEquals(142, plain.length);
        assertEquals(SpecVectors.HEADER_PLAINTEXT, new String(plain, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void specHeaderParsesIntoItsFields(RsaProvider provider) throws GeneralSecurityException {
        OcsHeader header = decode(specKey(provider), SpecVectors.HEADER).header();
        assertEquals(SpecVectors.PASSWORD, header.password());
        assertEquals("1767225660", header.ts());
        assertEquals(SpecVectors.URI, header.uri());
        assertArrayEquals(SpecVectors.keys(), header.keys());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void publicKeyIsServedAsPkcs1LikeObshell(RsaProvider provider) throws GeneralSecurityException {
        String served = specKey(provider).publicKeyBase64();
        assertEquals(SpecVectors.PUBLIC_KEY, served);
        assertEquals(188, served.length());
        assertEquals(128, specKey(provider).blockSize());
    }

    @Test
    void sdkPlaintextsMatchTheSpecByteForByte() {
        assertEquals(SpecVectors.HEADER_PLAINTEXT, ObshellSdkHeaders.pythonPlaintext(SpecVectors.PASSWORD,
                SpecVectors.TS, SpecVectors.URI, SpecVectors.keys()));
        assertEquals(SpecVectors.GO_PLAINTEXT,
                ObshellSdkHeaders.goPlaintext(SpecVectors.PASSWORD, SpecVectors.TS, SpecVectors.URI, null));
        assertEquals(93, SpecVectors.GO_PLAINTEXT.getBytes(StandardCharsets.UTF_8).length);
    }

    @ParameterizedTest
    @MethodSource("providers")
    void goHeaderWithNullKeysRoundTrips(RsaProvider provider) throws GeneralSecurityException {
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(SpecVectors.PUBLIC_KEY);
        String value = sdk.encrypt(SpecVectors.GO_PLAINTEXT);
        assertEquals(344, value.length(), "2 blocks of 128 bytes");
        OcsHeader header = decode(specKey(provider), value).header();
        assertEquals(SpecVectors.URI, header.uri());
        assertNull(header.keys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\": \"t1\"}|Idum3Vxiv2Wkq5Us1xwW4w==",
        "{\"name\":\"t1\"}|ABikVrU2JcFj5pNgF0UauA==",
        "{\"force\": false}|g8BB+9+4xFuLrYlbSRVkfJrz8QZ4dN8iJkNS5NTFk2E=",
        "{\"force\":false}|VMjOJ8i9yB9Tfsz0e93UFA==",
        "|CpQLtUFu8EXxw5RYxlPqWg==",
    })
    void aesBodyVectorsDecrypt(String plaintext, String body) throws GeneralSecurityException {
        String expected = plaintext == null ? "" : plaintext;
        OcsHeader header = new OcsHeader("", "0", "/", SpecVectors.keys());
        byte[] decrypted = OcsHeaderCodec.decryptBody(body.getBytes(StandardCharsets.US_ASCII), header);
        assertEquals(expected, new String(decrypted, StandardCharsets.UTF_8));
        assertEquals(body, ObshellSdkHeaders.aesBody(SpecVectors.keys(), expected));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void tsAsJsonNumberIsADecryptFailureAsInGo(RsaProvider provider) throws GeneralSecurityException {
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(SpecVectors.PUBLIC_KEY);
        String value = sdk.encrypt("{\"Auth\":\"x\",\"Ts\":1767225660,\"Uri\":\"/\",\"Keys\":null}");
        ApiException e = assertThrows(ApiException.class, () -> decode(specKey(provider), value));
        assertEquals(ErrorCode.HEADER_DECRYPT_FAILED, e.code());
    }

    @Test
    void keyFormatsAreAllAccepted() throws GeneralSecurityException {
        var pkcs1 = ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1);
        String pkcs8 = Base64.getEncoder().encodeToString(pkcs1.getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String pemPkcs1 = "-----BEGIN RSA PRIVATE KEY-----\n" + SpecVectors.PRIVATE_KEY_PKCS1 + "\n-----END RSA PRIVATE KEY-----";
        for (String form : new String[] {pkcs8, pem, pemPkcs1}) {
            assertEquals(pkcs1.getModulus(), ConfiguredKey.parse(form).getModulus());
        }
    }

    /** What the service does with a header value: cut into blocks, then decrypted and parsed. */
    static DecodedHeader decode(AgentKey key, String value) {
        return OcsHeaderCodec.decode(key, HeaderBlocks.of(value, key.blockSize(), 8192, 16));
    }
}
