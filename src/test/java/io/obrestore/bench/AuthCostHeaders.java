package io.obrestore.bench;

import io.obrestore.support.ObshellSdkHeaders;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes headers for auth-cost-benchmark.sh: one fresh Go SDK header per line (2 RSA blocks, {@code "Keys":null}, as
 * {@code GetTenantRestoreOverview} sends), all valid for {@code lifetime} seconds from now. Not a test.
 *
 * <pre>java -cp ... io.obrestore.bench.AuthCostHeaders PUBLIC_KEY PASSWORD URI COUNT LIFETIME FILE</pre>
 */
public final class AuthCostHeaders {

    private AuthCostHeaders() {
    }

    public static void main(String[] args) throws Exception {
        ObshellSdkHeaders sdk = new ObshellSdkHeaders(args[0]);
        String password = args[1];
        String uri = args[2];
        int count = Integer.parseInt(args[3]);
        long expiry = Instant.now().getEpochSecond() + Long.parseLong(args[4]);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[5]), StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                out.write(sdk.encrypt(ObshellSdkHeaders.goPlaintext(password, expiry, uri, null)));
                out.newLine();
            }
        }
    }
}
