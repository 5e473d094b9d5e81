package org.halocloud.kernel.link;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.state.PmsDatabases;

/**
 * The transport the pipeline uses: a site's query goes to the first attachment whose Link serves it (standalone
 * Links before the embedded one); a site whose Link is attached nowhere is offline (503).
 */
public class LinkRouter implements LinkTransport {

    private final List<AttachedLinks> attached;
    private final PmsDatabases databases;

    /** @param attached in the order they are asked */
    public LinkRouter(List<AttachedLinks> attached, PmsDatabases databases) {
        this.attached = List.copyOf(attached);
        this.databases = databases;
    }

    @Override
    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        for (AttachedLinks links : attached) {
            if (links.serves(query.haloGuid())) {
                return links.run(query, sink);
            }
        }
        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The site's Halo Link is offline.");
    }

    /** Online with its last heartbeat, or offline with the last time its Link was heard from. */
    @Override
    public Optional<LinkStatus> status(UUID haloGuid) {
        return attached.stream().map(links -> links.status(haloGuid)).flatMap(Optional::stream).findFirst()
                .or(() -> databases.find(haloGuid).flatMap(d -> databases.link(d.linkId()))
                        .map(l -> new LinkStatus(l.version(), false,
                                l.lastHeardAt() == null ? null : l.lastHeardAt().toInstant(), 0, 0)));
    }
}
