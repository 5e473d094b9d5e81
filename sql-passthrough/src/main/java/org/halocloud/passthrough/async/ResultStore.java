package org.halocloud.passthrough.async;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where async results live between the query and the integrator's fetch. Pages arrive already encrypted (AES-GCM,
 * bound to their query and page number), so a store never sees a row in clear. The embedded default keeps files
 * under {@code <halo.data-dir>/results/}; production would plug in object storage (with a lifecycle rule as a second
 * line of expiry).
 */
public interface ResultStore {

    /** Stores one sealed page (replacing it if present). */
    void put(UUID queryId, int pageNumber, byte[] sealedPage) throws IOException;

    /** A sealed page, or empty when it is not (or no longer) stored. */
    Optional<byte[]> get(UUID queryId, int pageNumber) throws IOException;

    /** Deletes every page of a query; nothing happens when there are none. */
    void delete(UUID queryId) throws IOException;

    /** Queries whose newest page was stored before the instant: results to sweep, including orphans. */
    List<UUID> listExpired(Instant storedBefore) throws IOException;
}
