package io.obrestore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class RequestTraceTest {

    @Test
    void echoesAPrintableCallerId() {
        assertEquals("764a05909590ef9e", RequestTrace.begin("764a05909590ef9e").traceId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "new\nline", "\u00e9t\u00e9", "<script>alert(1)</script>", "a\"b", "x'y",
        "{\"json\":1}", "%0d%0aSet-Cookie:x"})
    void generatesSixteenHexCharsOtherwise(String caller) {
        String id = RequestTrace.begin(caller).traceId();
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertNotEquals(id, RequestTrace.begin(caller).traceId());
    }

    @Test
    void refusesToEchoAnOverlongId() {
        assertTrue(RequestTrace.begin("a".repeat(65)).traceId().matches("[0-9a-f]{16}"));
        assertEquals("req-42_a.B", RequestTrace.begin("req-42_a.B").traceId());
    }
}
