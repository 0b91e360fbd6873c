package io.obrestore.auth.key;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.obrestore.config.ServiceConfig;
import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import javax.crypto.Cipher;
import org.jboss.logging.Logger;

/**
 * Loads Amazon Corretto Crypto Provider (ACCP, AWS-LC behind JCA) on a thread of its own {@link #AFTER} the start and,
 * once it decrypted a test block correctly, makes it the provider of every key ({@link RsaProviders}). Loading its
 * native library costs about half a second of CPU (it is unpacked from the jar first): done during the start, even on
 * another thread, it delayed the first answer by 0.2-0.4 s on two cores (docs/performance.md, Start-up). Anything that
 * goes wrong leaves the JDK's provider in charge, with one log line.
 */
public final class FasterProvider {

    /** When ACCP starts loading: after the first answers, which keep both cores of a small host busy for seconds. */
    public static final Duration AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(FasterProvider.class);

    private final RsaProviders providers;
    private final Thread loader;

    private FasterProvider(RsaProviders providers, Thread loader) {
        this.providers = providers;
        this.loader = loader;
    }

    /**
     * The providers the configuration asks for: the JDK's for good with {@code rsa-provider=jdk}, else the JDK's until
     * ACCP has loaded in the background. Exports {@code obrestore_auth_rsa_provider_info}.
     */
    public static FasterProvider start(ServiceConfig config, MeterRegistry registry) {
        boolean jdkOnly = config.auth().rsaProvider() == RsaProviderChoice.JDK;
        RsaProviders providers = RsaProviders.startingWith(RsaProvider.jdk(jdkOnly
                ? "obrestore.auth.rsa-provider=jdk" : "until a faster one has loaded"));
        for (String name : new String[] {providers.current().provider().getName(), RsaProvider.ACCP_NAME}) {
            Gauge.builder("obrestore.auth.rsa.provider.info", providers,
                    p -> p.current().provider().getName().equals(name) ? 1 : 0).tag("provider", name)
                    .description("1 for the JCA provider that decrypts header blocks now, 0 for the other").register(registry);
        }
        if (jdkOnly) {
            LOG.infof("RSA private-key operations by %s", providers.current().description());
            return new FasterProvider(providers, null);
        }
        Thread loader = new Thread(() -> {
            try {
                Thread.sleep(AFTER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the application stops: a stopped one loads nothing
            }
            load(providers);
        }, "obrestore-rsa-provider");
        loader.setDaemon(true);
        loader.start();
        return new FasterProvider(providers, loader);
    }

    /** The providers every key of this service uses. */
    public RsaProviders providers() {
        return providers;
    }

    /** Stops a load that has not begun (the application stops). */
    public void stop() {
        if (loader != null) {
            loader.interrupt();
        }
    }

    private static void load(RsaProviders providers) {
        RsaProvider chosen = RsaProvider.select(RsaProviderChoice.AUTO);
        if (chosen.accp() && passesCheck(chosen)) {
            providers.switchTo(chosen);
        }
        LOG.infof("RSA private-key operations by %s", providers.current().description());
    }

    /** Whether {@code provider} decrypts, with a key of its own type, a random value encrypted by hand. */
    public static boolean passesCheck(RsaProvider provider) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            BigInteger n = key.getModulus();
            byte[] random = new byte[(n.bitLength() + 7) / 8 - 1];
            new SecureRandom().nextBytes(random);
            BigInteger message = new BigInteger(1, random);
            byte[] ciphertext = AgentKey.toBlock(message.modPow(key.getPublicExponent(), n), (n.bitLength() + 7) / 8);
            Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding", provider.provider());
            cipher.init(Cipher.DECRYPT_MODE, provider.ownKey(key));
            if (new BigInteger(1, cipher.doFinal(ciphertext)).equals(message)) {
                return true;
            }
            LOG.warnf("%s decrypted a test block wrongly; the JDK's provider keeps decrypting", provider.description());
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            LOG.warnf("%s failed a decryption check (%s); the JDK's provider keeps decrypting", provider.description(), e);
        }
        return false;
    }
}
