package dev.syncline.api.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Turns the given loggers up to DEBUG and records every log event, with its exceptions and stack frames,
 * so that a canary test can prove no secret reaches a log line. {@link #stop()} puts the levels back.
 */
public final class DebugLogs {

    private final List<String> loggers;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, Level> previousLevels = new HashMap<>();

    private DebugLogs(List<String> loggers) {
        this.loggers = List.copyOf(loggers);
    }

    public static DebugLogs capture(List<String> loggers) {
        DebugLogs logs = new DebugLogs(loggers);
        for (String name : logs.loggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logs.previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logs.appender.start();
        root().addAppender(logs.appender);
        return logs;
    }

    public void stop() {
        root().detachAppender(appender);
        previousLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    /** The events so far; the application's threads go on logging, and the appender appends under its own lock. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** One event as text: its message, then each exception's class, message and frames. */
    public static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage()).append('\n');
        for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
            text.append(error.getClassName()).append(": ").append(error.getMessage()).append('\n');
            for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
                text.append(frame.getSTEAsString()).append('\n');
            }
        }
        return text.toString();
    }

    /** Every event so far as text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        events().forEach(event -> text.append(text(event)));
        return text.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
