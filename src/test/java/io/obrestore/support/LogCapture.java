package io.obrestore.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures everything the service logs (in the test JVM), with stack traces, while it is installed. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");

    private LogCapture() {
    }

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " ");
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (params != null && message != null) {
            try {
                message = String.format(message, params);
            } catch (RuntimeException notPrintfStyle) {
                message = java.text.MessageFormat.format(message, params);
            }
        }
        line.append(message);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    /** Everything captured so far. */
    public String text() {
        return String.join("\n", lines);
    }

    public int count(String fragment) {
        return (int) lines.stream().filter(l -> l.contains(fragment)).count();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
