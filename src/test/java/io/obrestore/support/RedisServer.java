package io.obrestore.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Redis (Debian's {@code redis-server}, which .ci/run installs) on a fresh loopback port, configured as the
 * shared block memory needs it ({@code noeviction}; nothing persisted, as docker/k8s ships it) unless the test gives
 * other settings; stopped by the test, or restarted on the same port and directory.
 */
public final class RedisServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String[] settings;
    private Process process;

    private RedisServer(Path dir, int port, String[] settings) {
        this.dir = dir;
        this.port = port;
        this.settings = settings;
    }

    public static RedisServer start(Path dir) throws Exception {
        return start(dir, "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction");
    }

    /** With the given settings instead of the shipped ones (e.g. {@code --maxmemory-policy allkeys-lru}). */
    public static RedisServer start(Path dir, String... settings) throws Exception {
        RedisServer redis = new RedisServer(dir, Ports.fresh(), settings);
        redis.launch();
        return redis;
    }

    /** Stops it and starts it again on the same port and directory (with what it saved, if it saves). */
    public void restart() throws Exception {
        stop();
        launch();
    }

    /** Kills it (nothing saved at shutdown) and starts it again: it loads whatever it saved before, if anything. */
    public void crashAndRestart() throws Exception {
        process.destroyForcibly();
        process.waitFor();
        launch();
    }

    private void launch() throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("redis-server", "--port",
                String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString()));
        command.addAll(java.util.List.of(settings));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".log").toFile())).start();
        RedisServer redis = this;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (redis.command("PING").equals("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        stop();
        throw new AssertionError("redis-server did not start: "
                + Files.readString(dir.resolve("redis-" + port + ".log")));
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}, for {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** One inline command; the first line of the reply ({@code +OK}, {@code :3}, ...). */
    public String command(String... words) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> quoted = new ArrayList<>();
            for (String word : words) {
                quoted.add('"' + word + '"');
            }
            out.print(String.join(" ", quoted) + "\r\n");
            out.flush();
            return in.readLine();
        }
    }

    /** A field of {@code INFO section}, e.g. {@code used_memory} of {@code memory}. */
    public String info(String section, String field) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.print("INFO " + section + "\r\n");
            out.flush();
            int length = Integer.parseInt(in.readLine().substring(1));
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                read += in.read(body, read, length - read);
            }
            for (String line : new String(body).split("\r\n")) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1);
                }
            }
            throw new AssertionError("no " + field + " in INFO " + section);
        }
    }

    /** Stops the server (the memory it held is gone with it). */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
