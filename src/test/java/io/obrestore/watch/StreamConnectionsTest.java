package io.obrestore.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.ResourceLeakDetector;
import io.obrestore.support.LogCapture;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.obrestore.support.Seeded;
import io.obrestore.support.WatchProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Streams whose clients vanish: connections reset (RST) at random moments while heartbeats and events are being
 * written to them, some after reading, some never reading. Each stream must end (its place and watch given back) and
 * the service must log nothing about it: no Netty buffer released twice, no leak, no "impossible to send" error (a
 * client that leaves is no fault). 50 streams in the regular suite, 500 with {@code -Preliability}.
 */
@QuarkusTest
@TestProfile(WatchProfile.class)
@WithTestResource(MariaDbTestResource.class)
@ExtendWith(Seeded.class)
class StreamConnectionsTest {

    @TestHTTPResource("/")
    URL root;

    private Socket open(String target, boolean read) throws Exception {
        Socket socket = new Socket();
        // A small window: unread events soon fill it, so writes are pending when the connection dies.
        socket.setReceiveBufferSize(read ? 65536 : 1024);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), root.getPort()));
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String head(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    @Tag("scaled")
    void clientsThatResetTheirConnectionsEndTheirStreamsQuietly(Seeded random) throws Exception {
        int streams = RestoreWatchTest.WATCHERS;
        List<String> targets = List.of("/api/v1/restore/running/stream", "/api/v1/tenant/rt_running/restore/overview/stream");
        ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        // Every Netty buffer tracked, so one left unreleased is reported (the default samples about 1 in 128).
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        try (LogCapture log = LogCapture.install()) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                Socket socket = open(targets.get(i % targets.size()), random.between(0, 1) == 1);
                assertTrue(head(socket).startsWith("HTTP/1.1 200"));
                sockets.add(socket);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("obrestore_watch_subscribers") >= streams);
            // Reset them at random moments over a few heartbeats (every 300 ms in this profile).
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (!sockets.isEmpty()) {
                Socket socket = sockets.remove(random.between(0, sockets.size() - 1));
                if (random.between(0, 1) == 1) {
                    socket.getInputStream().read(new byte[random.between(1, 512)]);
                }
                socket.setSoLinger(true, 0);
                socket.close();
                long left = until - System.nanoTime();
                if (left > 0 && !sockets.isEmpty()) {
                    Thread.sleep(Math.max(0, left / 1_000_000 / (sockets.size() + 1)));
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("obrestore_watch_subscribers") == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.value("obrestore_watch_tenants") == 0);
            // A leak is reported when a later allocation finds the collected buffer: collect, then allocate.
            System.gc();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                http.send(HttpRequest.newBuilder(root.toURI().resolve("/api/v1/info")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            String text = log.text();
            for (String sign : List.of("LEAK", "refCnt", "IllegalReferenceCount", "impossible to send",
                    "Exception in SSE", "ERROR")) {
                assertEquals(0, log.count(sign), sign + " in the log:\n" + text);
            }
        } finally {
            ResourceLeakDetector.setLevel(leakLevel);
        }
    }
}
