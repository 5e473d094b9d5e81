package org.halocloud.passthrough.link;

import java.util.Optional;
import java.util.UUID;

/**
 * The seam between the cloud and the Halo Links. In the embedded product the Link runs in-process; a remote
 * transport (Links connecting outbound) plugs in here without changing either API.
 */
public interface LinkTransport {

    /** Runs a query on the Link serving its database, streaming rows to the sink as they arrive. */
    LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure;

    /** The Link serving a database, if it is connected now. */
    Optional<LinkStatus> status(UUID haloGuid);

    /** @param version the Halo Link version */
    record LinkStatus(String version, boolean online) {
    }
}
