package org.halocloud.link;

import java.time.Duration;
import java.util.UUID;

/**
 * One query for a Link: which database and catalogue, as which database user, and within which limits.
 *
 * @param timeout        execution limit at the database
 * @param maxTimeInQueue how long it may wait for the Link to be free
 * @param priority       immediate work (immediate SQL, FHIR) or background work (async queries), which may hold at
 *                       most all but one of the Link's slots
 */
public record LinkQuery(UUID haloGuid, String catalogue, VendorCredentials credentials, QueryCommand command,
                        Duration timeout, Duration maxTimeInQueue, Priority priority) {

    public LinkQuery {
        priority = priority == null ? Priority.IMMEDIATE : priority;
    }

    /** An immediate-priority query. */
    public LinkQuery(UUID haloGuid, String catalogue, VendorCredentials credentials, QueryCommand command,
                     Duration timeout, Duration maxTimeInQueue) {
        this(haloGuid, catalogue, credentials, command, timeout, maxTimeInQueue, Priority.IMMEDIATE);
    }

    public enum Priority {
        /** immediate SQL and FHIR: may use every slot of the Link */
        IMMEDIATE,
        /** async queries: may use at most concurrency - 1 slots, so one is always left for immediate work */
        BACKGROUND
    }
}
