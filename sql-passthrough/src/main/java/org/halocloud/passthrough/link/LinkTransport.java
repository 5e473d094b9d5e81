package org.halocloud.passthrough.link;

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
     * @param lastHeartbeat when the Link was last heard from (null if never)
     */
    record LinkStatus(String version, boolean online, Instant lastHeartbeat) {
    }
}
