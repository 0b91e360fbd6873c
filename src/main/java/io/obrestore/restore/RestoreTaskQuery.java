package io.obrestore.restore;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The task list's query parameters ({@code param.QueryRestoreTasksParam}): start/end time, status list, page, size,
 * validated and converted to the database's wall-clock zone.
 *
 * @param from START_TIMESTAMP lower bound (inclusive), wall clock in the service's zone; null = none
 * @param to START_TIMESTAMP upper bound (inclusive); null = none
 * @param statuses comma list of exact upper-case STATUS values; empty = any
 * @param page 1-based page number
 * @param size page size
 */
public record RestoreTaskQuery(LocalDateTime from, LocalDateTime to, String statuses, long page, long size) {

    /** obshell's default page size: everything on one page. */
    static final long DEFAULT_SIZE = 2147483647L;

    // OceanBase statuses are upper-case words with underscores; anything else cannot match and is a typo.
    private static final Pattern STATUS = Pattern.compile("[A-Z0-9_]{1,64}");

    /**
     * Parses the raw parameters as obshell binds them: RFC 3339 times, comma-separated statuses (upper-cased),
     * page below 1 means 1, size below 1 means "all". Malformed values are 400 {@code Common.IllegalArgument}
     * (obshell: a bind error); unlike obshell, a space where an unencoded {@code +} offset arrived is read as
     * {@code +}.
     */
    public static RestoreTaskQuery parse(String startTime, String endTime, String status, String page, String size,
            ZoneId zone) {
        LocalDateTime from = time("start_time", startTime, zone);
        LocalDateTime to = time("end_time", endTime, zone);
        long pageNumber = unsigned("page", page, 1);
        long pageSize = unsigned("size", size, DEFAULT_SIZE);
        return new RestoreTaskQuery(from, to, statuses(status), Math.max(pageNumber, 1),
                pageSize < 1 ? DEFAULT_SIZE : pageSize);
    }

    /** Index of the first row of the page, or {@code Long.MAX_VALUE} when the page lies beyond any possible list. */
    long offset() {
        try {
            return Math.multiplyExact(page - 1, size);
        } catch (ArithmeticException beyond) {
            return Long.MAX_VALUE;
        }
    }

    private static LocalDateTime time(String name, String value, ZoneId zone) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String text = value.length() > 19 ? value.substring(0, 19) + value.substring(19).replace(' ', '+') : value;
        try {
            OffsetDateTime instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return instant.atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.ILLEGAL_ARGUMENT, name, "not an RFC 3339 time such as 2024-10-21T09:00:00+08:00");
        }
    }

    private static long unsigned(String name, String value, long absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.ILLEGAL_ARGUMENT, name, "not an unsigned integer");
        }
    }

    private static String statuses(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (String part : value.toUpperCase(Locale.ROOT).split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue; // "SUCCESS,", as obshell: an empty status matches nothing
            }
            if (!STATUS.matcher(trimmed).matches()) {
                throw new ApiException(ErrorCode.ILLEGAL_ARGUMENT, "status",
                        "a comma-separated list of restore statuses such as SUCCESS,FAIL");
            }
            parsed.add(trimmed);
        }
        return String.join(",", parsed);
    }
}
