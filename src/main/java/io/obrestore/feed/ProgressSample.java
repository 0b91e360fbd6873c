package io.obrestore.feed;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One poll's counters of a running job, sent as a compact array {@code [epochMillis, finishBytes, finishTablets]}.
 *
 * @param time when it was polled, Unix milliseconds
 * @param bytes FINISH_BYTES
 * @param tablets FINISH_TABLET_COUNT
 */
@RegisterForReflection
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record ProgressSample(long time, long bytes, long tablets) {
}
