package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** obshell's cluster-agent password rules (docs/auth-protocol.md §4, step 6), every configuration. */
@Tag("fast")
class CredentialVerifierTest {

    private static final Optional<String> NONE = Optional.empty();

    private static ErrorCode failure(CredentialVerifier verifier, HeaderKind kind, String password) {
        return assertThrows(ApiException.class, () -> verifier.verify(kind, password)).code();
    }

    @Test
    void bothPasswordsSet() {
        CredentialVerifier verifier = new CredentialVerifier(Optional.of("ob-pw"), Optional.of("agent-pw"));
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.OCEANBASE, "ob-pw"));
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.AGENT, "agent-pw"));
        assertEquals(ErrorCode.INCORRECT_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, "agent-pw"));
        assertEquals(ErrorCode.INCORRECT_AGENT_PASSWORD, failure(verifier, HeaderKind.AGENT, "ob-pw"));
        assertEquals(ErrorCode.INCORRECT_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, ""));
        assertEquals(ErrorCode.INCORRECT_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, "OB-PW"));
        assertEquals(ErrorCode.INCORRECT_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, "ob-pw "));
    }

    @Test
    void onlyOceanBasePasswordSet() {
        CredentialVerifier verifier = new CredentialVerifier(Optional.of("ob-pw"), NONE);
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.OCEANBASE, "ob-pw"));
        assertEquals(ErrorCode.WITH_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.AGENT, "ob-pw"));
        assertEquals(ErrorCode.WITH_OCEANBASE_PASSWORD, failure(verifier, HeaderKind.AGENT, ""));
    }

    @Test
    void onlyAgentPasswordSet() {
        CredentialVerifier verifier = new CredentialVerifier(NONE, Optional.of("agent-pw"));
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.AGENT, "agent-pw"));
        assertEquals(ErrorCode.WITH_AGENT_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, "agent-pw"));
        assertEquals(ErrorCode.WITH_AGENT_PASSWORD, failure(verifier, HeaderKind.OCEANBASE, ""));
    }

    @Test
    void noPasswordSetAcceptsAnyCredentials() {
        CredentialVerifier verifier = new CredentialVerifier(NONE, NONE);
        assertEquals(false, verifier.anyPasswordConfigured());
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.OCEANBASE, "whatever"));
        assertDoesNotThrow(() -> verifier.verify(HeaderKind.AGENT, ""));
    }
}
