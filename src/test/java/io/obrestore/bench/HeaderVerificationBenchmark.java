package io.obrestore.bench;

import io.obrestore.auth.AuthBenchmarkAccess;
import io.obrestore.config.ServiceConfig.RsaProviderChoice;
import io.obrestore.support.ObshellSdkHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the cost of verifying one X-OCS-Header (base64, RSA PKCS#1 v1.5 blocks, JSON, constant-time password check,
 * replay memory) as the service does it on the event loop. A plain harness, not a test:
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.bench.HeaderVerificationBenchmark</pre>
 */
public final class HeaderVerificationBenchmark {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 20_000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        System.out.printf("JDK %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("provider | key bits | SDK    | header bytes | RSA blocks | median µs/header | min µs | max µs");
        for (RsaProviderChoice choice : RsaProviderChoice.values()) {
            for (int bits : new int[] {1024, 2048}) {
                measure(choice, bits);
            }
        }
    }

    private static void measure(RsaProviderChoice choice, int bits) throws Exception {
        AuthBenchmarkAccess service = AuthBenchmarkAccess.withGeneratedKey(bits, "P@ssw0rd!", choice, 2 * (WARMUP + MEASURED) * 4);
        System.out.println("# " + choice + ": " + service.provider());
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(service.publicKeyBase64());
        String uri = "/api/v1/tenant/rt2/restore/overview";
        run(service, choice, bits, "python", () -> sdk.encrypt(
                ObshellSdkHeaders.pythonPlaintext("P@ssw0rd!", expiry(), uri, ObshellSdkHeaders.randomKeys())), uri);
        run(service, choice, bits, "go", () -> sdk.encrypt(
                ObshellSdkHeaders.goPlaintext("P@ssw0rd!", expiry(), uri, null)), uri);
    }

    /** Close to the longest lifetime the service accepts (max-lifetime 5 min): building and checking take a minute. */
    private static long expiry() {
        return java.time.Instant.now().getEpochSecond() + 290;
    }

    private interface HeaderSource {
        String next();
    }

    private static void run(AuthBenchmarkAccess service, RsaProviderChoice choice, int bits, String name,
            HeaderSource source, String uri) {
        // Headers are built beforehand: the client's RSA encryption is not what is measured.
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            headers.add(source.next());
        }
        for (int i = 0; i < WARMUP; i++) {
            service.verify(headers.get(i), uri);
        }
        double[] perRound = new double[ROUNDS];
        int chunk = MEASURED / ROUNDS;
        for (int r = 0; r < ROUNDS; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < chunk; i++) {
                service.verify(headers.get(WARMUP + r * chunk + i), uri);
            }
            perRound[r] = (System.nanoTime() - start) / 1_000.0 / chunk;
        }
        java.util.Arrays.sort(perRound);
        int blocks = java.util.Base64.getDecoder().decode(headers.get(0)).length / (bits / 8);
        System.out.printf("%-8s | %8d | %-6s | %12d | %10d | %16.1f | %6.1f | %6.1f%n", choice, bits, name, headers.get(0).length(),
                blocks, perRound[ROUNDS / 2], perRound[0], perRound[ROUNDS - 1]);
    }
}
