package org.halocloud.kernel.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.halocloud.link.VendorCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over a real NATS server: a query for a site held by the other node travels there and its rows stream
 * back. Needs NATS at HALO_TEST_NATS_URL (default nats://127.0.0.1:4222, which these machines and CI run); skipped,
 * saying so, when none answers.
 */
class ClusterLinksTest {

    static final String URL = System.getenv().getOrDefault("HALO_TEST_NATS_URL", "nats://127.0.0.1:4222");

    @BeforeAll
    static void natsAnswers() {
        URI uri = URI.create(URL);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 4222 : uri.getPort()), 1000);
        } catch (IOException e) {
            Assumptions.abort("no NATS answers at " + URL + ": start nats-server (-js) or set HALO_TEST_NATS_URL to run "
                    + "the cluster routing tests");
        }
    }

    /** A Link attached to one node: rows made up on demand. */
    static final class FakeLinks implements AttachedLinks {
        final Map<UUID, Boolean> sites = new ConcurrentHashMap<>();
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger rowsProduced = new AtomicInteger();
        final AtomicBoolean stopped = new AtomicBoolean();
        volatile CountDownLatch started = new CountDownLatch(1);

        void attach(UUID guid) {
            sites.put(guid, true);
            listeners.forEach(l -> l.attached(guid));
        }

        void detach(UUID guid) {
            sites.remove(guid);
            listeners.forEach(l -> l.detached(guid));
        }

        @Override
        public boolean serves(UUID haloGuid) {
            return sites.containsKey(haloGuid);
        }

        @Override
        public Set<UUID> served() {
            return Set.copyOf(sites.keySet());
        }

        @Override
        public void watch(Listener listener) {
            listeners.add(listener);
        }

        /** Command text: "rows <n> <width>", "fail", "slow" (endless rows, 1 ms apart), "echo" (the command's size). */
        @Override
        public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
            String[] words = query.command().text().split(" ");
            started.countDown();
            switch (words[0]) {
                case "fail" -> throw new LinkFailure(LinkFailure.Kind.DATABASE, 207, "Invalid column name 'NOPE'.");
                case "echo" -> {
                    sink.columns(List.of("LENGTH", "USER"));
                    sink.row(new Object[] {query.command().text().length(), query.credentials().user()});
                    return new LinkResult(1, null, List.of(), Duration.ofMillis(1));
                }
                case "slow" -> {
                    sink.columns(List.of("N"));
                    try {
                        for (int i = 0; ; i++) {
                            sink.row(new Object[] {i});
                            rowsProduced.incrementAndGet();
                            Thread.sleep(1);
                        }
                    } catch (InterruptedException e) {
                        throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "interrupted");
                    } catch (RuntimeException e) {
                        stopped.set(true);
                        throw e;
                    }
                }
                default -> {
                    int n = Integer.parseInt(words[1]);
                    String pad = "x".repeat(Integer.parseInt(words[2]));
                    sink.columns(List.of("ID", "PAD"));
                    for (int i = 0; i < n; i++) {
                        sink.row(new Object[] {i, pad});
                        rowsProduced.incrementAndGet();
                    }
                    return new LinkResult(n, null, List.of(), Duration.ofMillis(3));
                }
            }
        }

        @Override
        public Optional<LinkStatus> status(UUID haloGuid) {
            return serves(haloGuid) ? Optional.of(new LinkStatus("test", true, null, 1, 2)) : Optional.empty();
        }
    }

    /** Collects what a query streamed. */
    static final class Collected implements RowSink {
        List<String> columns;
        final List<Object[]> rows = new ArrayList<>();
        int stopAfter = Integer.MAX_VALUE;

        @Override
        public void columns(List<String> names) {
            columns = names;
        }

        @Override
        public void row(Object[] values) {
            if (rows.size() >= stopAfter) {
                throw new IllegalStateException("enough");
            }
            rows.add(values);
        }
    }

    final String environment = "test-" + UUID.randomUUID().toString().substring(0, 8);
    final FakeLinks linksA = new FakeLinks();
    final FakeLinks linksB = new FakeLinks();
    ClusterLinks nodeA;
    ClusterLinks nodeB;
    final UUID site = UUID.randomUUID();

    @BeforeEach
    void start() throws Exception {
        linksA.attach(site);
        nodeA = new ClusterLinks(URL, environment, ClusterCodecTest.sealer(ClusterCodecTest.KEY));
        nodeA.start(List.of(linksA));
        nodeB = new ClusterLinks(URL, environment, ClusterCodecTest.sealer(ClusterCodecTest.KEY));
        nodeB.start(List.of(linksB));
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    static LinkQuery query(UUID site, String text, Duration timeout) {
        return new LinkQuery(site, "main", new VendorCredentials("ACME", "secret"),
                new QueryCommand(text, null, null, null), timeout, Duration.ofSeconds(5));
    }

    @Test
    void aQueryThroughTheOtherNodeStreamsItsRowsBack() throws Exception {
        assertThat(nodeA.announced()).containsExactly(site);
        assertThat(nodeB.announced()).isEmpty();
        Collected sink = new Collected();
        LinkResult result = nodeB.run(query(site, "rows 3 5", Duration.ofSeconds(5)), sink);
        assertThat(sink.columns).containsExactly("ID", "PAD");
        assertThat(sink.rows).hasSize(3);
        assertThat(sink.rows.get(2)).containsExactly(2, "xxxxx");
        assertThat(result.rows()).isEqualTo(3);
        assertThat(result.sqlExecution()).isEqualTo(Duration.ofMillis(3));
        assertThat(nodeB.status(site)).hasValueSatisfying(s -> {
            assertThat(s.online()).isTrue();
            assertThat(s.waiting()).isEqualTo(2);
        });
    }

    @Test
    void aResultOfManyMegabytesFlowsInPieces() throws Exception {
        Collected sink = new Collected();
        long started = System.nanoTime();
        LinkResult result = nodeB.run(query(site, "rows 20000 1000", Duration.ofSeconds(30)), sink);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.rows()).isEqualTo(20000);
        assertThat(sink.rows).hasSize(20000);
        assertThat(sink.rows.get(19999)[0]).isEqualTo(19999);
        System.out.println("[cluster] 20 000 rows, ~20 MB of JSON, through the other node in " + ms + " ms");
    }

    @Test
    void aCommandLargerThanOneMessageTravelsToo() throws Exception {
        String text = "echo " + "y".repeat(700_000);
        Collected sink = new Collected();
        nodeB.run(query(site, text, Duration.ofSeconds(5)), sink);
        assertThat(sink.rows.get(0)).containsExactly(text.length(), "ACME");
    }

    @Test
    void theLinksFailureComesBackAsIs() {
        assertThatThrownBy(() -> nodeB.run(query(site, "fail", Duration.ofSeconds(5)), new Collected()))
                .isInstanceOfSatisfying(LinkFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(LinkFailure.Kind.DATABASE);
                    assertThat(f.errorCode()).isEqualTo(207);
                    assertThat(f.getMessage()).isEqualTo("Invalid column name 'NOPE'.");
                });
    }

    @Test
    void aSiteNoNodeHoldsIsOfflineAtOnce() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> nodeB.run(query(UUID.randomUUID(), "rows 1 1", Duration.ofSeconds(30)), new Collected()))
                .isInstanceOfSatisfying(LinkFailure.class, f -> assertThat(f.kind()).isEqualTo(LinkFailure.Kind.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(nodeB.status(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aDetachedLinkIsNoLongerAnnounced() {
        linksA.detach(site);
        assertThat(nodeA.announced()).isEmpty();
        assertThatThrownBy(() -> nodeB.run(query(site, "rows 1 1", Duration.ofSeconds(5)), new Collected()))
                .isInstanceOfSatisfying(LinkFailure.class, f -> assertThat(f.kind()).isEqualTo(LinkFailure.Kind.UNAVAILABLE));
        linksA.attach(site);
        assertThat(nodeA.announced()).containsExactly(site);
    }

    @Test
    void aRequesterThatStopsReadingStopsTheServingNode() throws Exception {
        Collected sink = new Collected();
        sink.stopAfter = 50;
        assertThatThrownBy(() -> nodeB.run(query(site, "slow", Duration.ofSeconds(30)), sink))
                .isInstanceOf(IllegalStateException.class).hasMessage("enough");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!linksA.stopped.get() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(linksA.stopped).as("the Link's query on the serving node stopped").isTrue();
    }

    @Test
    void aSlowRequesterHoldsTheServingNodeBack() throws Exception {
        // the window: the serving node has at most WINDOW messages in flight, so the Link waits for a slow reader
        RowSink slow = new RowSink() {
            int seen;

            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                if (++seen == 1) {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        Thread reader = new Thread(() -> {
            try {
                nodeB.run(query(site, "rows 20000 1000", Duration.ofSeconds(60)), slow);
            } catch (LinkFailure e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        Thread.sleep(1000);
        int produced = linksA.rowsProduced.get();
        // 32 messages of at most ~64 KB of rows: some 2 000 rows of 1 KB, far from the 20 000 the Link has
        assertThat(produced).isLessThan(10_000);
        reader.join(60_000);
        assertThat(linksA.rowsProduced.get()).isEqualTo(20_000);
    }

    @Test
    void aServingNodeThatStopsFailsItsRunningQueriesAtOnce() throws Exception {
        linksA.started = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                linksA.started.await(5, TimeUnit.SECONDS);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            nodeA.close();
        });
        stopper.start();
        long started = System.nanoTime();
        assertThatThrownBy(() -> nodeB.run(query(site, "slow", Duration.ofSeconds(30)), new Collected()))
                .isInstanceOfSatisfying(LinkFailure.class, f -> assertThat(f.kind()).isEqualTo(LinkFailure.Kind.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        stopper.join();
        assertThatThrownBy(() -> nodeB.run(query(site, "rows 1 1", Duration.ofSeconds(5)), new Collected()))
                .isInstanceOfSatisfying(LinkFailure.class, f -> assertThat(f.getMessage()).contains("offline"));
    }
}
