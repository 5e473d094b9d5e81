package org.halocloud.passthrough.link;

import java.util.Optional;
import java.util.UUID;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.passthrough.state.PmsDatabases;

/**
 * The transport the pipeline uses: a site's query goes to the standalone Link connected for it, else to the
 * in-process Link (the embedded demo); a site whose Link is connected nowhere is offline (503).
 */
public class LinkRouter implements LinkTransport {

    private final RemoteLinks remote;
    private final InProcessTransport inProcess;
    private final PmsDatabases databases;

    public LinkRouter(RemoteLinks remote, InProcessTransport inProcess, PmsDatabases databases) {
        this.remote = remote;
        this.inProcess = inProcess;
        this.databases = databases;
    }

    @Override
    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        if (remote.serves(query.haloGuid())) {
            return remote.run(query, sink);
        }
        if (inProcess.serves(query.haloGuid())) {
            return inProcess.run(query, sink);
        }
        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The site's Halo Link is offline.");
    }

    /** Online with its last heartbeat, or offline with the last time its Link was heard from. */
    @Override
    public Optional<LinkStatus> status(UUID haloGuid) {
        return remote.status(haloGuid)
                .or(() -> inProcess.status(haloGuid))
                .or(() -> databases.find(haloGuid).flatMap(d -> databases.link(d.linkId()))
                        .map(l -> new LinkStatus(l.version(), false,
                                l.lastHeardAt() == null ? null : l.lastHeardAt().toInstant(), 0, 0)));
    }
}
