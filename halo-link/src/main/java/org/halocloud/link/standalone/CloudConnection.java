package org.halocloud.link.standalone;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.link.VendorCredentials;
import org.halocloud.link.agent.HaloLink;
import org.halocloud.link.protocol.LinkCodec;
import org.halocloud.link.protocol.LinkMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Link's one outbound connection to the cloud: it announces its databases, runs the queries the cloud
 * sends (through the {@link HaloLink} agent, which keeps a slot for immediate work), streams rows back in batches,
 * sends heartbeats with metadata only, and reconnects with exponential backoff whenever the connection drops.
 */
public final class CloudConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CloudConnection.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final LinkConfig config;
    private final HaloLink agent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("halo-link-timer"));
    private final ExecutorService queries = Executors.newCachedThreadPool(daemon("halo-link-query"));
    private final Map<UUID, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    private final Map<String, UUID> guids = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Object sending = new Object();
    private volatile WebSocket socket;
    private volatile boolean welcomed;
    private volatile boolean closed;

    public CloudConnection(LinkConfig config, HaloLink agent) {
        this.config = config;
        this.agent = agent;
    }

    public void start() {
        long period = config.heartbeat().toMillis();
        timer.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        connect();
    }

    /** The Halo GUIDs the cloud assigned, by the Link's own database key (empty until the first welcome). */
    public Map<String, UUID> haloGuids() {
        return Map.copyOf(guids);
    }

    public boolean connected() {
        return socket != null && welcomed;
    }

    private void connect() {
        if (closed) {
            return;
        }
        http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + config.credential())
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(config.cloud(), new Listener())
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        if (cause instanceof WebSocketHandshakeException refused) {
                            log.warn("the cloud refused the connection (HTTP {}): check the Link credential",
                                    refused.getResponse().statusCode());
                        } else {
                            log.warn("cannot reach the cloud at {}: {}", config.cloud(), cause.getClass().getSimpleName());
                        }
                        reconnectLater();
                        return;
                    }
                    socket = ws;
                    try {
                        send(hello());
                    } catch (RuntimeException e) {
                        ws.abort();
                    }
                });
    }

    private LinkMessage.Hello hello() {
        List<LinkMessage.AnnouncedDatabase> databases = config.databases().stream()
                .map(d -> new LinkMessage.AnnouncedDatabase(d.key(), d.pms(), d.pmsId(), d.practiceName(),
                        d.pmsVersion(), List.copyOf(d.catalogues().keySet())))
                .toList();
        return new LinkMessage.Hello(HaloLink.VERSION, databases);
    }

    private void reconnectLater() {
        if (closed) {
            return;
        }
        int attempt = failures.getAndIncrement();
        long base = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(attempt, 5));
        long delay = base + ThreadLocalRandom.current().nextLong(base / 5 + 1); // jitter: Links of a region don't stampede
        log.info("reconnecting to the cloud in {} ms", delay);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void disconnected() {
        socket = null;
        welcomed = false;
        cancelled.values().forEach(flag -> flag.set(true)); // nobody waits for those rows any more
        reconnectLater();
    }

    private void handle(LinkMessage message) {
        if (message instanceof LinkMessage.Welcome welcome) {
            welcomed(welcome);
        } else if (message instanceof LinkMessage.Query query) {
            cancelled.put(query.queryId(), new AtomicBoolean());
            queries.submit(() -> run(query));
        } else if (message instanceof LinkMessage.Cancel cancel) {
            AtomicBoolean flag = cancelled.get(cancel.queryId());
            if (flag != null) {
                flag.set(true);
            }
        } else {
            log.warn("ignoring an unexpected {} from the cloud", message.getClass().getSimpleName());
        }
    }

    private void welcomed(LinkMessage.Welcome welcome) {
        for (LinkMessage.AssignedDatabase assigned : welcome.databases()) {
            LinkConfig.Database database = config.databases().stream().filter(d -> d.key().equals(assigned.key()))
                    .findFirst().orElse(null);
            if (database == null) {
                continue;
            }
            try {
                agent.serve(database.served(assigned.haloGuid()));
                guids.put(assigned.key(), assigned.haloGuid());
            } catch (SQLException e) {
                log.warn("database {} cannot be opened (SQL state {})", assigned.key(), e.getSQLState());
            }
        }
        welcomed = true;
        failures.set(0);
        log.info("connected to the cloud as Link {}, serving {} database(s)", welcome.linkId(), guids.size());
        timer.execute(this::heartbeat); // the cloud learns the practices' enablement at once
    }

    private void heartbeat() {
        if (!connected()) {
            return;
        }
        List<LinkMessage.DatabaseHealth> health = new ArrayList<>();
        for (UUID guid : guids.values()) {
            try {
                Set<String> enabled = agent.enabledLogins(guid);
                health.add(new LinkMessage.DatabaseHealth(guid, true, List.copyOf(enabled)));
            } catch (SQLException | RuntimeException e) {
                health.add(new LinkMessage.DatabaseHealth(guid, false, null));
            }
        }
        try {
            send(new LinkMessage.Heartbeat(HaloLink.VERSION, agent.running(), agent.waiting(), health));
        } catch (RuntimeException e) {
            log.debug("heartbeat not sent: {}", e.getClass().getSimpleName());
        }
    }

    private void run(LinkMessage.Query query) {
        AtomicBoolean stop = cancelled.get(query.queryId());
        LinkQuery linkQuery = new LinkQuery(query.haloGuid(), query.catalogue(),
                new VendorCredentials(query.user(), query.password()), query.command(),
                Duration.ofMillis(query.timeoutMillis()), Duration.ofMillis(query.maxTimeInQueueMillis()),
                query.priority());
        BatchingSink sink = new BatchingSink(query.queryId(), stop);
        try {
            LinkResult result = agent.run(linkQuery, sink);
            sink.flush();
            send(new LinkMessage.Done(query.queryId(), result.rows(), result.rowsAffected(), result.parameters(),
                    result.sqlExecution().toNanos() / 1000));
        } catch (LinkFailure e) {
            sendQuietly(new LinkMessage.Failed(query.queryId(), e));
        } catch (Stopped e) {
            log.debug("query {} stopped: the cloud no longer waits for it", query.queryId());
        } catch (RuntimeException e) {
            log.warn("query {} failed in the Link: {}", query.queryId(), e.getClass().getSimpleName());
            sendQuietly(new LinkMessage.Failed(query.queryId(), LinkFailure.Kind.UNAVAILABLE, 0, null,
                    "The Halo Link could not complete the query."));
        } finally {
            cancelled.remove(query.queryId());
        }
    }

    private void sendQuietly(LinkMessage message) {
        try {
            send(message);
        } catch (RuntimeException e) {
            log.debug("not sent: {}", e.getClass().getSimpleName());
        }
    }

    /** One message at a time (the WebSocket allows one outstanding send); waiting for it gives backpressure. */
    private void send(LinkMessage message) {
        String text = LinkCodec.write(message);
        synchronized (sending) {
            WebSocket ws = socket;
            if (ws == null) {
                throw new Stopped();
            }
            try {
                ws.sendText(text, true).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            } catch (Exception e) {
                ws.abort();
                throw new Stopped();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "Link stopping").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        timer.shutdownNow();
        queries.shutdownNow();
    }

    /** The connection is gone or the cloud cancelled: stop reading rows. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Sends rows in batches of a few hundred rows or about 64 KB, whichever comes first. */
    private final class BatchingSink implements RowSink {

        private static final int MAX_ROWS = 500;
        private static final int MAX_CHARS = 64 * 1024;

        private final UUID queryId;
        private final AtomicBoolean stop;
        private List<Object[]> batch = new ArrayList<>();
        private int chars;

        BatchingSink(UUID queryId, AtomicBoolean stop) {
            this.queryId = queryId;
            this.stop = stop;
        }

        @Override
        public void columns(List<String> names) {
            send(new LinkMessage.Columns(queryId, names));
        }

        @Override
        public void row(Object[] values) {
            if (stop.get()) {
                throw new Stopped();
            }
            batch.add(values);
            for (Object value : values) {
                chars += value == null ? 4 : value.toString().length() + 3;
            }
            if (batch.size() >= MAX_ROWS || chars >= MAX_CHARS) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                send(new LinkMessage.Rows(queryId, batch));
                batch = new ArrayList<>();
                chars = 0;
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    handle(LinkCodec.read(message));
                } catch (RuntimeException e) {
                    log.warn("unreadable message from the cloud: {}", e.getClass().getSimpleName());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            log.info("the cloud closed the connection ({})", statusCode);
            disconnected();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            log.warn("connection to the cloud lost: {}", error.getClass().getSimpleName());
            disconnected();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
