package io.obrestore.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * MariaDB's server-wide status counters ({@code Questions}: executed statements, COM_QUERY and COM_STMT_EXECUTE, but
 * not the protocol's PREPARE/CLOSE), corrected for the SHOW statements that read them.
 */
public final class StatementCounter implements AutoCloseable {

    private final Connection admin;
    private final Statement statement;
    private final long overhead;

    public StatementCounter() throws SQLException {
        admin = TestDatabase.admin();
        statement = admin.createStatement();
        // Each SHOW is itself one question: measure that overhead instead of assuming it.
        overhead = read() - read();
    }

    /** Statements executed by others since the counter reading {@code before} (the readings' own cost removed). */
    public long since(long before) throws SQLException {
        return read() - before + overhead;
    }

    /** The raw {@code Questions} counter. */
    public long read() throws SQLException {
        return read("Questions");
    }

    /** Any global status counter, e.g. {@code Com_stmt_execute}; each reading is one question itself. */
    public long read(String counter) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE '" + counter + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /**
     * Statements per poll of the running-restores feed, and per second, over the next 20 polls (read from the
     * service's own poll counter); a poll straddling either end of the window makes it off by at most one.
     */
    public double[] perPoll() throws Exception {
        double pollsBefore = Metrics.value("obrestore_watch_polls_total");
        long before = read();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(() -> Metrics.value("obrestore_watch_polls_total") >= pollsBefore + 20);
        long executed = since(before);
        double seconds = (System.nanoTime() - started) / 1e9;
        double polls = Metrics.value("obrestore_watch_polls_total") - pollsBefore;
        return new double[] {executed / polls, executed / seconds};
    }

    @Override
    public void close() throws SQLException {
        admin.close();
    }
}
