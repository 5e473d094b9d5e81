package org.halocloud.kernel.link;

import java.util.Set;
import java.util.UUID;

/**
 * One way Links are attached to this node — standalone Links over their WebSocket ({@link RemoteLinks}), the
 * embedded product's Link in this process — which {@link LinkRouter} asks in turn for a site's query.
 */
public interface AttachedLinks extends LinkTransport {

    /** A Link attached this way serves the database now. */
    boolean serves(UUID haloGuid);

    /** The databases Links attached this way serve now. */
    Set<UUID> served();

    /**
     * Tells the listener, from now on, when a database starts or stops being served this way (so the cluster can
     * announce it to the other nodes). Called from any thread; a listener must not block.
     */
    void watch(Listener listener);

    /** Hears a database attached to or detached from this node. */
    interface Listener {

        void attached(UUID haloGuid);

        void detached(UUID haloGuid);
    }
}
