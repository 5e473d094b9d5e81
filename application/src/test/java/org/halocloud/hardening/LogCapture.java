package org.halocloud.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Everything the application logs while it is open, at every level: an appender on the root logger (all levels
 * switched on, including Tomcat's, which logs through java.util.logging and reaches Logback over the JUL bridge).
 * Each event is kept with its logger, level, message, arguments, key-value pairs, MDC and full stack trace.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> JUL_LOGGERS = List.of("org.apache", "jakarta", "ca.uhn", "org.springframework");

    private final List<String> lines = new ArrayList<>();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level rootLevel = root.getLevel();
    private final Map<String, Level> levels = new HashMap<>();
    private final Map<String, java.util.logging.Level> julLevels = new HashMap<>();
    /** Strong references: JUL keeps loggers weakly, and a collected logger loses its level. */
    private final List<java.util.logging.Logger> jul = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                    .append(' ').append(event.getThreadName()).append(": ").append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> line.append(" | ").append(kv.key).append('=').append(kv.value));
            }
            event.getMDCPropertyMap().forEach((k, v) -> line.append(" | ").append(k).append('=').append(v));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            synchronized (lines) {
                lines.add(line.toString());
            }
        }
    };

    LogCapture() {
        appender.setContext(context);
        appender.setName("hostile-input-capture");
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.ALL);
        // loggers configured more quietly than the root (H2, HAPI's exception interceptor): everything, while open
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null && logger != root) {
                levels.put(logger.getName(), logger.getLevel());
                logger.setLevel(Level.ALL);
            }
        }
        // the test's own HTTP client logs the URLs it sends: that is the test talking, not the server
        quiet("jdk.internal.httpclient");
        quiet("jdk.event.security");
        for (String name : JUL_LOGGERS) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            julLevels.put(name, logger.getLevel());
            logger.setLevel(java.util.logging.Level.ALL);
            jul.add(logger);
        }
    }

    private void quiet(String name) {
        Logger logger = context.getLogger(name);
        levels.put(name, logger.getLevel());
        logger.setLevel(Level.INFO);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The captured lines holding the value, for a failure message. */
    List<String> linesWith(String value) {
        return lines().stream().filter(l -> l.contains(value)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        julLevels.forEach((name, level) -> java.util.logging.Logger.getLogger(name).setLevel(level));
    }
}
