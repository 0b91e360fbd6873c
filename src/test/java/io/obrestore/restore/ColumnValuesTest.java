package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.obrestore.support.Seeded;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Values read by what they are, whatever SQL type carries them: the forms OceanBase's views and their UNIONs produce
 * (strings pivoted out of a key/value table, {@code ''} for an absent key, unsigned SCNs, DECIMAL, TIMESTAMP or text),
 * and a refusal for anything else, which the caller shows as the zero value.
 */
@Tag("fast")
@ExtendWith(Seeded.class)
class ColumnValuesTest {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void numbersArriveAsIntegersDecimalsOrText() throws Exception {
        assertEquals(1028L, ColumnValues.signed(1028L));
        assertEquals(1028L, ColumnValues.signed(1028));
        assertEquals(1028L, ColumnValues.signed("1028"));
        assertEquals(1028L, ColumnValues.signed(" 1028 "));
        assertEquals(-1L, ColumnValues.signed("-1"));
        assertEquals(1028L, ColumnValues.signed(new BigDecimal("1028.00")));
        assertEquals(1028L, ColumnValues.signed(Numeric.create(1028)));
        assertEquals(1028L, ColumnValues.signed(Buffer.buffer("1028")));
        assertEquals(Long.MAX_VALUE, ColumnValues.signed(String.valueOf(Long.MAX_VALUE)));
        // An absent key of the pivoted job table, and NULL: Go's zero value.
        assertEquals(0L, ColumnValues.signed(""));
        assertEquals(0L, ColumnValues.signed(null));
    }

    @Test
    void whatIsNoWholeNumberIsRefused() {
        for (Object value : new Object[] {"abc", "1.5", "1e3", "0x10", "9223372036854775808", new BigDecimal("2.5"),
            Double.NaN, LocalDateTime.of(2024, 1, 1, 0, 0), "1".repeat(41)}) {
            assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.signed(value), String.valueOf(value));
        }
    }

    @Test
    void scnsAreExactUpToTwoToThe64MinusOne(Seeded random) throws Exception {
        BigInteger max = TWO_TO_64.subtract(BigInteger.ONE);
        assertEquals("18446744073709551615", Long.toUnsignedString(ColumnValues.unsigned(max.toString())));
        assertEquals("18446744073709551615", Long.toUnsignedString(ColumnValues.unsigned(Numeric.create(max))));
        assertEquals("18446744073709551615", Long.toUnsignedString(ColumnValues.unsigned(max)));
        assertEquals("1729470600123456789", Long.toUnsignedString(ColumnValues.unsigned("1729470600123456789")));
        for (int i = 0; i < 10_000; i++) {
            BigInteger scn = new BigInteger(64, new java.util.Random(random.anyLong()));
            Object carried = random.pick(scn.toString(), Numeric.create(scn), new BigDecimal(scn));
            assertEquals(scn.toString(), Long.toUnsignedString(ColumnValues.unsigned(carried)), carried.toString());
        }
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.unsigned(TWO_TO_64.toString()));
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.unsigned("-1"));
        assertEquals(0L, ColumnValues.unsigned(""));
    }

    @Test
    void timesArriveAsDatetimeTimestampOrText() throws Exception {
        LocalDateTime expected = LocalDateTime.of(2024, 10, 21, 9, 0, 0, 250_000_000);
        assertEquals(expected, ColumnValues.time(expected));
        assertEquals(expected, ColumnValues.time("2024-10-21 09:00:00.25"));
        assertEquals(expected, ColumnValues.time("2024-10-21 09:00:00.250000"));
        assertEquals(expected, ColumnValues.time("2024-10-21T09:00:00.250"));
        assertEquals(LocalDateTime.of(2024, 10, 21, 0, 0), ColumnValues.time(LocalDate.of(2024, 10, 21)));
        assertEquals(LocalDateTime.of(2024, 10, 21, 9, 0), ColumnValues.time("2024-10-21 09:00:00"));
        assertNull(ColumnValues.time(""));
        assertNull(ColumnValues.time(null));
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.time("yesterday"));
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.time(1729472400250000L));
    }

    @Test
    void decimalsKeepTheirScaleAsObshellSendsThem() throws Exception {
        assertEquals("41.60", ColumnValues.decimal(new BigDecimal("41.60")));
        assertEquals("41.60", ColumnValues.decimal(Numeric.create(new BigDecimal("41.60"))));
        assertEquals("41.60", ColumnValues.decimal("41.60"));
        assertEquals("100", ColumnValues.decimal(100L));
        assertEquals("", ColumnValues.decimal(""));
        assertEquals("", ColumnValues.decimal(null));
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.decimal("41,6"));
    }

    @Test
    void textIsTextNumbersAsDigits() throws Exception {
        assertEquals("rt2", ColumnValues.text("rt2"));
        assertEquals("rt2", ColumnValues.text(Buffer.buffer("rt2")));
        assertEquals("1006", ColumnValues.text(1006L));
        assertEquals("", ColumnValues.text(null));
        assertThrows(ColumnValues.NotReadable.class, () -> ColumnValues.text(LocalDateTime.of(2024, 1, 1, 0, 0)));
    }

    @Test
    void aRefusalNamesTheKindOfValueNeverItsContent() {
        ColumnValues.NotReadable refused = assertThrows(ColumnValues.NotReadable.class,
                () -> ColumnValues.signed("s3://b/p?access_key=SECRET"));
        assertEquals("a String that is not a whole number", refused.getMessage());
    }
}
