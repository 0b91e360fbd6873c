package io.obrestore.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.obrestore.config.ServiceConfig;
import java.lang.reflect.Proxy;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How the database session's zone is read from {@code @@time_zone} and the server's offset to UTC. */
@Tag("fast")
class ClusterZoneTest {

    @Test
    void aNamedZoneOrOffsetIsTakenAsItIs() {
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("+08:00", "08:00:00"));
        assertEquals(ZoneId.of("Asia/Shanghai"), ClusterZone.zoneOf("Asia/Shanghai", "08:00:00"));
        assertEquals(ZoneOffset.ofHoursMinutes(-3, -30), ClusterZone.zoneOf("-03:30", "-03:30:00"));
    }

    @Test
    void systemOrAnAbbreviationFallsBackToTheServersOffset() {
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("SYSTEM", "08:00:00"));
        assertEquals(ZoneOffset.UTC, ClusterZone.zoneOf("SYSTEM", "00:00:00"));
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), ClusterZone.zoneOf("system", "-05:30:00"));
        // CST names China, US Central and Cuba standard time: the offset decides.
        assertEquals(ZoneOffset.ofHours(8), ClusterZone.zoneOf("CST", "08:00:00"));
    }

    /** Many connections reading the zone at the same moment: the zone is taken (and logged) once, then on a change. */
    @Test
    void connectionsReadingAtOnceRememberTheZoneOnce() throws Exception {
        ServiceConfig unset = (ServiceConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("zone")) {
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        for (int round = 0; round < 50; round++) {
            ClusterZone zone = new ClusterZone(unset);
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Boolean>> changed = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                changed.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return zone.remember(ZoneOffset.ofHours(8));
                }));
            }
            int logged = 0;
            for (Future<Boolean> future : changed) {
                logged += future.get(5, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, logged, "round " + round);
            assertEquals(ZoneOffset.ofHours(8), zone.current());
            assertEquals(true, zone.remember(ZoneOffset.ofHours(9)), "a changed zone is logged again");
        }
    }
}
