package io.obrestore.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark harnesses read about the service process (from /proc) and about latency samples. */
final class Measures {

    private Measures() {
    }

    /** CPU time (user + system) the process has used so far. */
    static long cpuNanos(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime + stime
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    /** Resident set size in MB. */
    static long rssMb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0);
    }

    /** The {@code p} quantile (0-1) of sorted microsecond latencies, in milliseconds; 0 when there are none. */
    static double percentileMillis(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int at = (int) Math.min(sortedMicros.length - 1, Math.max(0, Math.ceil(p * sortedMicros.length) - 1));
        return sortedMicros[at] / 1000.0;
    }
}
