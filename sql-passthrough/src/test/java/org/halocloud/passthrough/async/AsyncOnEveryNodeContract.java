package org.halocloud.passthrough.async;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.kernel.state.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Async queries on every node, against one state store as the nodes of a cluster share it: workers of several
 * "nodes" (each its own {@link AsyncQueryStore} and lease holder, threads racing) claim each queued query exactly
 * once; a dead node's leases run out and any node ends its queries executionFailed with a reason while its queued
 * ones are taken by another; a holder that renews keeps its query; result pages stored by one node are read by
 * another. Run against H2 and against PostgreSQL by the subclasses (same schema: the kernel's Flyway migrations).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncOnEveryNodeContract {

    static final Duration LEASE = Duration.ofMillis(400);

    private HikariDataSource dataSource;
    JdbcClient db;
    private final Subscription subscription = new Subscription(UUID.randomUUID(), UUID.randomUUID(), "Acme", "demo",
            true, false);
    private final UUID site = UUID.randomUUID();
    private Sealer sealer;

    /** A JDBC URL of an empty database (or schema), migrated here; user and password are the driver's defaults. */
    abstract String url();

    String user() {
        return "sa";
    }

    /** The schema Flyway owns, or null for the default. */
    String schema() {
        return null;
    }

    void dropped() {
    }

    @org.junit.jupiter.api.BeforeAll
    void migrate() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword("");
        config.setMaximumPoolSize(12);
        dataSource = new HikariDataSource(config);
        var flyway = org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema() != null) {
            flyway.schemas(schema()).defaultSchema(schema());
        }
        flyway.load().migrate();
        db = JdbcClient.create(dataSource);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        sealer = new Sealer(halo(Base64.getEncoder().encodeToString(key)));
    }

    @AfterAll
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
        dropped();
    }

    @BeforeEach
    void empty() {
        db.sql("DELETE FROM async_result_page").update();
        db.sql("DELETE FROM async_query_page").update();
        db.sql("DELETE FROM async_query").update();
    }

    private static HaloProperties halo(String masterKey) {
        return new HaloProperties(Path.of("target"), "demo", new HaloProperties.RateLimit(true, 15, Duration.ofSeconds(5)),
                new HaloProperties.Query(Duration.ofSeconds(60), 8_388_608, 1_048_576, 8),
                new HaloProperties.Secrets(masterKey), new HaloProperties.Cluster("nats://127.0.0.1:4222"));
    }

    AsyncQueryStore store() {
        return new AsyncQueryStore(db, dataSource);
    }

    /** One node's async machinery as far as leases go: its store and workers (never started: no pipeline here). */
    AsyncWorkers node(ResultStore results) {
        AsyncProperties properties = new AsyncProperties(2, Duration.ofMinutes(5), Duration.ofHours(24), 1 << 20,
                Duration.ofMinutes(5), Duration.ofSeconds(1), LEASE, "database");
        return new AsyncWorkers(store(), results, null, null, sealer, null, properties, new SimpleMeterRegistry(),
                null, null, halo(""));
    }

    UUID queued(OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        AsyncQueryStore store = store();
        store.insert(id, subscription, site, "main", 3_600_000, 8, 40, "v1:sealed", at, "accepting-node",
                OffsetDateTime.now().plus(LEASE));
        assertThat(store.queue(id, at)).isTrue();
        return id;
    }

    String status(UUID id) {
        return store().find(id).orElseThrow().status();
    }

    @Test
    void everyQueuedQueryIsClaimedByExactlyOneWorkerOfOneNode() throws Exception {
        int queries = 240;
        OffsetDateTime base = OffsetDateTime.now().minusMinutes(5);
        for (int i = 0; i < queries; i++) {
            queued(base.plusNanos(i * 1000L));
        }
        int nodes = 3;
        int threadsPerNode = 4;
        Map<UUID, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger doubleRuns = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes * threadsPerNode);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            String owner = "node-" + n + "#" + UUID.randomUUID();
            AsyncQueryStore nodeStore = store(); // each node its own store over the shared database
            for (int t = 0; t < threadsPerNode; t++) {
                done.add(threads.submit(() -> {
                    go.await();
                    while (true) {
                        Optional<AsyncQueryStore.Row> next = nodeStore.claimNext(owner,
                                OffsetDateTime.now().plusMinutes(1), Set.of());
                        if (next.isEmpty()) {
                            return null;
                        }
                        runs.incrementAndGet(); // "runs" the query
                        if (claimedBy.putIfAbsent(next.get().id(), owner) != null) {
                            doubleRuns.incrementAndGet();
                        }
                        assertThat(next.get().status()).isEqualTo("executing");
                        assertThat(next.get().leaseOwner()).isEqualTo(owner);
                    }
                }));
            }
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(doubleRuns.get()).as("queries run twice").isZero();
        assertThat(runs.get()).isEqualTo(queries);
        assertThat(claimedBy).hasSize(queries);
        assertThat(claimedBy.values().stream().distinct().count()).as("the work spread over the nodes").isGreaterThan(1);
        List<Map<String, Object>> rows = db.sql("SELECT id, status, lease_owner, lease_until FROM async_query").query()
                .listOfRows();
        assertThat(rows).hasSize(queries).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("executing");
            assertThat(r.get("lease_owner")).isEqualTo(claimedBy.get(r.get("id") instanceof UUID u ? u
                    : UUID.fromString(r.get("id").toString())));
            assertThat(r.get("lease_until")).isNotNull();
        });
    }

    @Test
    void workersRacingForTheSameQueuedRowTakeItOnce() throws Exception {
        int rounds = 40;
        int racers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        for (int round = 0; round < rounds; round++) {
            UUID id = queued(OffsetDateTime.now());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int r = 0; r < racers; r++) {
                String owner = "racer-" + r;
                AsyncQueryStore racerStore = store();
                claims.add(threads.submit(() -> {
                    go.await();
                    return racerStore.claim(id, owner, OffsetDateTime.now().plusMinutes(1));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> c : claims) {
                won += c.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).as("claims of one row, round " + round).isEqualTo(1);
        }
        threads.shutdown();
    }

    @Test
    void aQueuedQueryOfASkippedSiteWaitsAndTheOthersAreClaimed() {
        UUID waiting = queued(OffsetDateTime.now().minusSeconds(2));
        UUID other = UUID.randomUUID();
        AsyncQueryStore store = store();
        store.insert(other, subscription, UUID.randomUUID(), "main", 3_600_000, 8, 40, "v1:x", OffsetDateTime.now(), null, null);
        store.queue(other, OffsetDateTime.now());
        assertThat(store.claimNext("n", OffsetDateTime.now().plus(LEASE), Set.of(site)).map(AsyncQueryStore.Row::id))
                .contains(other);
        assertThat(store.claimNext("n", OffsetDateTime.now().plus(LEASE), Set.of(site))).isEmpty();
        assertThat(status(waiting)).isEqualTo("queued");
        assertThat(store.requeue(other, OffsetDateTime.now())).isTrue();
        assertThat(store.find(other).orElseThrow().leaseOwner()).as("a waiting query holds no lease").isNull();
    }

    @Test
    void aDeadNodesExecutingQueriesEndFailedWithAReasonAndItsQueuedOnesRunElsewhere() throws Exception {
        DatabaseResultStore results = new DatabaseResultStore(db);
        AsyncWorkers dead = node(results);
        AsyncWorkers alive = node(results);
        AsyncQueryStore store = store();
        OffsetDateTime base = OffsetDateTime.now().minusMinutes(1);
        UUID running = queued(base);
        UUID uploading = queued(base.plusNanos(1000));
        UUID stillQueued = queued(base.plusNanos(2000));
        UUID alivesOwn = queued(base.plusNanos(3000));
        // the node that will die claims three queries, stores a page of one, and starts uploading another
        assertThat(store.claimNext(dead.owner(), dead.leaseUntil(), Set.of()).map(AsyncQueryStore.Row::id)).contains(running);
        assertThat(store.claimNext(dead.owner(), dead.leaseUntil(), Set.of()).map(AsyncQueryStore.Row::id)).contains(uploading);
        store.uploading(uploading, OffsetDateTime.now());
        results.put(running, 1, new byte[] {1, 2, 3});
        store.addPage(running, new AsyncQueryStore.PageRow(1, 3, 1, 1, 1), OffsetDateTime.now());
        // ... the live node claims the fourth (skipping the third's site would be the offline case; here: by id)
        assertThat(store.claim(alivesOwn, alive.owner(), alive.leaseUntil())).isTrue();
        assertThat(store.claimNext("nobody-yet", OffsetDateTime.now(), Set.of()).map(AsyncQueryStore.Row::id))
                .contains(stillQueued);
        assertThat(store.requeue(stillQueued, OffsetDateTime.now())).isTrue();

        assertThat(alive.sweepLeases()).as("nothing has run out yet").isZero();
        // the dead node renews nothing from now on; the live node renews its own
        long until = System.nanoTime() + LEASE.multipliedBy(2).toNanos();
        while (System.nanoTime() < until) {
            store.renew(alive.owner(), alive.leaseUntil());
            Thread.sleep(LEASE.toMillis() / 4);
        }
        store.renew(alive.owner(), alive.leaseUntil());

        assertThat(alive.sweepLeases()).isEqualTo(2);
        for (UUID id : List.of(running, uploading)) {
            AsyncQueryStore.Row row = store.find(id).orElseThrow();
            assertThat(row.status()).isEqualTo("executionFailed");
            assertThat(row.errorType()).isEqualTo("haloLink");
            assertThat(row.errorCode()).isEqualTo(503);
            assertThat(row.completedAt()).isNotNull();
            assertThat(row.expiresAt()).isNotNull();
            assertThat(sealer.open(row.errorMessageSealed(), Purpose.ASYNC_ERROR.of(id)))
                    .contains("node running this query stopped").contains("lease ran out");
        }
        assertThat(results.get(running, 1)).as("partial pages dropped").isEmpty();
        assertThat(store.pages(running)).isEmpty();
        assertThat(status(alivesOwn)).as("a holder that renews keeps its query").isEqualTo("executing");
        assertThat(alive.sweepLeases()).as("each ends once").isZero();
        assertThat(dead.sweepLeases()).isZero();

        assertThat(store.claimNext(alive.owner(), alive.leaseUntil(), Set.of()).map(AsyncQueryStore.Row::id))
                .as("the dead node's queued query is taken by another").contains(stillQueued);
        assertThat(store.queued()).isZero();
        assertThat(db.sql("SELECT COUNT(*) FROM async_query WHERE status IN ('initialising', 'queued', 'executing', "
                + "'uploading') AND lease_owner = ?").param(dead.owner()).query(Long.class).single())
                .as("nothing of the dead node left in flight").isZero();
    }

    @Test
    void sweepersOnSeveralNodesEndEachExpiredQueryOnce() throws Exception {
        DatabaseResultStore results = new DatabaseResultStore(db);
        AsyncQueryStore store = store();
        int queries = 30;
        for (int i = 0; i < queries; i++) {
            UUID id = queued(OffsetDateTime.now().minusMinutes(1));
            assertThat(store.claim(id, "gone#1", OffsetDateTime.now().minusSeconds(1))).isTrue();
        }
        List<AsyncWorkers> sweepers = List.of(node(results), node(results), node(results));
        ExecutorService threads = Executors.newFixedThreadPool(sweepers.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> swept = new ArrayList<>();
        for (AsyncWorkers sweeper : sweepers) {
            swept.add(threads.submit(() -> {
                go.await();
                return sweeper.sweepLeases();
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : swept) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(total).isEqualTo(queries);
        assertThat(db.sql("SELECT COUNT(*) FROM async_query WHERE status = 'executionFailed'").query(Long.class).single())
                .isEqualTo(queries);
    }

    @Test
    void aStuckInitialisingQueryAndOneWithoutALeaseAreEndedToo() {
        AsyncQueryStore store = store();
        AsyncWorkers node = node(new DatabaseResultStore(db));
        UUID initialising = UUID.randomUUID();
        store.insert(initialising, subscription, site, "main", 3_600_000, 8, 40, "v1:x", OffsetDateTime.now(),
                "died-before-queueing", OffsetDateTime.now().minusSeconds(1));
        UUID legacy = UUID.randomUUID(); // in flight before leases existed (no holder): counts once not updated for a lease
        store.insert(legacy, subscription, site, "main", 3_600_000, 8, 40, "v1:x", OffsetDateTime.now().minusMinutes(10));
        db.sql("UPDATE async_query SET status = 'executing', updated_at = ? WHERE id = ?")
                .params(OffsetDateTime.now().minusMinutes(10), legacy).update();
        UUID fresh = UUID.randomUUID();
        store.insert(fresh, subscription, site, "main", 3_600_000, 8, 40, "v1:x", OffsetDateTime.now());
        assertThat(node.sweepLeases()).isEqualTo(2);
        assertThat(status(initialising)).isEqualTo("executionFailed");
        assertThat(status(legacy)).isEqualTo("executionFailed");
        assertThat(status(fresh)).isEqualTo("initialising");
    }

    @Test
    void aPageStoredByOneNodeIsReadByAnother() throws Exception {
        ResultStore writer = new DatabaseResultStore(db);
        ResultStore reader = new DatabaseResultStore(JdbcClient.create(dataSource));
        UUID id = UUID.randomUUID();
        byte[] page = new byte[1_100_000];
        new SecureRandom().nextBytes(page);
        writer.put(id, 1, page);
        writer.put(id, 2, new byte[] {9});
        writer.put(id, 2, new byte[] {7, 7}); // replaced
        assertThat(reader.get(id, 1)).hasValueSatisfying(b -> assertThat(b).isEqualTo(page));
        assertThat(reader.get(id, 2)).hasValueSatisfying(b -> assertThat(b).containsExactly(7, 7));
        assertThat(reader.get(id, 3)).isEmpty();
        assertThat(reader.listExpired(java.time.Instant.now().minusSeconds(60))).doesNotContain(id);
        assertThat(reader.listExpired(java.time.Instant.now().plusSeconds(60))).contains(id);
        reader.delete(id);
        assertThat(writer.get(id, 1)).isEmpty();
    }
}
