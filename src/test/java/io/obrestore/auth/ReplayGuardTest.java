package io.obrestore.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

    @Test
    void secondUseBeforeExpiryIsRefusedAndForgottenAfter() {
        ReplayGuard guard = new ReplayGuard(10);
        assertTrue(guard.firstUse("header-a", 100, 50));
        assertFalse(guard.firstUse("header-a", 100, 60));
        assertTrue(guard.firstUse("header-b", 100, 60));
        // Once ts has passed the header is rejected as expired anyway, so it need not be remembered.
        assertTrue(guard.firstUse("header-c", 200, 101));
        assertEquals(1, guard.size());
    }

    @Test
    void memoryIsBounded() {
        ReplayGuard guard = new ReplayGuard(3);
        for (int i = 0; i < 1000; i++) {
            assertTrue(guard.firstUse("header-" + i, 10_000 + i, 0));
            assertTrue(guard.size() <= 3);
        }
        // The newest entries are the ones kept (the soonest-expiring go first).
        assertFalse(guard.firstUse("header-999", 10_999, 0));
    }
}
