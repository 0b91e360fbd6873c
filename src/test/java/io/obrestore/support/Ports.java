package io.obrestore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP ports for what the tests start (the service, MariaDB, Redis, Prometheus): a fresh one per start, never reused
 * within a run, and below Linux's ephemeral range (32768-60999), from which the kernel picks the source ports of
 * outgoing connections. A port chosen there can be taken by any connection between the choice and the bind; below it,
 * only a listener can take it, and the choice checks there is none.
 */
public final class Ports {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port nothing listens on now, not handed out before in this JVM. */
    public static int fresh() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + FIRST + "-" + LAST));
    }

    private static boolean bindable(int port) {
        try (ServerSocket any = new ServerSocket()) {
            any.setReuseAddress(false);
            any.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
