package io.obrestore.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** OceanBase's names of log-stream steps and error codes, and how replicas are counted as log streams. */
@Tag("fast")
class LogStreamTest {

    private static LogStream replica(long ls, String server, int status) {
        return new LogStream(ls, server, "", 0, LogStreamStatus.name(status), status, status == 0,
                LogStreamStatus.failed(status), 0, 0, 0, 0, 0, null, null, 0, "", "", "", "");
    }

    @Test
    void stepsAreNamedAsOceanBaseNamesThemAndUnknownOnesAsTheirNumber() {
        assertEquals("NONE", LogStreamStatus.name(0));
        assertEquals("RESTORE_START", LogStreamStatus.name(1));
        assertEquals("WAIT_RESTORE_TO_CONSISTENT_SCN", LogStreamStatus.name(7));
        assertEquals("QUICK_RESTORE_FINISH", LogStreamStatus.name(10));
        assertEquals("RESTORE_FAILED", LogStreamStatus.name(13));
        assertEquals("CLONE_FAILED", LogStreamStatus.name(105));
        assertEquals("14", LogStreamStatus.name(14));
        assertEquals("255", LogStreamStatus.name(255), "LS_RESTORE_STATUS_MAX has no name in OceanBase either");
        assertEquals("-1", LogStreamStatus.name(-1));
        assertTrue(LogStreamStatus.failed(13));
        assertTrue(LogStreamStatus.failed(105));
        assertFalse(LogStreamStatus.failed(12));
    }

    @Test
    void errorCodesAreNamedAsInObErrnoAndUnknownOnesAsTheirNumber() {
        assertEquals("", OceanBaseErrors.name(0));
        assertEquals("OB_ERR_UNEXPECTED", OceanBaseErrors.name(-4016));
        assertEquals("OB_TIMEOUT", OceanBaseErrors.name(-4012));
        assertEquals("OB_BACKUP_FILE_NOT_EXIST", OceanBaseErrors.name(-9011));
        assertEquals("OB_CANNOT_ACCESS_BACKUP_SET", OceanBaseErrors.name(-9147));
        assertEquals("-4999", OceanBaseErrors.name(-4999));
    }

    @Test
    void aLogStreamIsDoneWhenEveryReplicaIsAndFailedWhenOneReplicaIs() {
        LogStreamSummary summary = LogStreamSummary.of(List.of(
                replica(1, "a:1", 0), replica(1, "b:1", 0), replica(1, "c:1", 0),
                replica(1001, "a:1", 0), replica(1001, "b:1", 12),
                replica(1002, "a:1", 11), replica(1002, "c:1", 13), replica(1003, "b:1", 13)));
        assertEquals(4, summary.logStreams());
        assertEquals(1, summary.done(), "1001 waits for one replica");
        assertEquals(2, summary.failed());
        assertEquals(8, summary.replicas());
        assertEquals(List.of("b:1", "c:1"), summary.failedOn());
    }

    @Test
    void failedReplicasComeFirstThenTheSlowest() {
        LogStream failed = replica(9, "z:1", 13);
        LogStream early = replica(5, "a:1", 2);
        LogStream late = replica(1, "a:1", 12);
        LogStream done = replica(1, "b:1", 0);
        assertEquals(List.of(failed, early, late, done), List.of(done, late, failed, early).stream()
                .sorted(LogStream.FAILED_AND_SLOWEST_FIRST).toList());
    }
}
