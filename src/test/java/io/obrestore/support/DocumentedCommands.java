package io.obrestore.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Commands the README tells users to run, read from the README itself so the tests run exactly what it says. */
public final class DocumentedCommands {

    private static final Pattern KEY_COMMAND = Pattern.compile("`(openssl genpkey[^`]*)`");

    private DocumentedCommands() {
    }

    /** The README's command that makes an RSA key for {@code OBRESTORE_AUTH_PRIVATE_KEY}. */
    public static String keyCommand() throws IOException {
        Matcher matcher = KEY_COMMAND.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new AssertionError("README.md shows no `openssl genpkey ...` key command");
        }
        return matcher.group(1);
    }

    /** Runs {@code command} with bash and returns its standard output, trimmed; fails on a non-zero exit. */
    public static String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("`" + command + "` failed: " + errors);
        }
        return output;
    }
}
