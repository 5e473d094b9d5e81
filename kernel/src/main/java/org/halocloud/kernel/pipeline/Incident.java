package org.halocloud.kernel.pipeline;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure, answered the same way by both APIs: one log line with an incident id, what failed, the
 * exception's class and the frame that threw it — never its message, which may quote SQL, bind values or patient
 * data — and a generic message for the client that quotes the id.
 */
public record Incident(String id) {

    private static final Logger log = LoggerFactory.getLogger(Incident.class);

    /**
     * Logs a new incident.
     *
     * @param what what failed, in ids only (e.g. "async query 6b1e…"), never data
     */
    public static Incident of(String what, Throwable thrown) {
        Incident incident = new Incident(UUID.randomUUID().toString());
        StackTraceElement[] frames = thrown.getStackTrace();
        log.error("incident {}: {} failed with {} at {}", incident.id, what, thrown.getClass().getName(),
                frames.length > 0 ? frames[0] : "?");
        return incident;
    }

    /** What the client is told. */
    public String message() {
        return "Internal error; quote incident " + id + " to support.";
    }
}
