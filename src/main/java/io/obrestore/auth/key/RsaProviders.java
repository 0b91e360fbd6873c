package io.obrestore.auth.key;

/**
 * The JCA provider that does private-key work now, for every key the service holds: the JDK's until a faster one has
 * loaded and passed its check ({@link FasterProvider}), then that one. Every provider gives the same answers for the
 * same block, so a request may be served by either.
 */
public final class RsaProviders {

    private volatile RsaProvider current;

    private RsaProviders(RsaProvider first) {
        this.current = first;
    }

    /** Starts with {@code first}; {@link FasterProvider} may replace it later (never in tests, which make their own). */
    public static RsaProviders startingWith(RsaProvider first) {
        return new RsaProviders(first);
    }

    /** The provider to use now. */
    public RsaProvider current() {
        return current;
    }

    void switchTo(RsaProvider provider) {
        current = provider;
    }
}
