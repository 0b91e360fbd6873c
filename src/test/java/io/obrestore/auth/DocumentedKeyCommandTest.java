package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.auth.key.ConfiguredKey;
import io.obrestore.support.DocumentedCommands;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's key command, run as written: its output is a key the service accepts, in every documented form. */
@Tag("fast")
class DocumentedKeyCommandTest {

    @Test
    void theDocumentedCommandsOutputIsAcceptedAsIs() throws Exception {
        String key = DocumentedCommands.run(DocumentedCommands.keyCommand());
        RSAPrivateCrtKey parsed = ConfiguredKey.parse(key);
        assertEquals(1024, parsed.getModulus().bitLength());
        // The same key as PEM, and as base64 DER (PKCS#8), is the same key.
        String pem = DocumentedCommands.run("echo '" + key + "' | base64 -d");
        assertEquals(parsed.getModulus(), ConfiguredKey.parse(pem).getModulus());
        String der = DocumentedCommands.run("echo '" + key + "' | base64 -d | openssl pkcs8 -topk8 -nocrypt -outform DER"
                + " | base64 -w0");
        assertEquals(parsed.getModulus(), ConfiguredKey.parse(der).getModulus());
    }
}
