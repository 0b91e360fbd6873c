package io.obrestore.auth.header;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How long each block of a checked header is remembered (docs/auth-protocol.md §7): pure arithmetic, no crypto. */
@Tag("fast")
class DecodedHeaderTest {

    private static final long NOW = 1_767_225_600L;
    private static final DecodedHeader.Horizons HORIZONS = new DecodedHeader.Horizons(300, 60, 86_400);
    private static final long PLAIN = NOW + 300 + 60;

    /** A header whose plaintext is {@code json}, cut into 53-byte blocks as the SDKs cut it. */
    private static DecodedHeader header(String json) {
        int blocks = (json.length() + 52) / 53;
        int[] ends = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            ends[i] = Math.min(json.length(), (i + 1) * 53);
        }
        int authStart = json.indexOf("\"", json.toLowerCase().indexOf("\"auth\":") + 7);
        int authEnd = json.indexOf('"', authStart + 1) + 1;
        int tsStart = json.indexOf("\"", json.toLowerCase().indexOf("\"ts\":") + 5);
        int tsEnd = json.indexOf('"', tsStart + 1) + 1;
        String ts = json.substring(tsStart + 1, tsEnd - 1);
        String auth = json.substring(authStart + 1, authEnd - 1);
        return new DecodedHeader(new OcsHeader(auth, ts, "/", null), ends,
                new DecodedHeader.Range(authStart, authEnd), new DecodedHeader.Range(tsStart, tsEnd));
    }

    private static List<Long> horizons(String json, boolean passwordMatched) {
        return java.util.Arrays.stream(header(json).remembered(NOW, passwordMatched, HORIZONS)).boxed().toList();
    }

    @Test
    void wrongPasswordsAreRememberedOnlyForALifetime() {
        String json = "{\"Auth\":\"correct-horse-battery-staple-0123456789x\",\"Ts\":\"" + (NOW + 60)
                + "\",\"Uri\":\"/api/v1/tenant/rt2/restore/overview\",\"Keys\":null}";
        assertEquals(List.of(PLAIN, PLAIN, PLAIN), horizons(json, false));
    }

    @Test
    void aShortPasswordBlockHoldsItsWholeTsAndExpiresWithIt() {
        // {"Auth":"P@ssw0rd!","Ts":"1767225660","Uri":"/api/v1 | /tenant/...
        String json = "{\"Auth\":\"P@ssw0rd!\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/api/v1/tenant/rt2/restore/overview\","
                + "\"Keys\":null}";
        assertEquals(List.of(PLAIN, PLAIN), horizons(json, true));
        // A victim whose clock runs ahead: its far ts keeps the block until then (it may become valid later).
        String ahead = json.replace(String.valueOf(NOW + 60), String.valueOf(NOW + 3_600));
        assertEquals(List.of(NOW + 3_600 + 60, PLAIN), horizons(ahead, true));
    }

    @Test
    void aBlockWithOnlyTheFirstDigitsOfTsIsKeptUntilTheLastTsTheyAllow() {
        // 30 characters: {"Auth":"<30>","Ts":"176722 | 5660" ... the block fixes six of ten digits.
        String json = "{\"Auth\":\"" + "p".repeat(30) + "\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/api/v1/x\",\"Keys\":null}";
        long latest = Long.parseLong(String.valueOf(NOW + 60).substring(0, 6) + "9999");
        assertEquals(List.of(latest + 60, PLAIN), horizons(json, true));
    }

    @Test
    void aBlockWithNoDigitOfTsIsKeptForTheRetention() {
        // 40 characters: the first block ends inside "Ts": no digit of it.
        String json = "{\"Auth\":\"" + "p".repeat(40) + "\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/api/v1/x\",\"Keys\":null}";
        assertEquals(List.of(NOW + 86_400 + 60, PLAIN), horizons(json, true));
    }

    @Test
    void aPasswordAcrossTwoBlocksKeepsBoth() {
        // 60 characters: the second block holds the end of the password and the whole ts (bytes 77-88).
        String json = "{\"Auth\":\"" + "p".repeat(60) + "\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/api/v1/x\",\"Keys\":null}";
        assertEquals(List.of(PLAIN, PLAIN, PLAIN), horizons(json, true));
        // 97 characters: the password ends at byte 105, the last of the second block; ts lies in the third.
        String longer = "{\"Auth\":\"" + "p".repeat(97) + "\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/api/v1/x\",\"Keys\":null}";
        assertEquals(List.of(NOW + 86_400 + 60, NOW + 86_400 + 60, PLAIN), horizons(longer, true));
    }

    @Test
    void aPasswordThatEndsWithItsBlockLeavesTheClosingQuoteToTheForger() {
        // 44 characters fill the first block exactly; the quote, and ts after it, could come from the forger.
        String json = "{\"Auth\":\"" + "p".repeat(44) + "\",\"Ts\":\"" + (NOW + 60) + "\",\"Uri\":\"/x\"}";
        assertEquals(List.of(NOW + 86_400 + 60, PLAIN), horizons(json, true));
    }
}
