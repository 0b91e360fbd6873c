package io.obrestore.auth.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.SpecVectors;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** PKCS#1 v1.5 decryption with implicit rejection (docs/auth-protocol.md §7), on the spec's test key. */
@Tag("fast")
class AgentKeyTest {

    // The provider the service uses here (ACCP where it loads); the JDK's gives the same answers (test below).
    private final AgentKey key = new AgentKey(ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1),
            RsaProviders.startingWith(RsaProvider.select(RsaProviderChoice.AUTO)));
    private final ObshellSdkHeaders client = new ObshellSdkHeaders(SpecVectors.PUBLIC_KEY);
    private final SecureRandom random = new SecureRandom();

    AgentKeyTest() throws Exception {
    }

    @Test
    void theJdkAndTheServingProviderDecryptEveryBlockAlike() throws Exception {
        AgentKey jdk = new AgentKey(ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1), RsaProviders.startingWith(RsaProvider.jdk("test")));
        byte[] message = "{\"Auth\":\"P@ssw0rd!\"".getBytes(StandardCharsets.UTF_8);
        byte[] good = client.blocks(message);
        byte[] encoded = new byte[128];
        random.nextBytes(encoded);
        encoded[0] = 0;
        byte[] bad = client.rawBlock(encoded);
        for (byte[] block : new byte[][] {good, bad}) {
            assertArrayEquals(jdk.decryptBlock(block, 0, false, -1), key.decryptBlock(block, 0, false, -1));
            assertArrayEquals(jdk.decryptBlock(block, 0, true, -1), key.decryptBlock(block, 0, true, -1));
        }
    }

    @Test
    void aWellPaddedBlockDecryptsToItsMessage() {
        byte[] message = "{\"Auth\":\"P@ssw0rd!\"".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(message, key.decryptBlock(client.blocks(message), 0, false, -1));
        assertArrayEquals(new byte[0], key.decryptBlock(client.blocks(new byte[0]), 0, false, -1));
    }

    @Test
    void aBadlyPaddedBlockDecryptsToAStandInOfAChunkThatDependsOnlyOnTheBlock() {
        for (int type : new int[] {0, 1, 3, 0xff}) {
            byte[] encoded = new byte[128];
            random.nextBytes(encoded);
            encoded[0] = 0;
            encoded[1] = (byte) type;
            byte[] block = client.rawBlock(encoded);
            byte[] standIn = key.decryptBlock(block, 0, false, -1);
            assertEquals(AgentKey.CHUNK, standIn.length);
            assertArrayEquals(standIn, key.decryptBlock(block, 0, false, -1), "the same block, the same stand-in");
        }
        // Padding of fewer than 8 bytes is refused too: 00 02 <7 bytes> 00 <message>.
        byte[] shortPadding = new byte[128];
        Arrays.fill(shortPadding, (byte) 'x');
        shortPadding[0] = 0;
        shortPadding[1] = 2;
        shortPadding[9] = 0;
        assertEquals(AgentKey.CHUNK, key.decryptBlock(client.rawBlock(shortPadding), 0, false, -1).length);
    }

    @Test
    void aForcedRejectionAndABlockAboveTheModulusNeverDecrypt() throws Exception {
        byte[] message = "{\"Auth\":\"P@ssw0rd!\"".getBytes(StandardCharsets.UTF_8);
        assertFalse(Arrays.equals(message, key.decryptBlock(client.blocks(message), 0, true, -1)));
        // c + n is the same ciphertext to RSA but another byte string: accepting it would let a captured block be
        // re-encoded past the block memory. It fits in 128 bytes for about one ciphertext in ten: look for one.
        BigInteger modulus = Pkcs1.decodePublicKey(java.util.Base64.getDecoder().decode(SpecVectors.PUBLIC_KEY))
                .getModulus();
        int tried = 0;
        for (; tried < 500; tried++) {
            byte[] block = client.blocks(message);
            BigInteger shifted = new BigInteger(1, block).add(modulus);
            if (shifted.bitLength() <= 1024) {
                byte[] raw = shifted.toByteArray();
                byte[] above = Arrays.copyOfRange(raw, raw.length - 128, raw.length);
                assertArrayEquals(message, key.decryptBlock(block, 0, false, -1));
                byte[] decrypted = key.decryptBlock(above, 0, false, -1);
                assertEquals(AgentKey.CHUNK, decrypted.length);
                assertFalse(Arrays.equals(message, decrypted));
                break;
            }
        }
        assertTrue(tried < 500, "no ciphertext small enough in 500 tries");
    }

    @Test
    void aBlockBeforeTheLastMustHoldExactlyOneSdkChunk() {
        byte[] chunk = ObshellSdkHeaders.goPlaintext("P@ssw0rd!", 1_767_225_660L, "/api/v1/tenant/t1/restore/overview", null)
                .substring(0, AgentKey.CHUNK).getBytes(StandardCharsets.UTF_8);
        assertEquals(AgentKey.CHUNK, chunk.length);
        assertArrayEquals(chunk, key.decryptBlock(client.blocks(chunk), 0, false, AgentKey.CHUNK));
        // A well-padded short message (what a forger's 1-4 byte block would be) is a stand-in there, like bad padding,
        // and the same stand-in every time; as the last block it is its message.
        byte[] shorter = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] block = client.blocks(shorter);
        byte[] standIn = key.decryptBlock(block, 0, false, AgentKey.CHUNK);
        assertEquals(AgentKey.CHUNK, standIn.length);
        assertFalse(Arrays.equals(shorter, Arrays.copyOf(standIn, shorter.length)));
        assertArrayEquals(standIn, key.decryptBlock(block, 0, false, AgentKey.CHUNK));
        assertArrayEquals(shorter, key.decryptBlock(block, 0, false, -1));
    }

    @Test
    void aKeyFollowsTheProviderInUse() throws Exception {
        RsaProviders providers = RsaProviders.startingWith(RsaProvider.jdk("test"));
        AgentKey switching = new AgentKey(ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1), providers);
        byte[] message = "{\"Auth\":\"P@ssw0rd!\"".getBytes(StandardCharsets.UTF_8);
        byte[] block = client.blocks(message);
        assertArrayEquals(message, switching.decryptBlock(block, 0, false, -1));
        RsaProvider faster = RsaProvider.select(RsaProviderChoice.AUTO);
        providers.switchTo(faster);
        assertEquals(faster, switching.provider());
        assertArrayEquals(message, switching.decryptBlock(block, 0, false, -1));
    }
}
