package org.halocloud.passthrough.link;

import java.time.Duration;
import java.util.UUID;
import org.halocloud.passthrough.state.VendorCredentials;

/**
 * One query for a Link: which database and catalogue, as which database user, and within which limits.
 *
 * @param timeout        execution limit at the database
 * @param maxTimeInQueue how long it may wait for the Link to be free
 */
public record LinkQuery(UUID haloGuid, String catalogue, VendorCredentials credentials, QueryCommand command,
                        Duration timeout, Duration maxTimeInQueue) {
}
