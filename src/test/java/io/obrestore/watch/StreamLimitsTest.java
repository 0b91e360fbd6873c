package io.obrestore.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.obrestore.support.Json;
import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.Metrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Caps on open streams: per client address and in total, each with its error; a refused stream's connection is closed
 * by the service, so a refused client holds nothing.
 */
@QuarkusTest
@TestProfile(StreamLimitsTest.SmallCaps.class)
@WithTestResource(MariaDbTestResource.class)
class StreamLimitsTest {

    /** Two streams per address, three in all. */
    public static class SmallCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("obrestore.watch.max-streams", "3", "obrestore.watch.max-streams-per-client", "2",
                    "quarkus.http.host", "0.0.0.0");
        }
    }

    @TestHTTPResource("/")
    URL root;

    /** A stream request on a socket of its own from {@code source}, kept open (HTTP/1.1 keep-alive). */
    private Socket open(String source, String target) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), root.getPort()));
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** The status line and headers of the answer on {@code socket}. */
    private static String head(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Reads to the end: the service closed the connection when this returns (else the read times out). */
    private static String rest(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void streamsAreCappedPerAddressAndInTotalAndARefusedOneIsClosed() throws Exception {
        String running = "/api/v1/restore/running/stream";
        List<Socket> held = new ArrayList<>();
        try {
            held.add(open("127.0.0.1", running));
            held.add(open("127.0.0.1", "/api/v1/tenant/rt_running/restore/overview/stream"));
            for (Socket socket : held) {
                assertTrue(head(socket).startsWith("HTTP/1.1 200"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("obrestore_watch_subscribers") == 2);

            try (Socket third = open("127.0.0.1", running)) {
                String head = head(third);
                assertTrue(head.startsWith("HTTP/1.1 429"), head);
                assertTrue(head.toLowerCase().contains("retry-after: 15"), head);
                String body = rest(third);
                assertEquals("Restore.Watch.TooManyClientStreams", errCode(body), body);
            }

            held.add(open("127.0.0.2", running));
            assertTrue(head(held.get(2)).startsWith("HTTP/1.1 200"));
            try (Socket fourth = open("127.0.0.3", running)) {
                String head = head(fourth);
                assertTrue(head.startsWith("HTTP/1.1 503"), head);
                String body = rest(fourth);
                assertEquals("Restore.Watch.TooManyStreams", errCode(body), body);
            }
            assertEquals(3, (int) Metrics.value("obrestore_watch_subscribers"), "refused streams hold no place");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        // Closed streams give their places back.
        await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.value("obrestore_watch_subscribers") == 0);
        try (Socket again = open("127.0.0.3", running)) {
            assertTrue(head(again).startsWith("HTTP/1.1 200"));
        }
    }

    private static String errCode(String body) {
        // The body after the head: chunked or not, the JSON object is in it.
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        assertNotNull(body);
        return Json.parse(body.substring(start, end + 1)).get("error").get("errCode").asText();
    }
}
