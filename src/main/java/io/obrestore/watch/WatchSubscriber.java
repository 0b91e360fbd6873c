package io.obrestore.watch;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;

/**
 * One open stream. At most one event is being written and at most one waits: a newer state replaces the waiting
 * one, so a consumer that does not read costs two events of memory, never a growing queue, and always gets the
 * latest state once it reads again.
 */
final class WatchSubscriber {

    private final SseEventSink sink;
    private final Runnable onClosed;

    // Guarded by this. Events are offered from the poller's event loop; write completions arrive on the stream's.
    private boolean writing;
    private OutboundSseEvent waiting;
    private boolean closeWhenDrained;
    private boolean closed;
    private long dropped;

    WatchSubscriber(SseEventSink sink, Runnable onClosed) {
        this.sink = sink;
        this.onClosed = onClosed;
    }

    /** Queues {@code event}, replacing an older one that has not been written yet. */
    void offer(OutboundSseEvent event) {
        synchronized (this) {
            if (closed || closeWhenDrained) {
                return;
            }
            if (writing) {
                if (waiting != null) {
                    dropped++;
                }
                waiting = event;
                return;
            }
            writing = true;
        }
        write(event);
    }

    /** A keep-alive comment; skipped while an event is in flight, which proves the connection busy anyway. */
    void heartbeat(OutboundSseEvent comment) {
        synchronized (this) {
            if (closed || closeWhenDrained || writing) {
                return;
            }
            writing = true;
        }
        write(comment);
    }

    /** Sends {@code last} after what is already in flight (a waiting state is superseded by it), then closes. */
    void finish(OutboundSseEvent last) {
        synchronized (this) {
            if (closed || closeWhenDrained) {
                return;
            }
            closeWhenDrained = true;
            if (writing) {
                waiting = last;
                return;
            }
            writing = true;
        }
        write(last);
    }

    /** States that were replaced before the consumer read them. */
    synchronized long dropped() {
        return dropped;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void write(OutboundSseEvent event) {
        CompletionStage<?> sent;
        try {
            sent = sink.send(event);
        } catch (IllegalStateException alreadyClosed) {
            close();
            return;
        }
        sent.whenComplete((ignored, failure) -> {
            OutboundSseEvent next;
            boolean end;
            synchronized (this) {
                next = failure == null ? waiting : null;
                waiting = null;
                writing = next != null;
                end = failure != null || (next == null && closeWhenDrained);
            }
            if (next != null) {
                write(next);
            } else if (end) {
                close();
            }
        });
    }

    /** Closes the stream (idempotent) and tells the poller once. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            waiting = null;
        }
        try {
            sink.close();
        } finally {
            onClosed.run();
        }
    }
}
