package io.obrestore.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Converters that refuse values the service cannot work with, while the configuration is read: before any bean
 * starts, so a bad value ends the start with one line naming the key ({@link SettingValueCheck} runs them and
 * prefixes the key and the value) instead of a hang, an obscure failure later or a silently odd behaviour. Each
 * message says what is accepted.
 */
public final class ConfigConverters {

    private ConfigConverters() {
    }

    /**
     * The converter named by {@link KnownSettings} (the simple name the build recorded from {@code @WithConverter}):
     * a closed list, so checking a value needs no reflection.
     */
    static Optional<Converter<?>> named(String simpleName) {
        return Optional.ofNullable(switch (simpleName) {
            case "PositiveDuration" -> new PositiveDuration();
            case "NonNegativeDuration" -> new NonNegativeDuration();
            case "PollInterval" -> new PollInterval();
            case "Positive" -> new Positive();
            case "NonNegative" -> new NonNegative();
            case "KeySize" -> new KeySize();
            case "TimeZone" -> new TimeZone();
            default -> null;
        });
    }

    /** A duration as people write it, in Quarkus' forms: {@code 5s}, {@code 500ms}, {@code 2m}, {@code PT5S}. */
    static Duration duration(String value) {
        try {
            Duration duration = DurationConverter.parseDuration(value.trim());
            if (duration != null) {
                return duration;
            }
        } catch (RuntimeException notADuration) {
            // the message below says what is accepted, which Quarkus' own message does not
        }
        throw new IllegalArgumentException("is not a duration: write a number and a unit, e.g. 5s, 500ms, 2m or 1h");
    }

    /** A duration above zero ({@code 5s}, {@code 500ms}, {@code PT5S}). */
    public static final class PositiveDuration implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = duration(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be longer than 0, e.g. 5s");
            }
            return duration;
        }
    }

    /** A duration of zero or more ({@code 0s}, {@code 1m}). */
    public static final class NonNegativeDuration implements Converter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = duration(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("must be 0 or longer, e.g. 1m");
            }
            return duration;
        }
    }

    /** A poll interval: at least 100 ms, so a typo cannot turn the poller into a load test of the cluster. */
    public static final class PollInterval implements Converter<Duration> {
        static final Duration MINIMUM = Duration.ofMillis(100);

        @Override
        public Duration convert(String value) {
            Duration duration = duration(value);
            if (duration.compareTo(MINIMUM) < 0) {
                throw new IllegalArgumentException("must be at least 100ms, e.g. 2s");
            }
            return duration;
        }
    }

    /** An integer of at least {@code minimum}. */
    abstract static class AtLeast implements Converter<Integer> {
        private final int minimum;

        AtLeast(int minimum) {
            this.minimum = minimum;
        }

        @Override
        public Integer convert(String value) {
            int number = parse(value);
            if (number < minimum) {
                throw new IllegalArgumentException("must be " + minimum + " or more");
            }
            return number;
        }
    }

    /** An integer of at least 1. */
    public static final class Positive extends AtLeast {
        public Positive() {
            super(1);
        }
    }

    /** An integer of at least 0. */
    public static final class NonNegative extends AtLeast {
        public NonNegative() {
            super(0);
        }
    }

    /** RSA key sizes the service generates: obshell's 1024 bits, or 2048. */
    public static final class KeySize implements Converter<Integer> {
        @Override
        public Integer convert(String value) {
            int number = parse(value);
            if (number != 1024 && number != 2048) {
                throw new IllegalArgumentException("must be 1024 or 2048");
            }
            return number;
        }
    }

    /** A zone id ({@code +08:00}, {@code Asia/Shanghai}), or {@code local} for the JVM's default zone. */
    public static final class TimeZone implements Converter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            String id = value.trim();
            if ("local".equals(id)) {
                return ZoneId.systemDefault();
            }
            try {
                return ZoneId.of(id);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "is not a zone: write e.g. +08:00, Asia/Shanghai, or local for the JVM's");
            }
        }
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }
}
