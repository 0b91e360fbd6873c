package io.obrestore.demo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded MariaDB with OceanBase's restore views (newest shape) and the fixture's restores until killed, for the benchmark scripts:
 * {@code ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.demo.EmbeddedMariaDbMain
 * -Dexec.args="PORT PASSWORD"}. Prints {@code READY} once the service account can connect.
 */
public final class EmbeddedMariaDbMain {

    private EmbeddedMariaDbMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(port, args[1],
                OceanBaseScripts.NEWEST.fromDirectory(Path.of("src/test/resources", OceanBaseScripts.DIRECTORY)));
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "mariadb-stop"));
        System.out.println("READY mysql://127.0.0.1:" + port + " user=" + EmbeddedMariaDb.SERVICE_USER);
        new CountDownLatch(1).await();
    }
}
