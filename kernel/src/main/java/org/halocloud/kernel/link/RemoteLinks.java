package org.halocloud.kernel.link;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.link.protocol.LinkCodec;
import org.halocloud.link.protocol.LinkMessage;
import org.halocloud.pms.PmsDescriptor;
import org.halocloud.pms.Pmss;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * The cloud's side of standalone Links: each connects outbound over one WebSocket ({@link LinkEndpoint}), announces
 * its databases (and gets their Halo GUIDs), and answers the queries sent to it with batches of rows. A database is
 * served (online) from the Link's first heartbeat that reports it, which carries the practice's enablement, so no
 * query is refused for want of it. A query's
 * rows are handed to its waiting caller through a small bounded queue, so a slow caller slows the Link (TCP
 * backpressure) instead of filling the cloud's memory. A Link that drops fails its running queries at once; one
 * that falls silent is closed after {@code halo.link.heartbeat-timeout}.
 */
public class RemoteLinks extends AbstractWebSocketHandler implements AttachedLinks {

    static final String LINK_ID = "halo.linkId";

    private static final Logger log = LoggerFactory.getLogger(RemoteLinks.class);
    /** A message larger than this is refused (the Link sends rows in batches of ~64 KB; one huge row may be more). */
    private static final int MAX_MESSAGE_CHARS = 32 * 1024 * 1024;
    /** Beyond the Link's own limits, how long the cloud waits before it gives up on a query. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final LinkMessage.Failed DISCONNECTED = new LinkMessage.Failed(null, LinkFailure.Kind.UNAVAILABLE, 0, null,
            "The site's Halo Link disconnected during the query.");

    private final PmsDatabases databases;
    private final Duration heartbeatTimeout;
    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();
    private final Map<UUID, Connection> byDatabase = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RemoteLinks(PmsDatabases databases, Duration heartbeatTimeout) {
        this.databases = databases;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    /** One connected Link. */
    private static final class Connection {
        final WebSocketSession session;
        final UUID linkId;
        final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
        final Set<UUID> guids = ConcurrentHashMap.newKeySet();
        final StringBuilder partial = new StringBuilder();
        final Map<UUID, Boolean> reachable = new ConcurrentHashMap<>();
        volatile Instant lastHeard = Instant.now();
        volatile String version;
        volatile int running;
        volatile int waiting;

        Connection(WebSocketSession session, UUID linkId) {
            this.session = session;
            this.linkId = linkId;
        }

        /** Spring's session allows one sender at a time. */
        synchronized void send(LinkMessage message) throws IOException {
            session.sendMessage(new TextMessage(LinkCodec.write(message)));
        }
    }

    /** A query waiting for its messages. */
    private static final class Pending {
        final BlockingQueue<LinkMessage> messages = new ArrayBlockingQueue<>(32);
        volatile boolean abandoned;
    }

    @Override
    public boolean serves(UUID haloGuid) {
        return byDatabase.containsKey(haloGuid);
    }

    @Override
    public Set<UUID> served() {
        return Set.copyOf(byDatabase.keySet());
    }

    @Override
    public void watch(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean supportsPartialMessages() {
        return true; // a batch of rows may exceed the container's buffer: assemble it here, only as large as it is
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        UUID linkId = (UUID) session.getAttributes().get(LINK_ID);
        bySession.put(session.getId(), new Connection(session, linkId));
        log.info("Link {} connected", linkId);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        Connection connection = bySession.get(session.getId());
        if (connection == null) {
            return;
        }
        connection.partial.append(message.getPayload());
        if (connection.partial.length() > MAX_MESSAGE_CHARS) {
            log.warn("Link {} sent a message over {} characters; closing", connection.linkId, MAX_MESSAGE_CHARS);
            connection.partial.setLength(0);
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (!message.isLast()) {
            return;
        }
        String text = connection.partial.toString();
        connection.partial.setLength(0);
        LinkMessage received;
        try {
            received = LinkCodec.read(text);
        } catch (RuntimeException e) {
            log.warn("Link {} sent an unreadable message; closing", connection.linkId);
            session.close(CloseStatus.BAD_DATA);
            return;
        }
        if (received instanceof LinkMessage.Hello hello) {
            hello(connection, hello);
        } else if (received instanceof LinkMessage.Heartbeat heartbeat) {
            heartbeat(connection, heartbeat);
        } else if (received instanceof LinkMessage.Columns columns) {
            deliver(connection, columns.queryId(), received);
        } else if (received instanceof LinkMessage.Rows rows) {
            deliver(connection, rows.queryId(), received);
        } else if (received instanceof LinkMessage.Done done) {
            deliver(connection, done.queryId(), received);
        } else if (received instanceof LinkMessage.Failed failed) {
            deliver(connection, failed.queryId(), received);
        } else {
            log.warn("Link {} sent an unexpected {}", connection.linkId, received.getClass().getSimpleName());
        }
    }

    private void hello(Connection connection, LinkMessage.Hello hello) throws IOException {
        connection.version = hello.version();
        List<LinkMessage.AssignedDatabase> assigned = new ArrayList<>();
        for (LinkMessage.AnnouncedDatabase announced : hello.databases()) {
            PmsDescriptor pms;
            try {
                pms = Pmss.byId(announced.pms());
            } catch (IllegalArgumentException e) {
                log.warn("Link {} announced database {} of an unknown PMS; not served", connection.linkId, announced.key());
                continue;
            }
            List<PmsDatabase.Catalogue> catalogues = new ArrayList<>();
            for (int i = 0; i < announced.catalogues().size(); i++) {
                catalogues.add(new PmsDatabase.Catalogue(announced.catalogues().get(i), i == 0));
            }
            PmsDatabase database = databases.announce(connection.linkId, announced.key(), pms, announced.pmsId(),
                    announced.practiceName(), announced.pmsVersion(), catalogues);
            assigned.add(new LinkMessage.AssignedDatabase(announced.key(), database.haloGuid()));
            connection.guids.add(database.haloGuid()); // served once a heartbeat reports it (and its enablement)
        }
        databases.heardFrom(connection.linkId, hello.version());
        connection.send(new LinkMessage.Welcome(connection.linkId, assigned));
        log.info("Link {} serves {} database(s)", connection.linkId, assigned.size());
    }

    private void heartbeat(Connection connection, LinkMessage.Heartbeat heartbeat) {
        connection.lastHeard = Instant.now();
        connection.version = heartbeat.version();
        connection.running = heartbeat.running();
        connection.waiting = heartbeat.waiting();
        databases.heardFrom(connection.linkId, heartbeat.version());
        for (LinkMessage.DatabaseHealth health : heartbeat.databases()) {
            if (!connection.guids.contains(health.haloGuid())) {
                continue;
            }
            connection.reachable.put(health.haloGuid(), health.reachable());
            if (health.enabledLogins() != null) {
                databases.reportEnabledLogins(health.haloGuid(), health.enabledLogins());
            }
            // online from the first report on; a Link that reconnected replaces its old connection
            if (byDatabase.put(health.haloGuid(), connection) == null) {
                listeners.forEach(l -> l.attached(health.haloGuid()));
            }
        }
    }

    private void deliver(Connection connection, UUID queryId, LinkMessage message) throws InterruptedException {
        Pending pending = queryId == null ? null : connection.pending.get(queryId);
        if (pending == null) {
            return; // its caller gave up and cancelled it
        }
        while (!pending.abandoned && !pending.messages.offer(message, 1, TimeUnit.SECONDS)) {
            // the caller is slower than the Link: holding this thread holds the Link back
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
        log.info("Link connection failed: {}", exception.getClass().getSimpleName());
        session.close(CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = bySession.remove(session.getId());
        if (connection == null) {
            return;
        }
        connection.guids.forEach(guid -> {
            if (byDatabase.remove(guid, connection)) {
                listeners.forEach(l -> l.detached(guid));
            }
        });
        connection.pending.values().forEach(p -> {
            p.messages.clear();
            p.messages.offer(DISCONNECTED);
        });
        log.info("Link {} disconnected ({})", connection.linkId, status.getCode());
    }

    /** Closes every connection of a Link (its credential was revoked): its sites go offline at once. */
    public void disconnect(UUID linkId) {
        for (Connection connection : bySession.values()) {
            if (connection.linkId.equals(linkId)) {
                try {
                    connection.session.close(CloseStatus.POLICY_VIOLATION.withReason("credential revoked"));
                } catch (IOException e) {
                    afterConnectionClosed(connection.session, CloseStatus.POLICY_VIOLATION);
                }
            }
        }
    }

    /** A Link that stopped sending heartbeats (a half-open connection) is closed, failing its queries. */
    @Scheduled(fixedDelayString = "${halo.link.heartbeat-check:5s}")
    public void closeSilentLinks() {
        Instant oldest = Instant.now().minus(heartbeatTimeout);
        for (Connection connection : bySession.values()) {
            if (connection.lastHeard.isBefore(oldest)) {
                log.warn("Link {} silent since {}; closing", connection.linkId, connection.lastHeard);
                try {
                    connection.session.close(CloseStatus.SESSION_NOT_RELIABLE);
                } catch (IOException e) {
                    afterConnectionClosed(connection.session, CloseStatus.SESSION_NOT_RELIABLE);
                }
            }
        }
    }

    @Override
    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        Connection connection = byDatabase.get(query.haloGuid());
        if (connection == null) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The site's Halo Link is offline.");
        }
        UUID queryId = UUID.randomUUID();
        Pending pending = new Pending();
        connection.pending.put(queryId, pending);
        boolean finished = false;
        try {
            connection.send(new LinkMessage.Query(queryId, query.haloGuid(), query.catalogue(),
                    query.credentials().user(), query.credentials().password(), query.command(),
                    query.timeout().toMillis(), query.maxTimeInQueue().toMillis(), query.priority()));
            long deadline = System.nanoTime() + query.maxTimeInQueue().plus(query.timeout()).plus(GRACE).toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LinkFailure(LinkFailure.Kind.TIMEOUT, 0, "The query exceeded the execution limit of "
                            + query.timeout().toSeconds() + " s and was cancelled.");
                }
                LinkMessage message = pending.messages.poll(left, TimeUnit.NANOSECONDS);
                if (message instanceof LinkMessage.Columns columns) {
                    sink.columns(columns.names());
                } else if (message instanceof LinkMessage.Rows rows) {
                    for (Object[] row : rows.rows()) {
                        sink.row(row);
                    }
                } else if (message instanceof LinkMessage.Done done) {
                    finished = true;
                    return new LinkResult(done.rows(), done.rowsAffected(),
                            done.parameters() == null ? List.of() : done.parameters(),
                            Duration.ofNanos(done.sqlExecutionMicros() * 1000));
                } else if (message instanceof LinkMessage.Failed failed) {
                    finished = true;
                    throw failed.failure();
                }
            }
        } catch (IOException e) {
            finished = true; // nothing reached the Link
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The site's Halo Link could not be reached.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "Interrupted while waiting for the Halo Link.");
        } finally {
            pending.abandoned = true;
            connection.pending.remove(queryId);
            if (!finished) {
                cancel(connection, queryId); // the sink refused more rows, or the cloud gave up: stop the Link too
            }
        }
    }

    private static void cancel(Connection connection, UUID queryId) {
        try {
            connection.send(new LinkMessage.Cancel(queryId));
        } catch (IOException | RuntimeException e) {
            log.debug("cancel not sent: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<LinkStatus> status(UUID haloGuid) {
        return Optional.ofNullable(byDatabase.get(haloGuid))
                .map(c -> new LinkStatus(c.version, c.reachable.getOrDefault(haloGuid, true), c.lastHeard, c.running,
                        c.waiting));
    }
}
