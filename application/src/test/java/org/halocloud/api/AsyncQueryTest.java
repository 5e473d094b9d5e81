package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.passthrough.async.AsyncProperties;
import org.halocloud.passthrough.async.AsyncQueries;
import org.halocloud.passthrough.async.AsyncWorkers;
import org.halocloud.passthrough.async.ResultStore;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.agent.HaloLink;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.passthrough.async.AsyncQueryStore;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.QueryLog;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.kernel.state.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Halo's async queries over HTTP: lifecycle, paging, limits, priority at the Link, expiry, isolation and recovery. */
@ExtendWith(OutputCaptureExtension.class)
class AsyncQueryTest extends HaloIntegrationTest {

    private static final Set<String> TERMINAL = Set.of("successful", "executionFailed", "expiredInQueue", "uploadFailed");

    @Autowired
    private JdbcClient cloud;

    @Autowired
    private AsyncQueries asyncQueries;

    @Autowired
    private AsyncWorkers workers;

    @Autowired
    private AsyncQueryStore store;

    @Autowired
    private ResultStore resultStore;

    @Autowired
    private Sealer sealer;

    @Autowired
    private QueryLog queryLog;

    @Autowired
    private AsyncProperties asyncProperties;

    @Autowired
    private HaloProperties haloProperties;

    @Autowired
    private PmsDatabases databases;

    @Test
    void lifecycleEndsSuccessfulWithTheDatabasesRows() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        HttpResponse<String> created = async(guid, key, "SELECT INTERNALID, SURNAME FROM PATIENTS ORDER BY INTERNALID");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode query = json(created);
        String id = query.path("id").asString();
        assertThat(query.path("mode").asString()).isEqualTo("async");
        assertThat(query.path("siteId").asString()).isEqualTo(guid);
        assertThat(query.path("integratorId").asString()).isEqualTo(integrators.findByName("Acme Health").orElseThrow().toString());
        assertThat(query.path("status").asString()).isIn("queued", "executing", "uploading", "successful");
        assertThat(query.path("maxTimeInQueue").asLong()).isEqualTo(3_600_000L);
        assertThat(query.path("statusTiming").has("initialising")).isTrue();
        assertThat(created.headers().firstValue("Location")).contains("/integrator/sites/" + guid + "/queries/" + id);
        assertThat(created.headers().firstValue("RateLimit-Remaining")).as("async is not rate-limited").isEmpty();

        JsonNode done = awaitDone(guid, key, id);
        assertThat(done.path("status").asString()).isEqualTo("successful");
        assertThat(done.path("statusTiming").propertyNames()).containsExactly("initialising", "queued", "executing", "uploading");
        assertThat(done.path("completedAt").isMissingNode()).isFalse();
        assertThat(done.path("metrics").path("sqlExecutionDuration").isNumber()).isTrue();
        long expected = count(guid, null, "SELECT COUNT(*) FROM PATIENTS");
        JsonNode result = done.path("result");
        assertThat(result.path("rows").asLong()).isEqualTo(expected);
        assertThat(result.has("data")).as("rows come in pages, not inline").isFalse();
        assertThat(result.path("pages")).hasSize(1);
        JsonNode page = result.path("pages").get(0);
        assertThat(page.path("pageNumber").asInt()).isEqualTo(1);
        assertThat(page.path("status").asString()).isEqualTo("cached");
        assertThat(page.path("rows").path("count").asLong()).isEqualTo(expected);
        assertThat(page.path("rows").path("rangeStart").asLong()).isEqualTo(1);
        assertThat(page.path("rows").path("rangeEnd").asLong()).isEqualTo(expected);
        assertThat(page.path("size").asLong()).isEqualTo(result.path("size").asLong());

        HttpResponse<String> fetched = get(pagePath(guid, id, 1), key);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Rows-Count")).contains(Long.toString(expected));
        assertThat(fetched.headers().firstValue("Rows-Range-Start")).contains("1");
        assertThat(fetched.headers().firstValue("Rows-Range-End")).contains(Long.toString(expected));
        byte[] data = Base64.getDecoder().decode(json(fetched).path("data").asString());
        assertThat(fetched.headers().firstValue("Size")).contains(Integer.toString(data.length));
        JsonNode rows = mapper.readTree(data);
        try (var c = asPractice(guid, null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT INTERNALID, SURNAME FROM PATIENTS ORDER BY INTERNALID")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rows.get(i).path("INTERNALID").asLong()).isEqualTo(rs.getLong(1));
                assertThat(rows.get(i).path("SURNAME").asString()).isEqualTo(rs.getString(2));
                i++;
            }
            assertThat(i).isEqualTo(rows.size());
        }

        HttpResponse<String> streamed = get(pagePath(guid, id, 1) + "/stream", key);
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(streamed.headers().firstValue("Rows-Count")).contains(Long.toString(expected));
        assertThat(streamed.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(data);

        assertThat(get(pagePath(guid, id, 2), key).statusCode()).as("no such page").isEqualTo(404);
    }

    @Test
    void frontDoorRefusesBeforeAnythingIsStored() throws Exception {
        long before = asyncRows();
        String text = "SELECT 1 AS one";
        assertThat(async(site("bp-premier").haloGuid(), null, text).statusCode()).isEqualTo(401);
        assertThat(async(site("bp-premier").haloGuid(), "not-a-key", text).statusCode()).isEqualTo(401);
        assertThat(async(UUID.randomUUID().toString(), acme(), text).statusCode()).isEqualTo(404);
        assertThat(async(site("bp-premier", false).haloGuid(), acme(), text).statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = post("/integrator/sites/" + site("bp-premier").haloGuid() + "/queries/async", acme(),
                "{\"maxTimeInQueue\": 7200001, \"command\": {\"text\": \"SELECT 1\"}}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(asyncRows()).isEqualTo(before);
    }

    @Test
    void aFailingQueryEndsExecutionFailedWithTheDatabasesError() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String text = "SELECT * FROM NO_SUCH_TABLE";
        JsonNode immediateError = json(sql(guid, key, text)).path("errorDetails");
        HttpResponse<String> created = async(guid, key, text);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asString();
        JsonNode done = awaitDone(guid, key, id);
        assertThat(done.path("status").asString()).isEqualTo("executionFailed");
        assertThat(done.has("result")).isFalse();
        JsonNode error = done.path("errorDetails");
        assertThat(error.path("errorType").asString()).isEqualTo("mssql");
        assertThat(error.path("errorCode").asInt()).isEqualTo(immediateError.path("errorCode").asInt()).isNotZero();
        assertThat(error.path("errorMessage").asString()).isEqualTo(immediateError.path("errorMessage").asString())
                .containsIgnoringCase("NO_SUCH_TABLE");
        assertThat(get(pagePath(guid, id, 1), key).statusCode()).as("no results to fetch").isEqualTo(409);

        HttpResponse<String> expired = post("/integrator/sites/" + guid + "/queries/async", key,
                "{\"maxTimeInQueue\": 0, \"command\": {\"text\": \"SELECT 1 AS one\"}}");
        assertThat(expired.statusCode()).isEqualTo(201);
        JsonNode inQueue = awaitDone(guid, key, json(expired).path("id").asString());
        assertThat(inQueue.path("status").asString()).isEqualTo("expiredInQueue");
        assertThat(inQueue.path("errorDetails").path("errorMessage").asString()).contains("maxTimeInQueue");
    }

    @Test
    void theQueryLogHoldsAnAsyncQueryOnceWithTheSizeOfItsPages() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(async(guid, key, "SELECT X, REPEAT('x', 500) AS PAD FROM SYSTEM_RANGE(1, 3000)")).path("id").asString();
        JsonNode done = awaitDone(guid, key, id);
        assertThat(done.path("status").asString()).isEqualTo("successful");
        long pages = 0;
        for (JsonNode page : done.path("result").path("pages")) {
            pages += page.path("size").asLong();
        }
        List<QueryLog.Listed> entries = queryLog.list(null, null, UUID.fromString(guid), null, null, 1000).stream()
                .filter(q -> q.id().toString().equals(id)).toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).status()).isEqualTo("successful");
        assertThat(entries.get(0).rows()).isEqualTo(3000);
        assertThat(entries.get(0).resultSize()).isEqualTo(pages).isGreaterThan(1_000_000);
    }

    @Test
    void aResultLargerThanTheImmediateLimitComesInPages() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String text = "SELECT X, REPEAT('x', 1000) AS PAD FROM SYSTEM_RANGE(1, 12000) ORDER BY X";
        assertThat(sql(guid, key, text).statusCode()).as("too large for an immediate query").isEqualTo(413);

        HttpResponse<String> created = async(guid, key, text);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asString();
        JsonNode done = awaitDone(guid, key, id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("successful");
        JsonNode result = done.path("result");
        assertThat(result.path("rows").asLong()).isEqualTo(12_000);
        assertThat(result.path("size").asLong()).isGreaterThan(haloProperties.query().maxResultBytes());
        JsonNode pages = result.path("pages");
        assertThat(pages.size()).isGreaterThanOrEqualTo(10);
        long rowSum = 0;
        long sizeSum = 0;
        long next = 1;
        for (JsonNode page : pages) {
            rowSum += page.path("rows").path("count").asLong();
            sizeSum += page.path("size").asLong();
            assertThat(page.path("rows").path("rangeStart").asLong()).isEqualTo(next);
            next = page.path("rows").path("rangeEnd").asLong() + 1;
            assertThat(page.path("size").asLong()).isLessThan(asyncProperties.pageBytes() + 2_000L);
        }
        assertThat(rowSum).isEqualTo(12_000);
        assertThat(sizeSum).isEqualTo(result.path("size").asLong());

        long x = 0;
        for (JsonNode page : pages) {
            int number = page.path("pageNumber").asInt();
            HttpResponse<String> streamed = get(pagePath(guid, id, number) + "/stream", key);
            assertThat(streamed.statusCode()).isEqualTo(200);
            JsonNode rows = mapper.readTree(streamed.body());
            assertThat(rows.size()).isEqualTo(page.path("rows").path("count").asInt());
            for (JsonNode row : rows) {
                assertThat(row.path("X").asLong()).isEqualTo(++x);
                assertThat(row.path("PAD").asString()).hasSize(1000);
            }
            if (number == 2) {
                HttpResponse<String> encoded = get(pagePath(guid, id, number), key);
                assertThat(new String(Base64.getDecoder().decode(json(encoded).path("data").asString()),
                        StandardCharsets.UTF_8)).isEqualTo(streamed.body());
            }
        }
        assertThat(x).isEqualTo(12_000);
    }

    @Test
    void asyncIsNotRateLimitedAndLeavesTheImmediateBudgetWhole() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created = async(guid, key, "SELECT " + i + " AS N");
            assertThat(created.statusCode()).as("create %d", i).isEqualTo(201);
            ids.add(json(created).path("id").asString());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        HttpResponse<String> immediate = sql(guid, key, "SELECT 1 AS one");
        assertThat(immediate.statusCode()).isEqualTo(200);
        assertThat(immediate.headers().firstValue("RateLimit-Remaining")).contains("14");

        List<String> asked = new ArrayList<>(ids);
        asked.add(UUID.randomUUID().toString());
        asked.add("not-a-uuid");
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode results;
        do {
            HttpResponse<String> status = post("/integrator/sites/" + guid + "/queries/status", key,
                    mapper.writeValueAsString(Map.of("queryIds", asked)));
            assertThat(status.statusCode()).isEqualTo(200);
            results = json(status).path("results");
            boolean allDone = true;
            for (int i = 0; i < ids.size(); i++) {
                allDone &= TERMINAL.contains(results.get(i).path("query").path("status").asString());
            }
            if (allDone) {
                break;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        assertThat(results).hasSize(22);
        for (int i = 0; i < ids.size(); i++) {
            JsonNode r = results.get(i);
            assertThat(r.path("queryId").asString()).isEqualTo(ids.get(i));
            assertThat(r.path("status").asString()).isEqualTo("found");
            assertThat(r.path("query").path("status").asString()).isEqualTo("successful");
            JsonNode rows = mapper.readTree(Base64.getDecoder().decode(json(get(pagePath(guid, ids.get(i), 1), key))
                    .path("data").asString()));
            assertThat(rows.get(0).path("N").asInt()).isEqualTo(i);
        }
        assertThat(results.get(20).path("status").asString()).isEqualTo("notFound");
        assertThat(results.get(20).has("query")).isFalse();
        assertThat(results.get(21).path("status").asString()).isEqualTo("notFound");
    }

    @Test
    void immediateQueriesKeepASlotWhileAsyncWorkFillsItsShare() throws Exception {
        String guid = site("bp-premier").haloGuid();
        PmsDatabase database = databases.find(UUID.fromString(guid)).orElseThrow();
        var credentials = integrators.vendorCredentials(integrators.findByName("Acme Health").orElseThrow(),
                database.pms().vendor()).orElseThrow();
        int share = Math.max(1, haloProperties.query().linkConcurrency() - 1);
        // other tests' work (an async query still paging, a registered run) must not hold part of the share
        HaloLink link = transport.agentFor(database.haloGuid()).orElseThrow();
        long idleBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((link.running() > 0 || link.waiting() > 0) && System.nanoTime() < idleBy) {
            Thread.sleep(50);
        }
        CountDownLatch entered = new CountDownLatch(share);
        CountDownLatch release = new CountDownLatch(1);
        RowSink blocking = new RowSink() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                entered.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        QueryCommand command = new QueryCommand("SELECT 1 AS one", null, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(share);
        try {
            List<Future<?>> background = new ArrayList<>();
            for (int i = 0; i < share; i++) {
                background.add(pool.submit(() -> transport.run(new LinkQuery(database.haloGuid(), database.defaultCatalogue(),
                        credentials, command, Duration.ofSeconds(30), Duration.ofSeconds(10), LinkQuery.Priority.BACKGROUND),
                        blocking)));
            }
            assertThat(entered.await(30, TimeUnit.SECONDS)).as("async work holds its whole share").isTrue();

            // one more piece of background work finds no slot in its share...
            assertThatThrownBy(() -> transport.run(new LinkQuery(database.haloGuid(), database.defaultCatalogue(),
                    credentials, command, Duration.ofSeconds(30), Duration.ofMillis(300), LinkQuery.Priority.BACKGROUND),
                    blocking)).isInstanceOfSatisfying(LinkFailure.class,
                    e -> assertThat(e.kind()).isEqualTo(LinkFailure.Kind.EXPIRED_IN_QUEUE));
            // ...while an immediate query still runs at once
            long started = System.nanoTime();
            HttpResponse<String> immediate = sql(guid, acme(), "SELECT 2 AS TWO");
            assertThat(immediate.statusCode()).as(immediate.body()).isEqualTo(200);
            assertThat(rows(immediate).get(0).path("TWO").asInt()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            for (Future<?> f : background) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void resultsExpireAfterTheRetentionAndThenAnswer410() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(async(guid, key, "SELECT 1 AS one")).path("id").asString();
        assertThat(awaitDone(guid, key, id).path("status").asString()).isEqualTo("successful");
        assertThat(get(pagePath(guid, id, 1), key).statusCode()).isEqualTo(200);
        assertThat(Files.exists(DATA_DIR.resolve("results").resolve(id))).isTrue();

        // the scheduled sweep, run as it would be once the retention has passed
        asyncQueries.sweep(Instant.now().plus(asyncProperties.retention()).plusSeconds(60));

        HttpResponse<String> gone = get(pagePath(guid, id, 1), key);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).path("error").path("status").asInt()).isEqualTo(410);
        assertThat(get(pagePath(guid, id, 1) + "/stream", key).statusCode()).isEqualTo(410);
        assertThat(Files.exists(DATA_DIR.resolve("results").resolve(id))).as("the files are deleted").isFalse();
        assertThat(cloud.sql("SELECT command_sealed FROM async_query WHERE id = ?").param(UUID.fromString(id))
                .query(String.class).optional()).as("nor is the sealed command kept").isEmpty();
        assertThat(json(get("/integrator/sites/" + guid + "/queries/" + id, key)).path("status").asString())
                .as("the query's metadata remains").isEqualTo("successful");
    }

    @Test
    void anotherIntegratorsOrAnotherSitesQueryIsNotFound() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(async(guid, key, "SELECT 1 AS one")).path("id").asString();
        assertThat(awaitDone(guid, key, id).path("status").asString()).isEqualTo("successful");
        assertThat(get("/integrator/sites/" + guid + "/queries/" + id, acme()).statusCode())
                .as("another key of the same integrator sees it").isEqualTo(200);

        String beta = freshKey("Beta Bookings");
        assertThat(get("/integrator/sites/" + guid + "/queries/" + id, beta).statusCode()).isEqualTo(404);
        assertThat(get(pagePath(guid, id, 1), beta).statusCode()).isEqualTo(404);
        assertThat(get(pagePath(guid, id, 1) + "/stream", beta).statusCode()).isEqualTo(404);
        JsonNode status = json(post("/integrator/sites/" + guid + "/queries/status", beta,
                mapper.writeValueAsString(Map.of("queryIds", List.of(id)))));
        assertThat(status.path("results").get(0).path("status").asString()).isEqualTo("notFound");

        String otherSite = site("d4w").haloGuid();
        assertThat(get("/integrator/sites/" + otherSite + "/queries/" + id, key).statusCode()).isEqualTo(404);
        assertThat(get(pagePath(otherSite, id, 1), key).statusCode()).isEqualTo(404);
        assertThat(get("/integrator/sites/" + guid + "/queries/" + UUID.randomUUID(), key).statusCode()).isEqualTo(404);
        assertThat(get("/integrator/sites/" + guid + "/queries/nonsense", key).statusCode()).isEqualTo(404);
        assertThat(get("/integrator/sites/" + guid + "/queries/" + id, null).statusCode()).isEqualTo(401);
    }

    @Test
    void queriesLeftInFlightByAPreviousProcessAreSettledOnStart() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        Subscription subscription = integrators.findByKey(key).orElseThrow();
        OffsetDateTime earlier = OffsetDateTime.now().minusMinutes(10);
        UUID executing = plant(subscription, guid, "SELECT 1 AS one", earlier, "executing");
        resultStore.put(executing, 1, new byte[] {1, 2, 3});
        UUID uploading = plant(subscription, guid, "SELECT 1 AS one", earlier, "uploading");
        UUID queued = plant(subscription, guid, "SELECT 41 + 1 AS ANSWER", earlier, "queued");

        assertThat(workers.recover()).isGreaterThanOrEqualTo(2);
        workers.wake();

        for (UUID failed : List.of(executing, uploading)) {
            JsonNode query = json(get("/integrator/sites/" + guid + "/queries/" + failed, key));
            assertThat(query.path("status").asString()).isEqualTo("executionFailed");
            assertThat(query.path("errorDetails").path("errorMessage").asString()).contains("restarted");
            assertThat(query.path("completedAt").isMissingNode()).isFalse();
        }
        assertThat(resultStore.get(executing, 1)).as("partial results are dropped").isEmpty();

        JsonNode requeued = awaitDone(guid, key, queued.toString());
        assertThat(requeued.path("status").asString()).as("never started, so it runs after the restart").isEqualTo("successful");
        JsonNode rows = mapper.readTree(Base64.getDecoder().decode(json(get(pagePath(guid, queued.toString(), 1), key))
                .path("data").asString()));
        assertThat(rows.get(0).path("ANSWER").asInt()).isEqualTo(42);
    }

    @Test
    void theCommandIsSealedInTheDatabaseAndTheResultOnDisk(CapturedOutput output) throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String body = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT '" + marker + "' AS M, @p AS P",
                "parameters", List.of(Map.of("name", "@p", "type", "VarChar", "value", marker + "-bound")))));
        HttpResponse<String> created = post("/integrator/sites/" + guid + "/queries/async", key, body);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(awaitDone(guid, key, id).path("status").asString()).isEqualTo("successful");
        JsonNode rows = mapper.readTree(Base64.getDecoder().decode(json(get(pagePath(guid, id, 1), key)).path("data").asString()));
        assertThat(rows.get(0).path("M").asString()).isEqualTo(marker);
        assertThat(rows.get(0).path("P").asString()).isEqualTo(marker + "-bound");

        Map<String, Object> stored = cloud.sql("SELECT * FROM async_query WHERE id = ?").param(UUID.fromString(id))
                .query().singleRow();
        assertThat(stored.values().toString()).doesNotContain(marker);
        assertThat(stored.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("command_sealed"))
                .findFirst().orElseThrow().getValue().toString()).startsWith("v1:");
        try (var files = Files.list(DATA_DIR.resolve("results").resolve(id))) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(marker);
            }
        }
        assertThat(output.getAll() + logText()).contains("async query " + id).doesNotContain(marker);
    }

    @Test
    void theOpenApiDocumentDescribesTheAsyncApi() throws Exception {
        JsonNode paths = json(get("/v3/api-docs", null)).path("paths");
        assertThat(paths.path("/integrator/sites/{siteId}/queries/async").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.has("/integrator/sites/{siteId}/queries/{queryId}")).isTrue();
        assertThat(paths.has("/integrator/sites/{siteId}/queries/status")).isTrue();
        assertThat(paths.path("/integrator/sites/{siteId}/queries/{queryId}/results/{pageNumber}").path("get")
                .path("responses").has("410")).isTrue();
        assertThat(paths.has("/integrator/sites/{siteId}/queries/{queryId}/results/{pageNumber}/stream")).isTrue();
    }

    private UUID plant(Subscription subscription, String guid, String text, OffsetDateTime created, String status) {
        UUID id = UUID.randomUUID();
        String sealed = sealer.seal(mapper.writeValueAsString(new QueryCommand(text, null, null, null)), Purpose.ASYNC_COMMAND.of(id));
        PmsDatabase database = databases.find(UUID.fromString(guid)).orElseThrow();
        store.insert(id, subscription, database.haloGuid(), database.defaultCatalogue(), 3_600_000, text.length(),
                text.length(), sealed, created);
        cloud.sql("UPDATE async_query SET status = ?, queued_at = ?, executing_at = ? WHERE id = ?")
                .params(status, created, status.equals("queued") ? null : created, id).update();
        return id;
    }

    private long asyncRows() {
        return cloud.sql("SELECT COUNT(*) FROM async_query").query(Long.class).single();
    }

    private HttpResponse<String> async(String guid, String key, String text) throws Exception {
        return post("/integrator/sites/" + guid + "/queries/async", key,
                mapper.writeValueAsString(Map.of("command", Map.of("text", text))));
    }

    private static String pagePath(String guid, String id, int page) {
        return "/integrator/sites/" + guid + "/queries/" + id + "/results/" + page;
    }

    private JsonNode awaitDone(String guid, String key, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            HttpResponse<String> response = get("/integrator/sites/" + guid + "/queries/" + id, key);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode query = json(response);
            if (TERMINAL.contains(query.path("status").asString())) {
                return query;
            }
            assertThat(System.currentTimeMillis()).as("query %s still %s", id, query.path("status").asString())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
