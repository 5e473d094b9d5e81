package org.halocloud.passthrough.async;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.QueryCommand;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.kernel.pipeline.Incident;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.passthrough.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs async queries: a fixed pool of {@code halo.async.workers} threads, each taking the oldest queued query
 * (a conditional update claims it, so no two workers of any node take the same; the claim leases it to this process
 * for {@code halo.async.lease}, renewed every third of it while it runs) and running it down the {@link QueryPipeline} with
 * {@code halo.async.timeout} and background priority at the Link (async work holds at most all but one of a Link's
 * slots, so immediate queries always find one). Rows stream into encrypted pages in the {@link ResultStore}.
 *
 * <p>On start, before taking work, {@link #recover} settles what a previous process left in flight: queued queries
 * (never sent to a practice) stay queued and run, subject to their maxTimeInQueue; initialising, executing and
 * uploading ones end executionFailed, since re-running a command that may have written at the practice is not safe.
 * On every node, {@link #sweepLeases} ends the same way what a dead node left in flight, once its lease has run out;
 * what it left queued any node's workers take. Logs carry metadata only.
 */
@Component
public class AsyncWorkers {

    private static final Logger log = LoggerFactory.getLogger(AsyncWorkers.class);
    static final String RESTARTED = "The Halo Cloud restarted while this query was in progress; its outcome is "
            + "unknown and it was not run again. Submit it again.";
    static final String NODE_LOST = "The Halo Cloud node running this query stopped while it was in progress (its "
            + "lease ran out without a renewal); its outcome is unknown and it was not run again. Submit it again.";

    private final AsyncQueryStore store;
    private final ResultStore results;
    private final QueryPipeline pipeline;
    private final FrontDoor frontDoor;
    private final Sealer sealer;
    private final ObjectMapper mapper;
    private final AsyncProperties properties;
    private final MeterRegistry meters;
    private final Webhooks webhooks;
    private final LinkTransport transport;
    private final boolean clustered;
    /** This process, as the holder of the leases of the queries it runs: unique per process, never reused. */
    private final String owner = nodeName() + "#" + ProcessHandle.current().pid() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService leases;
    /** Sites found offline, until when their queued queries are passed over (they wait, and are looked at again). */
    private final Map<UUID, Long> offlineUntil = new ConcurrentHashMap<>();
    private final OffsetDateTime started = OffsetDateTime.now();
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    private final Object signal = new Object();
    private final ExecutorService pool;
    private volatile boolean stopping;

    public AsyncWorkers(AsyncQueryStore store, ResultStore results, QueryPipeline pipeline, FrontDoor frontDoor,
                        Sealer sealer, ObjectMapper mapper, AsyncProperties properties, MeterRegistry meters,
                        Webhooks webhooks, LinkTransport transport, HaloProperties halo) {
        this.transport = transport;
        this.clustered = halo.cluster().enabled();
        this.store = store;
        this.results = results;
        this.pipeline = pipeline;
        this.frontDoor = frontDoor;
        this.sealer = sealer;
        this.mapper = mapper;
        this.properties = properties;
        this.meters = meters;
        this.webhooks = webhooks;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread t = new Thread(r, "halo-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "halo-async-leases");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("halo.async.queue.depth", store, AsyncQueryStore::queued)
                .description("async queries waiting for a worker").register(meters);
        Gauge.builder("halo.async.workers.busy", busy, AtomicInteger::get)
                .description("async workers running a query").register(meters);
    }

    /** Once the application (and its Links) are up: settle what a previous process left, then start the workers. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        recover();
        long every = Math.max(10, properties.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::tendLeases, every, every, TimeUnit.MILLISECONDS);
        for (int i = 0; i < properties.workers(); i++) {
            pool.execute(this::work);
        }
        log.info("async workers started: {} (lease holder {}, lease {} ms)", properties.workers(), owner,
                properties.lease().toMillis());
    }

    /** This process as the holder of leases. */
    public String owner() {
        return owner;
    }

    /** When a lease taken or renewed now runs out. */
    OffsetDateTime leaseUntil() {
        return OffsetDateTime.now().plus(properties.lease());
    }

    /** Renews the leases of the queries this process runs, then ends those whose holder has stopped renewing. */
    private void tendLeases() {
        try {
            store.renew(owner, leaseUntil());
        } catch (RuntimeException e) {
            log.warn("async leases: not renewed ({})", e.getClass().getSimpleName());
        }
        try {
            sweepLeases();
        } catch (RuntimeException e) {
            log.warn("async leases: expired leases not swept ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Ends, executionFailed with a reason, every query in flight whose lease has run out: the node holding it (any
     * node of the cluster) stopped renewing it, so it died or lost the database. Re-running is not safe (the command
     * may have written at the practice). Conditional on the lease still being out, so a holder that renews in time
     * keeps its query. Any node may run it; each query ends once. Returns how many ended here.
     */
    public int sweepLeases() {
        int failed = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (AsyncQueryStore.Row row : store.leaseExpired(now, properties.lease())) {
            if (running.contains(row.id())) {
                continue; // ours and still running: the renewal is late, not the node dead
            }
            OffsetDateTime completed = OffsetDateTime.now();
            boolean ended = store.completeLeaseExpired(row.id(), now, properties.lease(), new AsyncQueryStore.Completion(
                    "executionFailed", completed, completed.plus(properties.retention()), null, null, null, null, null,
                    QueryFailure.HALO_LINK, 503, sealer.seal(NODE_LOST, Purpose.ASYNC_ERROR.of(row.id()))));
            if (!ended) {
                continue;
            }
            failed++;
            try {
                results.delete(row.id());
            } catch (IOException e) {
                log.warn("async query {}: partial results not deleted ({}); the sweep will", row.id(),
                        e.getClass().getSimpleName());
            }
            store.deletePages(row.id());
            log.warn("async query {} site={} status=executionFailed reason=lease-expired holder={} (was {})", row.id(),
                    row.haloGuid(), row.leaseOwner(), row.status());
        }
        return failed;
    }

    /** Tells idle workers there is queued work. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Settles queries a previous process left in flight (created before this process started, and not run by it):
     * queued ones stay queued; initialising, executing and uploading ones end executionFailed and lose any partial
     * pages. Returns how many were failed. One of a cluster ({@code halo.cluster.broker-url}), another node may be
     * running what is in flight: only queries whose lease has run out are ended ({@link #sweepLeases}).
     */
    public int recover() {
        if (clustered) {
            int failed = sweepLeases();
            if (failed > 0) {
                log.info("async recovery: {} failed (lease expired)", failed);
            }
            return failed;
        }
        int failed = 0;
        List<AsyncQueryStore.Row> left = store.inStatus(List.of("initialising", "executing", "uploading"), started);
        for (AsyncQueryStore.Row row : left) {
            if (running.contains(row.id())) {
                continue;
            }
            if (fail(row.id(), "executionFailed", "haloLink", 503, RESTARTED, null)) {
                failed++;
                log.warn("async query {} site={} status=executionFailed reason=cloud-restarted (was {})", row.id(),
                        row.haloGuid(), row.status());
            }
        }
        long requeued = store.inStatus(List.of("queued"), started).size();
        if (failed > 0 || requeued > 0) {
            log.info("async recovery: {} failed, {} still queued", failed, requeued);
        }
        return failed;
    }

    private void work() {
        while (!stopping) {
            Optional<AsyncQueryStore.Row> next;
            try {
                next = store.claimNext(owner, leaseUntil(), offlineSites());
            } catch (RuntimeException e) {
                log.warn("async worker: cannot read the queue ({})", e.getClass().getSimpleName());
                next = Optional.empty();
            }
            if (next.isPresent()) {
                busy.incrementAndGet();
                try {
                    execute(next.get());
                } catch (RuntimeException e) {
                    log.error("async query {}: unexpected {}", next.get().id(), e.getClass().getName());
                } finally {
                    busy.decrementAndGet();
                }
                continue;
            }
            synchronized (signal) {
                try {
                    signal.wait(properties.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Runs one claimed query to its end; every path ends in a terminal status. */
    void execute(AsyncQueryStore.Row row) {
        UUID id = row.id();
        running.add(id);
        OffsetDateTime claimed = row.executingAt() == null ? OffsetDateTime.now() : row.executingAt();
        Timer.builder("halo.async.queue.time").description("from accepted to taken by a worker")
                .register(meters).record(positive(Duration.between(row.createdAt(), claimed)));
        String status = "executionFailed";
        boolean waiting = false;
        long rows = 0;
        int pages = 0;
        try {
            long remaining = row.maxTimeInQueue() - Duration.between(row.createdAt(), claimed).toMillis();
            if (remaining <= 0) {
                QueryFailure expired = QueryFailure.EXPIRED_IN_QUEUE;
                status = expired.status();
                fail(id, status, QueryFailure.HALO_LINK, expired.httpStatus(), "The query waited longer than its "
                        + "maxTimeInQueue (" + row.maxTimeInQueue() + " ms) to be run.", null);
                return;
            }
            Admission admission;
            QueryCommand command;
            try {
                Subscription subscription = store.subscription(row.subscriptionId())
                        .orElseThrow(() -> new Refusal(401, "The subscription no longer exists."));
                admission = frontDoor.readmit(subscription, row.haloGuid().toString());
                command = mapper.readValue(sealer.open(row.commandSealed(), Purpose.ASYNC_COMMAND.of(id)),
                        QueryCommand.class);
            } catch (Refusal r) {
                fail(id, status, "http", r.status(), r.getMessage(), null);
                return;
            }
            if (!online(row.haloGuid())) {
                // the site's Link is offline: the query goes back to the queue (keeping its place) and waits for it,
                // until its maxTimeInQueue passes
                offlineUntil.put(row.haloGuid(), System.nanoTime() + properties.pollInterval().toNanos());
                waiting = store.requeue(id, OffsetDateTime.now());
                status = "queued";
                expireWaiting(row.haloGuid());
                return;
            }
            PagedRowsSink sink = new PagedRowsSink(mapper, properties.pageBytes(), (page, json) -> {
                results.put(id, page.pageNumber(), sealer.sealBytes(json, Purpose.ASYNC_PAGE.of(id, page.pageNumber())));
                store.addPage(id, new AsyncQueryStore.PageRow(page.pageNumber(), page.size(), page.rowCount(),
                        page.rangeStart(), page.rangeEnd()), OffsetDateTime.now());
            });
            try {
                pages = pipeline.run(id, admission, "async", row.catalogue(), command, properties.timeout(),
                        Duration.ofMillis(remaining), LinkQuery.Priority.BACKGROUND, row.requestSize(), sink, run -> {
                            store.uploading(id, OffsetDateTime.now());
                            List<PagedRowsSink.Page> stored = sink.finish();
                            long count = run.result().rows();
                            boolean noRows = command.executionMode() == QueryCommand.ExecutionMode.NON_QUERY && count == 0;
                            String parameters = run.result().parameters().isEmpty() ? null
                                    : sealer.seal(mapper.writeValueAsString(run.result().parameters()),
                                            Purpose.ASYNC_PARAMETERS.of(id));
                            OffsetDateTime completed = OffsetDateTime.now();
                            boolean completedNow = store.complete(id, new AsyncQueryStore.Completion("successful",
                                    completed, completed.plus(properties.retention()),
                                    run.result().sqlExecution().toMillis(), noRows ? null : count,
                                    run.result().rowsAffected(), sink.size(), parameters, null, null, null));
                            if (completedNow) {
                                webhooks.completed(row.subscriptionId(), row.haloGuid(), id, Webhooks.ASYNC, completed);
                            }
                            return new QueryPipeline.Completed<>(stored.size(), sink.size());
                        });
                rows = sink.rows();
                status = "successful";
            } catch (PagedRowsSink.StoreFailed e) {
                status = QueryFailure.UPLOAD_FAILED.status();
                fail(id, status, QueryFailure.HALO_LINK, QueryFailure.UPLOAD_FAILED.httpStatus(),
                        "The results could not be stored; run the query again.", null);
            } catch (LinkFailure e) {
                QueryFailure failure = QueryFailure.of(e.kind());
                status = failure.status();
                fail(id, status, failure.errorType(admission.database()), failure.errorCode(e), e.getMessage(), null);
            }
        } catch (RuntimeException e) {
            status = QueryFailure.INTERNAL.status();
            Incident incident = Incident.of("async query " + id, e);
            fail(id, status, QueryFailure.HALO_LINK, QueryFailure.INTERNAL.httpStatus(), incident.message(), null);
        } finally {
            running.remove(id);
            if (waiting) {
                log.debug("async query {} site={} status=queued reason=link-offline", id, row.haloGuid());
                return;
            }
            Duration took = Duration.between(claimed, OffsetDateTime.now());
            Timer.builder("halo.async.runs").description("from taken by a worker to completed").tag("status", status)
                    .register(meters).record(positive(took));
            log.info("async query {} site={} integrator={} status={} rows={} pages={} ms={}", id, row.haloGuid(),
                    row.integratorId(), status, rows, pages, took.toMillis());
        }
    }

    private boolean online(UUID haloGuid) {
        return transport.status(haloGuid).map(LinkTransport.LinkStatus::online).orElse(false);
    }

    private Set<UUID> offlineSites() {
        long now = System.nanoTime();
        offlineUntil.entrySet().removeIf(e -> e.getValue() - now <= 0);
        return Set.copyOf(offlineUntil.keySet());
    }

    /** Ends the queries of an offline site that have waited longer than their maxTimeInQueue. */
    private void expireWaiting(UUID haloGuid) {
        OffsetDateTime now = OffsetDateTime.now();
        for (AsyncQueryStore.Row waiting : store.queued(haloGuid)) {
            if (Duration.between(waiting.createdAt(), now).toMillis() >= waiting.maxTimeInQueue()
                    && fail(waiting.id(), "expiredInQueue", "haloLink", 503, "The query waited longer than its "
                    + "maxTimeInQueue (" + waiting.maxTimeInQueue() + " ms) for the site's Halo Link, which is offline.", null)) {
                log.info("async query {} site={} integrator={} status=expiredInQueue reason=link-offline", waiting.id(),
                        haloGuid, waiting.integratorId());
            }
        }
    }

    /** Ends a query in flight with an error (message sealed) and drops any pages it stored. */
    private boolean fail(UUID id, String status, String errorType, int errorCode, String message, Long sqlMs) {
        try {
            results.delete(id);
        } catch (IOException e) {
            log.warn("async query {}: partial results not deleted ({}); the sweep will", id, e.getClass().getSimpleName());
        }
        store.deletePages(id);
        OffsetDateTime completed = OffsetDateTime.now();
        return store.complete(id, new AsyncQueryStore.Completion(status, completed, completed.plus(properties.retention()),
                sqlMs, null, null, null, null, errorType, errorCode, sealer.seal(message, Purpose.ASYNC_ERROR.of(id))));
    }

    private static String nodeName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "node";
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    @PreDestroy
    public void stop() {
        stopping = true;
        wake();
        pool.shutdownNow();
        leases.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
