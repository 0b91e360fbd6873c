package io.obrestore.auth.key;

import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import io.quarkus.runtime.ImageMode;
import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;

/**
 * The JCA provider that does the agent key's private-key operation and the stand-in HMAC ({@link AgentKey}).
 *
 * <p>Amazon Corretto Crypto Provider (AWS-LC behind JCA) decrypts a 1024-bit block in about half the JDK's time, but
 * only with keys of its own: handed a JDK key object it converts it on every {@code init} and is slower than the JDK
 * (docs/performance.md), hence {@link #ownKey}. It is found by reflection because the build holds its jar only where
 * its native library exists (the {@code accp-*} profiles of pom.xml) and a native image cannot load JNI libraries.
 * Anything that goes wrong while loading it leaves the JDK's provider in charge, never a failed start.
 */
public record RsaProvider(Provider provider, boolean accp, String description) {

    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    /** ACCP's provider name, as {@code obrestore_auth_rsa_provider_info} labels it. */
    static final String ACCP_NAME = "AmazonCorrettoCryptoProvider";

    /**
     * The JDK's SunJCE, named explicitly: with ACCP installed JVM-wide as the first provider, a lookup by algorithm
     * alone would pair ACCP's cipher with a JDK key, the slow combination.
     */
    public static RsaProvider jdk(String why) {
        Provider sunJce = Security.getProvider("SunJCE");
        return new RsaProvider(sunJce, false, "the JDK's " + sunJce.getName() + " (" + why + ")");
    }

    /** The provider {@code choice} asks for, or the JDK's with the reason ACCP is not used. */
    public static RsaProvider select(RsaProviderChoice choice) {
        if (choice == RsaProviderChoice.JDK) {
            return jdk("obrestore.auth.rsa-provider=jdk");
        }
        if (ImageMode.current().isNativeImage()) {
            return jdk("a native image cannot load ACCP's library");
        }
        try {
            Class<?> type = Class.forName(ACCP_CLASS);
            Provider accp = (Provider) type.getField("INSTANCE").get(null);
            type.getMethod("assertHealthy").invoke(accp);
            String versions = type.getMethod("getVersionStr").invoke(accp) + ", "
                    + type.getMethod("getAwsLcVersionStr").invoke(accp);
            return new RsaProvider(accp, true, accp.getName() + " " + versions);
        } catch (ClassNotFoundException e) {
            return jdk("ACCP is not in this build for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        } catch (InvocationTargetException e) {
            return jdk("ACCP did not load: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return jdk("ACCP did not load: " + e);
        }
    }

    /** {@code key} as an object of this provider (ACCP's own key type), so {@code init} does not convert it. */
    public PrivateKey ownKey(RSAPrivateCrtKey key) throws GeneralSecurityException {
        if (!accp) {
            return key;
        }
        return KeyFactory.getInstance("RSA", provider).generatePrivate(new RSAPrivateCrtKeySpec(key.getModulus(),
                key.getPublicExponent(), key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(),
                key.getPrimeExponentP(), key.getPrimeExponentQ(), key.getCrtCoefficient()));
    }
}
