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
 * shared block memory needs it ({@code noeviction}, nothing persisted), stopped by the test.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start(Path dir) throws Exception {
        int port = Ports.fresh();
        Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--maxmemory-policy", "noeviction", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".log").toFile()).start();
        RedisServer redis = new RedisServer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (redis.command("PING").equals("+PONG")) {
                    return redis;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        redis.close();
        throw new AssertionError("redis-server did not start: "
                + Files.readString(dir.resolve("redis-" + port + ".log")));
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
