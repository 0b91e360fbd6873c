package io.obrestore.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection flood as a process of its own (a process holds at most 20 000 open files here, so a larger flood
 * takes several): opens {@code count} connections to {@code 127.0.0.1:port} from source addresses {@code prefix.N},
 * holds them for {@code seconds} and closes them. {@code idle} connections send nothing; {@code slow} ones send a
 * request head one byte every few seconds (slow loris) and never finish it; {@code reopen} ones are slow and, each
 * second, every connection the server closed is opened again. A full address ({@code 127.0.2.1}) as the prefix makes
 * every connection come from that one host. Prints what it managed; stops by itself.
 *
 * <pre>java -cp ... io.obrestore.support.ConnectionFlood PORT COUNT SECONDS idle|slow|reopen 127.0.2</pre>
 */
public final class ConnectionFlood {

    private ConnectionFlood() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        long holdMillis = Long.parseLong(args[2]) * 1000;
        boolean reopen = args[3].equals("reopen");
        boolean slow = reopen || args[3].equals("slow");
        String prefix = args[4];
        boolean oneHost = prefix.chars().filter(c -> c == '.').count() == 3;
        List<Socket> sockets = new ArrayList<>(count);
        int failed = 0;
        for (int i = 0; i < count; i++) {
            Socket socket = open(port, oneHost ? prefix : prefix + "." + (1 + i % 250), slow);
            if (socket == null) {
                failed++;
            } else {
                sockets.add(socket);
            }
        }
        System.out.println("HOLDING " + sockets.size() + " failed " + failed);
        System.out.flush();
        long end = System.currentTimeMillis() + holdMillis;
        int closedByServer = 0;
        long reopened = 0;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(reopen ? 1_000 : 3_000, Math.max(1, end - System.currentTimeMillis())));
            if (slow) {
                for (int i = 0; i < sockets.size(); i++) {
                    Socket socket = sockets.get(i);
                    try {
                        socket.getOutputStream().write('a');
                    } catch (IOException closed) {
                        closedByServer++;
                        if (reopen) {
                            String source = socket.getLocalAddress().getHostAddress();
                            socket.close();
                            Socket again = open(port, source, true);
                            if (again != null) {
                                sockets.set(i, again);
                                reopened++;
                            }
                        }
                    }
                }
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        System.out.println("DONE held " + sockets.size() + " failed " + failed + " slow-writes-failed " + closedByServer
                + " reopened " + reopened);
    }

    /** A connection from {@code source}, its request head begun when {@code slow}; null when it failed. */
    private static Socket open(int port, String source, boolean slow) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            if (slow) {
                socket.getOutputStream().write("GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-Slow: "
                        .getBytes(StandardCharsets.US_ASCII));
            }
            return socket;
        } catch (IOException e) {
            socket.close();
            return null;
        }
    }
}
