package org.halocloud.kernel.link;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.halocloud.kernel.link.ClusterCodec.Direction;
import org.halocloud.kernel.link.ClusterCodec.Frame;
import org.halocloud.kernel.link.ClusterCodec.Type;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.link.VendorCredentials;
import org.halocloud.link.protocol.LinkMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any node reaches any Link ({@code halo.cluster.broker-url}): the last entry of {@link LinkRouter}, asked for a site
 * no Link attached to this node serves. Every node subscribes, for each site a Link attached to it serves, the
 * site's subject {@code halo.<environment>.link.<haloGuid>} (one queue group, so one node answers) and unsubscribes
 * it when the Link detaches; a query for a site held elsewhere is a NATS request on that subject.
 *
 * <p>A query's exchange ({@link ClusterCodec}: every message sealed under the master key):
 * <ol>
 * <li>requester → site subject, replies to its own inbox: {@code QUERY} (or {@code OPEN} when the command does not
 * fit one message, its {@code QUERY} then sent to the control subject). No subscriber: NATS answers "no responders"
 * at once, and the query fails {@code UNAVAILABLE} — the site is offline (503).</li>
 * <li>serving node → inbox: {@code ACCEPT}, whose reply subject is a control subject of this one query.</li>
 * <li>serving node → inbox: the Link's column names, batches of rows (~64 KB, cut into pieces under the broker's
 * {@code max_payload}) and its result or failure, as they arrive from the node's own attachment — never whole.</li>
 * <li>requester → control subject: {@code ACK} every {@value #ACK_EVERY} messages; the serving node sends at most
 * {@value #WINDOW} unacknowledged messages, so a slow requester slows the Link instead of filling memory or the
 * broker. {@code CANCEL} when the requester stops reading (its sink refused more rows, it timed out, it was
 * interrupted).</li>
 * </ol>
 * Cancel is best effort: the serving node stops at the Link's next row (a statement still executing runs until its
 * own limit). A requester that disappears is noticed too — the serving node's next message to its inbox draws "no
 * responders" on the control subject — as is a requester that stops acknowledging for {@link #ACK_TIMEOUT}. The
 * requester waits at most the query's {@code maxTimeInQueue} + {@code timeout} + {@link #GRACE}, and at most
 * {@link #ACCEPT_TIMEOUT} for the {@code ACCEPT}; a serving node that stops fails its running queries
 * {@code UNAVAILABLE}, and one that vanishes is noticed when its control subject draws "no responders".
 */
public class ClusterLinks implements AttachedLinks, AttachedLinks.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterLinks.class);

    /** The query's id, which the seal of each message is bound to. */
    static final String QUERY_HEADER = "Halo-Query";
    /** {@code status}: a Link status request instead of a query. */
    static final String OP_HEADER = "Halo-Op";
    private static final String QUEUE_GROUP = "halo-nodes";
    /** Beyond the serving node's own wait (the query's limits and its Link transport's grace). */
    static final Duration GRACE = Duration.ofSeconds(10);
    /** How long a requester waits for a subscribed node to take the query. */
    static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a serving node waits for a requester that stopped acknowledging. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** After the serving node's control subject went away, how long the requester still reads what was sent. */
    private static final Duration DRAIN = Duration.ofSeconds(1);
    static final int WINDOW = 32;
    static final int ACK_EVERY = 8;
    /** Rows are sent in batches of about this many bytes of JSON. */
    static final int BATCH_BYTES = 64 * 1024;
    /** ... or of the rows read in this long, so a slow trickle of rows is not held back. */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The largest broker message used, under the server's max_payload (1 MB by default). */
    private static final int MAX_MESSAGE = 512 * 1024;

    private static final String OFFLINE = "The site's Halo Link is offline.";

    private final String brokerUrl;
    private final String subjectPrefix;
    private final Sealer sealer;
    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Set<Served> active = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor workers;
    private volatile List<AttachedLinks> locals = List.of();
    private volatile Connection nats;
    private volatile Dispatcher dispatcher;
    private volatile ClusterCodec codec;
    private volatile boolean closing;

    public ClusterLinks(String brokerUrl, String environment, Sealer sealer) {
        this.brokerUrl = brokerUrl;
        this.subjectPrefix = "halo." + environment.replaceAll("[^A-Za-z0-9_-]", "_") + ".link.";
        this.sealer = sealer;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "halo-cluster-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the broker (retrying in the background while it is unreachable) and from then on answers, for
     * every site the local attachments serve, the queries other nodes send.
     */
    public synchronized void start(List<AttachedLinks> localAttachments) throws IOException, InterruptedException {
        this.locals = List.copyOf(localAttachments);
        Options options = new Options.Builder().servers(brokerUrl.split("\\s*,\\s*")).connectionName("halo-cloud")
                .maxReconnects(-1).reconnectWait(Duration.ofSeconds(1)).connectionTimeout(Duration.ofSeconds(2))
                .build();
        nats = Nats.connectReconnectOnConnect(options);
        codec = new ClusterCodec(sealer, (int) Math.min(MAX_MESSAGE, nats.getMaxPayload() > 0 ? nats.getMaxPayload() : MAX_MESSAGE));
        dispatcher = nats.createDispatcher();
        for (AttachedLinks local : locals) {
            local.watch(this);
        }
        for (AttachedLinks local : locals) {
            local.served().forEach(this::sync);
        }
        log.info("cluster: broker {} ({}), {} site(s) announced", brokerUrl, nats.getStatus(), subscriptions.size());
    }

    String subject(UUID haloGuid) {
        return subjectPrefix + haloGuid;
    }

    // ---- which sites this node answers for ----

    @Override
    public void attached(UUID haloGuid) {
        sync(haloGuid);
    }

    @Override
    public void detached(UUID haloGuid) {
        sync(haloGuid);
    }

    /** Subscribed to a site's subject exactly while a local attachment serves it. */
    private void sync(UUID haloGuid) {
        synchronized (subscriptions) {
            boolean local = !closing && locals.stream().anyMatch(a -> a.serves(haloGuid));
            Subscription current = subscriptions.get(haloGuid);
            if (local && current == null) {
                subscriptions.put(haloGuid, dispatcher.subscribe(subject(haloGuid), QUEUE_GROUP, this::offered));
            } else if (!local && current != null) {
                subscriptions.remove(haloGuid);
                dispatcher.unsubscribe(current);
            }
        }
    }

    /** The sites this node answers for over the broker. */
    Set<UUID> announced() {
        return Set.copyOf(subscriptions.keySet());
    }

    // ---- AttachedLinks: the router's last entry ----

    /** Any site, while the broker is reachable: the broker knows whether some node holds its Link. */
    @Override
    public boolean serves(UUID haloGuid) {
        Connection c = nats;
        return c != null && !closing && c.getStatus() == Connection.Status.CONNECTED;
    }

    /** It holds no Link itself. */
    @Override
    public Set<UUID> served() {
        return Set.of();
    }

    @Override
    public void watch(Listener listener) {
    }

    @Override
    public Optional<LinkStatus> status(UUID haloGuid) {
        if (!serves(haloGuid)) {
            return Optional.empty();
        }
        try {
            Message reply = nats.request(subject(haloGuid), new Headers().put(OP_HEADER, "status"), new byte[0],
                    Duration.ofSeconds(2));
            if (reply == null || reply.isStatusMessage()) {
                return Optional.empty();
            }
            String[] f = new String(reply.getData(), StandardCharsets.UTF_8).split("\n", -1);
            return Optional.of(new LinkStatus(f[0], Boolean.parseBoolean(f[1]),
                    f[2].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(f[2])), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4])));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            log.debug("cluster: no Link status for {}: {}", haloGuid, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    // ---- the requester's side ----

    @Override
    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        Connection c = nats;
        if (c == null || closing || c.getStatus() != Connection.Status.CONNECTED) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, OFFLINE);
        }
        UUID queryId = UUID.randomUUID();
        ClusterCodec.Sender out = codec.sender(queryId, Direction.REQUEST);
        ClusterCodec.Receiver in = codec.receiver(queryId, Direction.RESPONSE);
        byte[] command = ClusterCodec.json(new LinkMessage.Query(queryId, query.haloGuid(), query.catalogue(),
                query.credentials().user(), query.credentials().password(), query.command(),
                query.timeout().toMillis(), query.maxTimeInQueue().toMillis(), query.priority()));
        List<byte[]> queryMessages = out.encode(Type.QUERY, command);
        boolean inline = queryMessages.size() == 1;
        String inbox = c.createInbox();
        Subscription replies = c.subscribe(inbox);
        String control = null;
        boolean finished = false;
        boolean servingNodeGone = false;
        try {
            Headers headers = new Headers().put(QUERY_HEADER, queryId.toString());
            if (inline) {
                publish(c, subject(query.haloGuid()), inbox, headers, queryMessages.get(0));
            } else {
                out = codec.sender(queryId, Direction.REQUEST);
                publish(c, subject(query.haloGuid()), inbox, headers, out.encode(Type.OPEN, new byte[0]).get(0));
            }
            long start = System.nanoTime();
            long deadline = start + query.maxTimeInQueue().plus(query.timeout()).plus(GRACE).toNanos();
            long acceptBy = start + ACCEPT_TIMEOUT.toNanos();
            while (true) {
                long left = (control == null ? Math.min(deadline, acceptBy) : deadline) - System.nanoTime();
                if (left <= 0) {
                    if (control == null) {
                        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0,
                                "The node holding the site's Halo Link did not answer.");
                    }
                    if (servingNodeGone) {
                        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0,
                                "The node holding the site's Halo Link stopped during the query.");
                    }
                    throw new LinkFailure(LinkFailure.Kind.TIMEOUT, 0, "The query exceeded the execution limit of "
                            + query.timeout().toSeconds() + " s and was cancelled.");
                }
                Message message = next(replies, left);
                if (message == null) {
                    continue;
                }
                if (message.isStatusMessage()) {
                    if (message.getStatus().getCode() != 503) {
                        continue;
                    }
                    if (control == null) {
                        finished = true; // no node holds the site's Link: nothing to cancel
                        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, OFFLINE);
                    }
                    // an acknowledgement found no control subject: the serving node went away; read what it sent
                    servingNodeGone = true;
                    deadline = Math.min(deadline, System.nanoTime() + DRAIN.toNanos());
                    continue;
                }
                Frame frame;
                try {
                    frame = in.accept(message.getData());
                } catch (IllegalStateException e) {
                    log.warn("cluster: query {} got a message that does not open here ({}); every node needs the same "
                            + "halo.secrets.master-key", queryId, e.getMessage());
                    throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0,
                            "The node holding the site's Halo Link sent an unreadable answer.");
                }
                if (control != null && in.received() % ACK_EVERY == 0) {
                    publish(c, control, inbox, null,
                            out.encode(Type.ACK, ByteBuffer.allocate(4).putInt(in.received()).array()).get(0));
                }
                if (frame == null) {
                    continue;
                }
                if (frame.type() == Type.ACCEPT) {
                    control = message.getReplyTo();
                    if (!inline) {
                        for (byte[] piece : out.encode(Type.QUERY, command)) {
                            publish(c, control, inbox, null, piece);
                        }
                    }
                    continue;
                }
                if (frame.type() != Type.LINK) {
                    continue;
                }
                LinkMessage received = frame.message();
                if (received instanceof LinkMessage.Columns columns) {
                    sink.columns(columns.names());
                } else if (received instanceof LinkMessage.Rows rows) {
                    for (Object[] row : rows.rows()) {
                        sink.row(row);
                    }
                } else if (received instanceof LinkMessage.Done done) {
                    finished = true;
                    return new LinkResult(done.rows(), done.rowsAffected(),
                            done.parameters() == null ? List.of() : done.parameters(),
                            Duration.ofNanos(done.sqlExecutionMicros() * 1000));
                } else if (received instanceof LinkMessage.Failed failed) {
                    finished = true;
                    throw failed.failure();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "Interrupted while waiting for the Halo Link.");
        } finally {
            if (!finished && control != null && !servingNodeGone) {
                try { // the sink refused more rows, or this node gave up: stop the serving node too
                    c.publish(control, out.encode(Type.CANCEL, new byte[0]).get(0));
                } catch (RuntimeException e) {
                    log.debug("cluster: cancel not sent: {}", e.getClass().getSimpleName());
                }
            }
            try {
                replies.unsubscribe(); // a serving node that has not taken it yet hears "no responders" and stops
            } catch (RuntimeException e) {
                log.debug("cluster: inbox not unsubscribed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** A publish on a connection that closed meanwhile (this node is stopping) fails the query as offline. */
    private static void publish(Connection c, String subject, String replyTo, Headers headers, byte[] body)
            throws LinkFailure {
        try {
            c.publish(subject, replyTo, headers, body);
        } catch (IllegalStateException e) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, OFFLINE);
        }
    }

    private static Message next(Subscription replies, long nanos) throws LinkFailure, InterruptedException {
        try {
            return replies.nextMessage(Duration.ofNanos(nanos));
        } catch (IllegalStateException e) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, OFFLINE);
        }
    }

    // ---- the serving node's side ----

    /** A message on a site's subject: a query offered (or a status request), on the dispatcher's thread. */
    private void offered(Message message) {
        String replyTo = message.getReplyTo();
        if (replyTo == null) {
            return;
        }
        UUID haloGuid;
        try {
            haloGuid = UUID.fromString(message.getSubject().substring(subjectPrefix.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        if ("status".equals(header(message, OP_HEADER))) {
            localStatus(haloGuid).ifPresent(s -> nats.publish(replyTo, (s.version() + "\n" + s.online() + "\n"
                    + (s.lastHeartbeat() == null ? "" : s.lastHeartbeat().toEpochMilli()) + "\n" + s.running() + "\n"
                    + s.waiting()).getBytes(StandardCharsets.UTF_8)));
            return;
        }
        UUID queryId;
        try {
            queryId = UUID.fromString(header(message, QUERY_HEADER));
        } catch (RuntimeException e) {
            return;
        }
        Served served = new Served(queryId, haloGuid, replyTo);
        Frame first;
        try {
            first = served.in.accept(message.getData());
        } catch (IllegalStateException e) {
            log.warn("cluster: a query for site {} does not open with this node's master key: every node needs the "
                    + "same halo.secrets.master-key", haloGuid);
            return;
        }
        served.open(first);
    }

    private Optional<LinkStatus> localStatus(UUID haloGuid) {
        return locals.stream().map(a -> a.status(haloGuid)).flatMap(Optional::stream).findFirst();
    }

    private static String header(Message message, String name) {
        return message.getHeaders() == null ? null : message.getHeaders().getFirst(name);
    }

    /** The requester stopped reading: the Link's next row ends the query here. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the requesting node stopped reading", null, false, false);
        }
    }

    /** One query this node runs for another. */
    private final class Served {

        final UUID queryId;
        final UUID haloGuid;
        final String replyTo;
        final ClusterCodec.Receiver in;
        final ClusterCodec.Sender out;
        /** one frame at a time, its pieces in order */
        final ReentrantLock sending = new ReentrantLock();
        final Object window = new Object();
        final List<Object[]> batch = new ArrayList<>();
        int batchBytes;
        long batchStarted;
        String control;
        Subscription controlSubscription;
        volatile int acknowledged;
        volatile boolean cancelled;
        volatile boolean started;

        Served(UUID queryId, UUID haloGuid, String replyTo) {
            this.queryId = queryId;
            this.haloGuid = haloGuid;
            this.replyTo = replyTo;
            this.in = codec.receiver(queryId, Direction.REQUEST);
            this.out = codec.sender(queryId, Direction.RESPONSE);
        }

        /** Takes the query: its control subject, {@code ACCEPT}, and the Link's run once the command is here. */
        void open(Frame first) {
            control = nats.createInbox();
            controlSubscription = dispatcher.subscribe(control, this::controlled);
            try {
                send(Type.ACCEPT, new byte[0]);
            } catch (Cancelled e) {
                close();
                return;
            }
            if (first.type() == Type.QUERY) {
                start(first);
            }
        }

        /** Acknowledgements, cancel (and the command, when it did not fit the offer), on the dispatcher's thread. */
        void controlled(Message message) {
            if (message.isStatusMessage()) {
                if (message.getStatus().getCode() == 503) {
                    cancel(); // the requester's inbox is gone
                }
                return;
            }
            Frame frame;
            try {
                frame = in.accept(message.getData());
            } catch (IllegalStateException e) {
                cancel();
                return;
            }
            if (frame == null) {
                return;
            }
            switch (frame.type()) {
                case QUERY -> {
                    if (!started) {
                        start(frame);
                    }
                }
                case ACK -> {
                    synchronized (window) {
                        acknowledged = Math.max(acknowledged, ByteBuffer.wrap(frame.data()).getInt());
                        window.notifyAll();
                    }
                }
                case CANCEL -> cancel();
                default -> {
                }
            }
        }

        void cancel() {
            synchronized (window) {
                cancelled = true;
                window.notifyAll();
            }
        }

        void start(Frame frame) {
            started = true;
            LinkMessage.Query command;
            try {
                command = (LinkMessage.Query) frame.message();
            } catch (RuntimeException e) {
                close();
                return;
            }
            try {
                workers.execute(() -> serve(command));
            } catch (RejectedExecutionException e) {
                finish(new LinkMessage.Failed(queryId, LinkFailure.Kind.UNAVAILABLE, 0, null,
                        "The node holding the site's Halo Link is too busy."));
                close();
            }
        }

        void serve(LinkMessage.Query command) {
            active.add(this);
            try {
                AttachedLinks local = locals.stream().filter(a -> a.serves(haloGuid)).findFirst().orElse(null);
                if (local == null || !haloGuid.equals(command.haloGuid())) {
                    finish(new LinkMessage.Failed(queryId, LinkFailure.Kind.UNAVAILABLE, 0, null, OFFLINE));
                    return;
                }
                LinkQuery query = new LinkQuery(command.haloGuid(), command.catalogue(),
                        new VendorCredentials(command.user(), command.password()), command.command(),
                        Duration.ofMillis(command.timeoutMillis()), Duration.ofMillis(command.maxTimeInQueueMillis()),
                        command.priority());
                LinkResult result = local.run(query, new RowSink() {
                    @Override
                    public void columns(List<String> names) {
                        flush();
                        send(Type.LINK, ClusterCodec.json(new LinkMessage.Columns(queryId, names)));
                    }

                    @Override
                    public void row(Object[] values) {
                        if (cancelled) {
                            throw new Cancelled();
                        }
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(values);
                        batchBytes += estimate(values);
                        if (batchBytes >= BATCH_BYTES || System.nanoTime() - batchStarted >= BATCH_NANOS) {
                            flush();
                        }
                    }
                });
                flush();
                finish(new LinkMessage.Done(queryId, result.rows(), result.rowsAffected(), result.parameters(),
                        result.sqlExecution().toNanos() / 1000));
            } catch (LinkFailure f) {
                finish(new LinkMessage.Failed(queryId, f));
            } catch (Cancelled e) {
                log.debug("cluster: query {} for site {} cancelled by the requesting node", queryId, haloGuid);
            } catch (RuntimeException e) {
                log.warn("cluster: query {} for site {} failed here: {}", queryId, haloGuid, e.getClass().getSimpleName());
                finish(new LinkMessage.Failed(queryId, LinkFailure.Kind.UNAVAILABLE, 0, null,
                        "The site's Halo Link could not complete the query."));
            } finally {
                active.remove(this);
                close();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            byte[] rows = ClusterCodec.json(new LinkMessage.Rows(queryId, List.copyOf(batch)));
            batch.clear();
            batchBytes = 0;
            send(Type.LINK, rows);
        }

        /** The last frame, unless the requester is gone. */
        void finish(LinkMessage last) {
            try {
                if (!cancelled) {
                    send(Type.LINK, ClusterCodec.json(last));
                }
            } catch (Cancelled e) {
                // the requester is gone
            }
        }

        /** One frame, its pieces held back while {@value #WINDOW} messages are unacknowledged. */
        void send(Type type, byte[] data) {
            sending.lock();
            try {
                int seq = out.sent();
                for (byte[] piece : out.encode(type, data)) {
                    awaitWindow(seq++);
                    nats.publish(replyTo, control, piece);
                }
            } finally {
                sending.unlock();
            }
        }

        private void awaitWindow(int seq) {
            long until = System.nanoTime() + ACK_TIMEOUT.toNanos();
            synchronized (window) {
                while (!cancelled && seq - acknowledged >= WINDOW) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        log.info("cluster: query {} for site {}: the requesting node stopped reading", queryId, haloGuid);
                        cancelled = true;
                        break;
                    }
                    try {
                        window.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled = true;
                    }
                }
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        }

        /** This node is stopping: the requester hears at once instead of at its deadline. */
        void abort() {
            cancel();
            try {
                if (sending.tryLock(1, TimeUnit.SECONDS)) {
                    try {
                        for (byte[] piece : out.encode(Type.LINK, ClusterCodec.json(new LinkMessage.Failed(queryId,
                                LinkFailure.Kind.UNAVAILABLE, 0, null, "The node holding the site's Halo Link stopped.")))) {
                            nats.publish(replyTo, piece);
                        }
                    } finally {
                        sending.unlock();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("cluster: stop not sent: {}", e.getClass().getSimpleName());
            }
        }

        void close() {
            Subscription s = controlSubscription;
            if (s != null) {
                try {
                    dispatcher.unsubscribe(s);
                } catch (RuntimeException e) {
                    log.debug("cluster: control not unsubscribed: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    /** About the bytes of a row's JSON: batches are cut by it (exactness does not matter: pieces are cut exactly). */
    static int estimate(Object[] values) {
        int bytes = 2;
        for (Object v : values) {
            bytes += v instanceof CharSequence s ? s.length() + 3 : 12;
        }
        return bytes;
    }

    /** Stops answering (the sites' subjects first, so other nodes see them offline at once), then disconnects. */
    @Override
    public void close() {
        closing = true;
        synchronized (subscriptions) {
            Dispatcher d = dispatcher;
            subscriptions.values().forEach(s -> {
                try {
                    d.unsubscribe(s);
                } catch (RuntimeException e) {
                    log.debug("cluster: not unsubscribed: {}", e.getClass().getSimpleName());
                }
            });
            subscriptions.clear();
        }
        active.forEach(Served::abort);
        workers.shutdown();
        Connection c = nats;
        if (c != null) {
            try {
                c.flush(Duration.ofSeconds(1));
            } catch (Exception e) {
                log.debug("cluster: not flushed: {}", e.getClass().getSimpleName());
            }
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
