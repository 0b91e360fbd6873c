package io.obrestore.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Seeded random inputs for the generated-input tests, on plain JUnit 5: a test method takes a {@code Seeded}
 * parameter ({@code @ExtendWith(Seeded.class)}), draws its cases from it, and a failure names the seed. The seed is
 * random per run unless {@code -Dtest.seed=N} replays one: {@code ./mvnw -B test -Dtest=TenantNameFuzzTest -Dtest.seed=N}.
 */
public final class Seeded implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Seeded.class);

    private final long seed;
    private final RandomGenerator random;

    /** For JUnit, which instantiates the extension; tests get their generator as a parameter. */
    public Seeded() {
        this(0);
    }

    private Seeded(long seed) {
        this.seed = seed;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** A generator with this seed. */
    public static Seeded withSeed(long seed) {
        return new Seeded(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Seeded.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Long fixed = Long.getLong("test.seed");
        long chosen = fixed != null ? fixed : RandomGenerator.getDefault().nextLong();
        context.getStore(NAMESPACE).put("seed", chosen);
        System.out.printf("SEED %s: %d (replay: -Dtest.seed=%d)%n", context.getDisplayName(), chosen, chosen);
        return new Seeded(chosen);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Long used = context.getStore(NAMESPACE).get("seed", Long.class);
        if (used == null) {
            throw failure;
        }
        AssertionError named = new AssertionError("with -Dtest.seed=" + used + ": " + failure.getMessage(), failure);
        named.setStackTrace(failure.getStackTrace());
        throw named;
    }

    /** A whole number in {@code [min, max]}. */
    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    public long anyLong() {
        return random.nextLong();
    }

    /** Any double, including infinities and NaN now and then. */
    public double anyDouble() {
        return switch (random.nextInt(20)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> -Double.MAX_VALUE;
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** The value of one of the suppliers, each as likely. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** {@code rare} once in {@code oneIn} draws, else {@code usual}. */
    public <T> T rarely(int oneIn, Supplier<? extends T> rare, Supplier<? extends T> usual) {
        return random.nextInt(oneIn) == 0 ? rare.get() : usual.get();
    }

    /** Up to {@code max} values, each from {@code element}. */
    public <T> List<T> list(int max, Supplier<T> element) {
        int size = between(0, max);
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(element.get());
        }
        return values;
    }

    /** Random bytes, {@code min} to {@code max} of them. */
    public byte[] bytes(int min, int max) {
        byte[] bytes = new byte[between(min, max)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A string of {@code min} to {@code max} characters from {@code alphabet}. */
    public String string(int min, int max, String alphabet) {
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A string of {@code min} to {@code max} characters in {@code [from, to]}. */
    public String string(int min, int max, char from, char to) {
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(from, to + 1));
        }
        return out.toString();
    }

    /** Any UTF-16 code units, lone surrogates and control characters included. */
    public String anyString(int max) {
        return string(0, max, '\u0000', '\uffff');
    }

    /** ASCII (0-127), control characters included. */
    public String asciiString(int min, int max) {
        return string(min, max, '\u0000', '\u007f');
    }
}
