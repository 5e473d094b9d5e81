package org.halocloud.passthrough.query;

import org.halocloud.link.QueryCommand;

/**
 * The body of an immediate (and later async) query, in Halo's shape.
 *
 * @param maxTimeInQueue milliseconds the query may wait for the Link (immediate: default 30 000, at most 60 000)
 * @param catalogue      which of the practice's databases (Zedmed's pair); the default one when absent
 */
public record QueryRequest(Long maxTimeInQueue, String catalogue, QueryCommand command) {
}
