package org.halocloud.kernel.link;

import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The seam between the cloud and the Halo Links. In the embedded product the Link runs in-process; standalone
 * Links connect outbound ({@link RemoteLinks}); {@link LinkRouter} sends each query to whichever serves its site.
 */
public interface LinkTransport {

    /** Runs a query on the Link serving its database, streaming rows to the sink as they arrive. */
    LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure;

    /** The Link serving a database, if it is connected now. */
    Optional<LinkStatus> status(UUID haloGuid);

    /**
     * @param version       the Halo Link version
     * @param online        the Link is connected and, at its last report, could reach the database
     * @param lastHeartbeat when the Link was last heard from (null if never)
     * @param running       queries the Link was running at its last report
     * @param waiting       queries waiting there for a free slot (its queue depth)
     */
    record LinkStatus(String version, boolean online, Instant lastHeartbeat, int running, int waiting) {
    }
}
