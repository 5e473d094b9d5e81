package org.halocloud.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The logging policy: no request value — parameter, header (keys, bearer tokens, Link credentials), path or body —
 * reaches a log line, at any level, on any path. Halo's own code logs ids, statuses and counts only. Framework code
 * (Tomcat, Spring, HAPI) may quote what a client sent in its messages and exceptions (Tomcat's header-parse error
 * quotes the header line; its parameter errors quote the value), so every framework event that arises while a
 * request is being handled is withheld here, before any appender sees it, and replaced by one line that names its
 * logger, level and exception types only.
 *
 * <p>"While a request is handled" is: on a connector thread (Tomcat's {@code http-nio-…} workers, poller and acceptor,
 * or its virtual {@code tomcat-handler-…} threads), or from a logger of the connector's request parsing or the web
 * frameworks' request handling on any thread. One {@link TurboFilter} on the logger context, installed as the
 * application starts and before the connector accepts a request, so no framework error path can bypass it.
 */
public final class RequestDataLogPolicy extends TurboFilter {

    /** The logger of the replacement lines (Halo's own, so the policy does not apply to it again). */
    public static final String LOGGER = "org.halocloud.logging.withheld";

    private static final Pattern REQUEST_THREAD = Pattern.compile("^((https?|ajp|h2c?)-(nio2?|apr)-.*|tomcat-handler-.*)$");
    private static final List<String> REQUEST_LOGGERS = List.of("org.apache.coyote", "org.apache.tomcat.util.http",
            "org.apache.tomcat.util.net", "org.apache.tomcat.websocket", "org.apache.catalina.connector",
            "org.apache.catalina.core.StandardWrapperValve", "org.apache.catalina.core.StandardHostValve",
            "org.apache.catalina.core.ApplicationDispatcher", "org.apache.catalina.valves",
            "org.springframework.web", "org.springframework.http", "org.springframework.boot.web",
            "org.springframework.boot.webmvc", "ca.uhn.fhir.rest");

    private final org.slf4j.Logger withheld = LoggerFactory.getLogger(LOGGER);

    /** Installs the policy on the application's Logback context once; returns it. */
    public static RequestDataLogPolicy install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (TurboFilter filter : context.getTurboFilterList()) {
            if (filter instanceof RequestDataLogPolicy installed) {
                return installed;
            }
        }
        RequestDataLogPolicy policy = new RequestDataLogPolicy();
        policy.setName("halo-request-data-log-policy");
        policy.setContext(context);
        policy.start();
        context.addTurboFilter(policy);
        return policy;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger.getName().startsWith("org.halocloud.")) {
            return FilterReply.NEUTRAL;
        }
        if (format == null && params == null && t == null) {
            return FilterReply.NEUTRAL; // an isEnabled check: the level decides
        }
        if (!appliesTo(logger.getName(), Thread.currentThread().getName())) {
            return FilterReply.NEUTRAL;
        }
        if (level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            withheld.atLevel(org.slf4j.event.Level.intToLevel(Level.toLocationAwareLoggerInteger(level)))
                    .log("{} {} withheld by the log policy (it may quote request data){}", level, logger.getName(),
                            types(t != null ? t : lastThrowable(params)));
        }
        return FilterReply.DENY;
    }

    static boolean appliesTo(String logger, String thread) {
        if (REQUEST_THREAD.matcher(thread).matches()) {
            return true;
        }
        for (String prefix : REQUEST_LOGGERS) {
            if (logger.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }

    /** The exception's type and its causes' — never their messages. */
    private static String types(Throwable t) {
        List<String> types = new ArrayList<>();
        for (Throwable c = t; c != null && types.size() < 6; c = c.getCause() == c ? null : c.getCause()) {
            types.add(c.getClass().getName());
        }
        return types.isEmpty() ? "" : ": " + String.join(" caused by ", types);
    }
}
