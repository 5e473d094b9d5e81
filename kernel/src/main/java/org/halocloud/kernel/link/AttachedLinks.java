package org.halocloud.kernel.link;

import java.util.UUID;

/**
 * One way Links are attached to this node — standalone Links over their WebSocket ({@link RemoteLinks}), the
 * embedded product's Link in this process — which {@link LinkRouter} asks in turn for a site's query.
 */
public interface AttachedLinks extends LinkTransport {

    /** A Link attached this way serves the database now. */
    boolean serves(UUID haloGuid);
}
