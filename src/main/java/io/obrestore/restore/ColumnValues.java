package io.obrestore.restore;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads a value of a restore row by what it is, whatever SQL type carries it (docs/restore-views.md, "Types"):
 * OceanBase's CDB_OB_RESTORE_PROGRESS pivots a key/value table, so ids and SCNs arrive as strings ({@code ''} while
 * the key is not written yet); a UNION with a string column turns a history BIGINT into a string too; SCNs are
 * unsigned and reach 2^64 − 1; times arrive as DATETIME, TIMESTAMP or text. Each method returns the value, or
 * throws {@link NotReadable} for a value that is none of the forms it accepts (the caller logs it and shows the zero
 * value, as obshell shows a column it cannot scan). {@code null} is never an error: it is the zero value.
 */
final class ColumnValues {

    private static final BigInteger UNSIGNED_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** {@code 2024-10-21 09:00:00[.fraction]}, as MySQL prints DATETIME/TIMESTAMP, or with a {@code T}. */
    private static final DateTimeFormatter WALL_CLOCK = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /** A value none of the accepted forms describes; the message names its Java type, never its content. */
    static final class NotReadable extends Exception {
        NotReadable(Object value, String expected) {
            super("a " + value.getClass().getSimpleName() + " that is not " + expected, null, false, false);
        }
    }

    private ColumnValues() {
    }

    /** A signed 64-bit number: integers, decimals without a fraction, or their text; {@code ''} and null are 0. */
    static long signed(Object value) throws NotReadable {
        BigInteger number = integer(value, "a whole number");
        if (number.bitLength() > 63) {
            throw new NotReadable(value, "a 64-bit number");
        }
        return number.longValue();
    }

    /**
     * An unsigned 64-bit number such as an SCN (0 to 2^64 − 1), returned as the long with the same 64 bits: read it
     * with {@link Long#toUnsignedString(long)} ({@link UnsignedLongSerializer} does so on the wire).
     */
    static long unsigned(Object value) throws NotReadable {
        BigInteger number = integer(value, "a whole number");
        if (number.signum() < 0 || number.compareTo(UNSIGNED_MAX) > 0) {
            throw new NotReadable(value, "an unsigned 64-bit number");
        }
        return number.longValue();
    }

    /** Text as stored; numbers as their decimal digits; null is {@code ""}. */
    static String text(Object value) throws NotReadable {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Buffer bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
        if (value instanceof Numeric || value instanceof Number) {
            return decimal(value);
        }
        throw new NotReadable(value, "text");
    }

    /** A decimal as obshell sends DECIMAL: its digits with its scale kept ({@code "41.60"}); null and {@code ''} are {@code ""}. */
    static String decimal(Object value) throws NotReadable {
        if (value == null) {
            return "";
        }
        BigDecimal number = decimalOf(value);
        return number == null ? "" : number.toPlainString();
    }

    /** A wall-clock time: DATETIME, TIMESTAMP, DATE or their text; null and {@code ''} are null (shown as {@code ""}). */
    static LocalDateTime time(Object value) throws NotReadable {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime wallClock) {
            return wallClock;
        }
        if (value instanceof OffsetDateTime withOffset) {
            return withOffset.toLocalDateTime();
        }
        if (value instanceof LocalDate day) {
            return day.atStartOfDay();
        }
        String text = stringOf(value);
        if (text == null) {
            throw new NotReadable(value, "a time");
        }
        text = text.trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, WALL_CLOCK);
        } catch (DateTimeParseException e) {
            throw new NotReadable(value, "a time");
        }
    }

    private static BigInteger integer(Object value, String expected) throws NotReadable {
        if (value == null) {
            return BigInteger.ZERO;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        try {
            BigDecimal number = decimalOf(value);
            return number == null ? BigInteger.ZERO : number.toBigIntegerExact();
        } catch (NotReadable | ArithmeticException notWhole) {
            throw new NotReadable(value, expected);
        }
    }

    /** The number a value holds, null for {@code ''}. */
    private static BigDecimal decimalOf(Object value) throws NotReadable {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Numeric numeric) {
            if (numeric.isNaN()) {
                throw new NotReadable(value, "a number");
            }
            return numeric.bigDecimalValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new NotReadable(value, "a number");
            }
            return BigDecimal.valueOf(number);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        String text = stringOf(value);
        if (text == null) {
            throw new NotReadable(value, "a number");
        }
        text = text.trim();
        if (text.isEmpty()) {
            return null;
        }
        // Digits, an optional sign and fraction: no exponent, so a stray "1e999999999" cannot cost a huge expansion.
        if (!text.matches("[+-]?\\d{1,40}(\\.\\d{0,30})?")) {
            throw new NotReadable(value, "a number");
        }
        return new BigDecimal(text);
    }

    private static String stringOf(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Buffer bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
        return null;
    }
}
