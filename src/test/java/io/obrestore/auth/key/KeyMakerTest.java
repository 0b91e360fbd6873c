package io.obrestore.auth.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.obrestore.support.ObshellSdkHeaders;
import io.obrestore.support.SpecVectors;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Replicas derive one key per epoch from a shared seed: the same everywhere, a different one per epoch, a sound one. */
@Tag("fast")
class KeyMakerTest {

    private static final String EPOCH = "00112233445566778899aabbccddeeff";

    @Test
    void theSameSeedAndEpochGiveTheSameKeyAndAnotherEpochAnother() throws Exception {
        byte[] seed = KeyMaker.seedOf(ConfiguredKey.parse(SpecVectors.PRIVATE_KEY_PKCS1));
        RSAPrivateCrtKey one = KeyMaker.derive(seed, EPOCH, 1024);
        RSAPrivateCrtKey again = KeyMaker.derive(seed.clone(), EPOCH, 1024);
        assertEquals(one.getModulus(), again.getModulus());
        assertEquals(one.getPrivateExponent(), again.getPrivateExponent());
        assertNotEquals(one.getModulus(), KeyMaker.derive(seed, "ff" + EPOCH.substring(2), 1024).getModulus());
        assertNotEquals(one.getModulus(), KeyMaker.derive(KeyMaker.seedOf(KeyMaker.generate(1024)), EPOCH, 1024)
                .getModulus(), "another seed, another key");
        assertEquals(1024, one.getModulus().bitLength());
        assertEquals(2048, KeyMaker.derive(seed, EPOCH, 2048).getModulus().bitLength());
    }

    @Test
    void aDerivedKeyDecryptsWhatItsPublicHalfEncrypted() throws Exception {
        RSAPrivateCrtKey derived = KeyMaker.derive(KeyMaker.seedOf(KeyMaker.generate(1024)), EPOCH, 1024);
        AgentKey key = new AgentKey(derived, RsaProviders.startingWith(RsaProvider.jdk("test")));
        ObshellSdkHeaders client = new ObshellSdkHeaders(key.publicKeyBase64());
        byte[] message = "{\"Auth\":\"P@ssw0rd!\"".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(message, key.decryptBlock(client.blocks(message), 0, false, -1));
        assertEquals(derived.getPrimeP().multiply(derived.getPrimeQ()), derived.getModulus());
    }
}
