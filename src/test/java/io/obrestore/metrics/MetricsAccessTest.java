package io.obrestore.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who may read /q/metrics: loopback alone without a token; with one, its bearers and verified client certificates. */
@Tag("fast")
class MetricsAccessTest {

    @Test
    void withoutATokenOnlyLoopbackClientsReadTheMetrics() {
        assertTrue(MetricsAccess.allowed(null, "127.0.0.1", null, false));
        assertTrue(MetricsAccess.allowed(null, "127.1.2.3", null, false));
        assertTrue(MetricsAccess.allowed(null, "::1", null, false));
        assertFalse(MetricsAccess.allowed(null, "10.0.0.7", null, false));
        assertFalse(MetricsAccess.allowed(null, "10.0.0.7", "Bearer anything", false));
        assertFalse(MetricsAccess.allowed(null, null, null, false));
    }

    @Test
    void withATokenItsBearersAndVerifiedCertificatesReadThemFromAnywhere() {
        byte[] token = MetricsAccess.sha256("s3cret-token");
        assertTrue(MetricsAccess.allowed(token, "10.0.0.7", "Bearer s3cret-token", false));
        assertTrue(MetricsAccess.allowed(token, "10.0.0.7", "bearer s3cret-token", false), "the scheme is case-blind");
        assertFalse(MetricsAccess.allowed(token, "10.0.0.7", "Bearer s3cret-tokeN", false));
        assertFalse(MetricsAccess.allowed(token, "10.0.0.7", "Basic czNjcmV0LXRva2Vu", false));
        assertFalse(MetricsAccess.allowed(token, "127.0.0.1", null, false), "loopback needs the token too");
        assertTrue(MetricsAccess.allowed(token, "10.0.0.7", null, true));
    }
}
