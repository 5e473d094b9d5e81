package org.halocloud.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.kernel.state.PmsDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Standalone Halo Links in their own processes, connecting outbound over a WebSocket to the running cloud:
 * announce, queries (SQL and FHIR) streamed back, heartbeats carrying the practice's enablement, a Link killed
 * mid-query, reconnection with the same Halo GUID, two Links with one PMS ID and an operator's authority move, and
 * credentials refused across environments and never shown again.
 */
class StandaloneLinkTest extends HaloIntegrationTest {

    private static final Path LINKS_DIR = DATA_DIR.resolve("standalone-links");

    @Autowired
    private PmsDatabases databases;

    private final List<LinkProcess> started = new ArrayList<>();
    /** Every answer the cloud gave in a test: none may carry a secret. */
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void theLinkIsBuilt() {
        assumeTrue(Files.exists(LinkProcess.JAR), "no " + LinkProcess.JAR + ": run the suite with ./mvnw verify, "
                + "which packages the standalone Link before these tests");
    }

    @AfterEach
    void stopLinks() throws Exception {
        for (LinkProcess link : started) {
            link.close();
        }
    }

    @Test
    void aLinkAnnouncesItsDatabaseAnswersSqlAndFhirAndReportsEnablementInItsHeartbeats() throws Exception {
        Registered registered = registerLink("lakeside-server");
        LinkProcess link = launch(registered, "bp-main", "LS" + shortId());
        UUID guid = awaitOnline(registered.linkId());

        String key = acme();
        HttpResponse<String> count = sql(guid.toString(), key, "SELECT COUNT(*) AS N FROM dbo.BPS_Patients");
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(rows(count).get(0).path("N").asLong()).isEqualTo(link.patients);
        HttpResponse<String> first = immediate(guid.toString(), key, mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT TOP 1 Surname FROM dbo.BPS_Patients WHERE InternalID >= @from ORDER BY InternalID",
                "parameters", List.of(Map.of("name", "@from", "type", "Int", "value", 0))))));
        assertThat(rows(first).get(0).path("Surname").asString().trim()).isEqualTo(link.firstSurname);

        HttpResponse<String> patients = get("/integrator/sites/" + guid + "/fhir/R4/Patient?_count=100", key);
        assertThat(patients.statusCode()).as(patients.body()).isEqualTo(200);
        assertThat(json(patients).path("entry").size()).as("every patient, read through the standalone Link")
                .isEqualTo((int) link.livePatients);

        JsonNode status = json(remember(get("/integrator/sites/" + guid, key)));
        assertThat(status.path("availability").asString()).isEqualTo("online");
        assertThat(status.path("haloLinkVersion").asString()).isNotBlank();
        Instant heartbeat = Instant.parse(status.path("lastHeartbeat").asString());
        await(Duration.ofSeconds(10), () -> lastHeartbeat(guid, key).isAfter(heartbeat), "a later heartbeat");

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> unchecked(() ->
                sql(guid.toString(), key, "SELECT SUM(RAND()) FROM SYSTEM_RANGE(1, 10000000000)")));
        await(Duration.ofSeconds(10), () -> linkDatabase(registered.linkId()).orElseThrow().path("running").asInt() == 1,
                "a heartbeat reporting the running query");
        assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).as("the Link's own execution limit").isEqualTo(504);

        try (Connection practice = link.asPractice(); Statement s = practice.createStatement()) {
            s.executeUpdate("UPDATE dbo.INTEGRATIONS SET ENABLED = 0");
            await(Duration.ofSeconds(10), () -> sql(guid.toString(), acme(), "SELECT 1").statusCode() == 403,
                    "the practice's switch-off, carried by a heartbeat");
            s.executeUpdate("UPDATE dbo.INTEGRATIONS SET ENABLED = 1");
            await(Duration.ofSeconds(10), () -> sql(guid.toString(), acme(), "SELECT 1").statusCode() == 200,
                    "the practice's switch-on");
        }
        assertNoSecretLeaked(registered, link);
    }

    @Test
    void aLinkKilledMidQueryFailsItCleanlyAndOnReconnectServesTheSameHaloGuid() throws Exception {
        Registered registered = registerLink("crashing-server");
        LinkProcess link = launch(registered, "bp-main", "CR" + shortId());
        UUID guid = awaitOnline(registered.linkId());
        String key = acme();

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> unchecked(() ->
                sql(guid.toString(), key, "SELECT SUM(RAND()) FROM SYSTEM_RANGE(1, 10000000000)")));
        Thread.sleep(700);
        long killedAt = System.nanoTime();
        link.kill();
        HttpResponse<String> failed = slow.get(30, TimeUnit.SECONDS);
        Duration afterKill = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(json(failed).path("errorDetails").path("errorMessage").asString()).contains("Halo Link");
        assertThat(afterKill).as("failed fast, not after the query's limits").isLessThan(Duration.ofSeconds(5));

        await(Duration.ofSeconds(10), () -> "offline".equals(json(get("/integrator/sites/" + guid, key))
                .path("availability").asString()), "the site shown offline");
        HttpResponse<String> offline = sql(guid.toString(), key, "SELECT 1");
        assertThat(offline.statusCode()).isEqualTo(503);
        assertThat(json(offline).path("errorDetails").path("errorMessage").asString()).contains("offline");
        // FHIR answers the same failure with the same status, as an OperationOutcome
        HttpResponse<String> fhirOffline = get("/integrator/sites/" + guid + "/fhir/R4/Patient", key);
        assertThat(fhirOffline.statusCode()).as(fhirOffline.body()).isEqualTo(503);
        assertThat(json(fhirOffline).path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(json(fhirOffline).path("issue").get(0).path("code").asString()).isEqualTo("transient");
        assertThat(json(fhirOffline).path("issue").get(0).path("diagnostics").asString()).contains("offline");

        HttpResponse<String> async = post("/integrator/sites/" + guid + "/queries/async", key,
                "{\"command\":{\"text\":\"SELECT 1 AS ONE\"}}");
        assertThat(async.statusCode()).as(async.body()).isEqualTo(201);
        String asyncId = json(async).path("id").asString();
        // an async query waits in the queue for the Link to come back, as any queued query does ...
        HttpResponse<String> expiring = post("/integrator/sites/" + guid + "/queries/async", key,
                "{\"maxTimeInQueue\":1500,\"command\":{\"text\":\"SELECT 2 AS TWO\"}}");
        assertThat(expiring.statusCode()).as(expiring.body()).isEqualTo(201);
        String expiringId = json(expiring).path("id").asString();
        // ... until its maxTimeInQueue passes: then it is expiredInQueue
        await(Duration.ofSeconds(15), () -> "expiredInQueue".equals(json(get("/integrator/sites/" + guid
                + "/queries/" + expiringId, key)).path("status").asString()), "the short-lived query expired in the queue");
        assertThat(json(get("/integrator/sites/" + guid + "/queries/" + asyncId, key)).path("status").asString())
                .as("the other still waits").isEqualTo("queued");

        link.start();
        assertThat(awaitOnline(registered.linkId())).as("the same Halo GUID after a restart").isEqualTo(guid);
        await(Duration.ofSeconds(20), () -> "successful".equals(json(get("/integrator/sites/" + guid
                + "/queries/" + asyncId, key)).path("status").asString()), "the waiting async query ran once the Link was back");
        HttpResponse<String> again = sql(guid.toString(), key, "SELECT COUNT(*) AS N FROM dbo.BPS_Patients");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(rows(again).get(0).path("N").asLong()).isEqualTo(link.patients);
    }

    @Test
    void twoLinksWithOnePmsIdServeOnlyTheAuthoritativeDatabaseUntilAnOperatorMovesIt() throws Exception {
        String pmsId = "MV" + shortId();
        Registered oldServer = registerLink("old-server");
        launch(oldServer, "bp-main", pmsId);
        UUID oldGuid = awaitOnline(oldServer.linkId());
        Registered newServer = registerLink("new-server");
        launch(newServer, "bp-main", pmsId);
        UUID newGuid = awaitOnline(newServer.linkId());
        String key = acme();

        assertThat(sql(oldGuid.toString(), key, "SELECT 1").statusCode()).isEqualTo(200);
        HttpResponse<String> notAuthoritative = sql(newGuid.toString(), key, "SELECT 1");
        assertThat(notAuthoritative.statusCode()).isEqualTo(403);
        assertThat(notAuthoritative.body()).contains("not the authoritative database");

        String move = "{\"haloGuid\":\"" + newGuid + "\"}";
        assertThat(put("/admin/pms/bp-premier/" + pmsId + "/authoritative", "Bearer " + key, move).statusCode())
                .as("an integrator key is no operator credential").isEqualTo(401);
        assertThat(put("/admin/pms/bp-premier/" + pmsId + "/authoritative", operator(),
                "{\"haloGuid\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
        assertThat(put("/admin/pms/bp-premier/" + pmsId + "/authoritative", operator(), move).statusCode())
                .isEqualTo(204);

        assertThat(sql(newGuid.toString(), key, "SELECT 1").statusCode()).isEqualTo(200);
        assertThat(sql(oldGuid.toString(), key, "SELECT 1").statusCode()).isEqualTo(403);
        JsonNode lookup = json(get("/integrator/sites?practiceManagementSiteId=" + pmsId
                + "&practiceManagementName=BestPractice", key));
        assertThat(lookup.toString()).contains(newGuid.toString()).doesNotContain(oldGuid.toString());
    }

    @Test
    void aRevokedLinkIsCutOffAtOnceAndRefusedWhenItComesBack() throws Exception {
        Registered registered = registerLink("stolen-server");
        LinkProcess link = launch(registered, "bp-main", "RV" + shortId());
        UUID guid = awaitOnline(registered.linkId());
        String key = acme();
        assertThat(sql(guid.toString(), key, "SELECT 1").statusCode()).isEqualTo(200);

        assertThat(post("/admin/links/" + registered.linkId() + "/revoke", "Bearer " + key).statusCode())
                .as("an integrator key is no operator credential").isEqualTo(401);
        assertThat(post("/admin/links/" + registered.linkId() + "/revoke", operator()).statusCode()).isEqualTo(204);
        assertThat(post("/admin/links/" + registered.linkId() + "/revoke", operator()).statusCode())
                .as("already revoked").isEqualTo(404);

        await(Duration.ofSeconds(10), () -> sql(guid.toString(), key, "SELECT 1").statusCode() == 503,
                "the site offline once its Link is cut off");
        assertThat(handshake(registered.credential())).as("the revoked credential").isEqualTo(401);
        Thread.sleep(2500); // the Link keeps retrying with backoff: every attempt is refused
        assertThat(json(get("/integrator/sites/" + guid, key)).path("availability").asString()).isEqualTo("offline");
        assertThat(link.output()).contains("refused");
    }

    @Test
    void aLinkCredentialThatIsUnknownOrOfAnotherEnvironmentIsRefusedBeforeTheUpgrade() throws Exception {
        assertThat(handshake("not-a-credential")).isEqualTo(401);
        String staging = databases.registerStandaloneLink("staging-server", "staging").credential();
        assertThat(handshake(staging)).as("a staging Link credential on this deployment").isEqualTo(401);
        assertThat(handshake(registerLink("good-server").credential())).isEqualTo(101);

        HttpResponse<String> byIntegrator = send(HttpRequest.newBuilder(uri("/admin/links"))
                .header("Authorization", "Bearer " + acme()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build());
        assertThat(byIntegrator.statusCode()).isEqualTo(401);
    }

    // --- helpers

    private record Registered(UUID linkId, String credential) {
    }

    /** The one answer that shows the Link's credential (not remembered: every later one must not). */
    private Registered registerLink(String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/links"))
                .header("Authorization", operator()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.path("environment").asString()).isEqualTo("demo");
        return new Registered(UUID.fromString(body.path("linkId").asString()), body.path("credential").asString());
    }

    private LinkProcess launch(Registered registered, String key, String pmsId) throws Exception {
        var acme = integrators.vendorCredentials(integrators.findByName("Acme Health").orElseThrow(), "best-practice")
                .orElseThrow();
        LinkProcess link = new LinkProcess(LINKS_DIR, key, pmsId, acme.user(), acme.password(),
                URI.create("ws://localhost:" + port + "/link/v1"), registered.credential(), mapper);
        started.add(link);
        link.start();
        return link;
    }

    /** The Halo GUID of the Link's one database once the operator's view shows it online. */
    private UUID awaitOnline(UUID linkId) throws Exception {
        await(Duration.ofSeconds(40), () -> linkDatabase(linkId).map(d -> "online".equals(d.path("availability")
                .asString())).orElse(false), "Link " + linkId + " online");
        return UUID.fromString(linkDatabase(linkId).orElseThrow().path("haloGuid").asString());
    }

    private java.util.Optional<JsonNode> linkDatabase(UUID linkId) throws Exception {
        JsonNode links = json(remember(send(HttpRequest.newBuilder(uri("/admin/links"))
                .header("Authorization", operator()).GET().build())));
        for (JsonNode link : links) {
            if (link.path("id").asString().equals(linkId.toString()) && link.path("databases").size() > 0) {
                return java.util.Optional.of(link.path("databases").get(0));
            }
        }
        return java.util.Optional.empty();
    }

    private Instant lastHeartbeat(UUID guid, String key) throws Exception {
        return Instant.parse(json(get("/integrator/sites/" + guid, key)).path("lastHeartbeat").asString());
    }

    private int handshake(String credential) throws Exception {
        try {
            WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + credential)
                    .buildAsync(URI.create("ws://localhost:" + port + "/link/v1"), new WebSocket.Listener() {
                    }).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private void assertNoSecretLeaked(Registered registered, LinkProcess link) throws Exception {
        var acme = integrators.vendorCredentials(integrators.findByName("Acme Health").orElseThrow(), "best-practice")
                .orElseThrow();
        String logs = logText() + link.output();
        for (String secret : List.of(registered.credential(), acme.password(), link.ownerPassword)) {
            assertThat(logs).as("a secret in the logs").doesNotContain(secret);
            assertThat(answers).as("a secret in an answer").noneMatch(a -> a.contains(secret));
        }
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> put(String path, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return remember(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        answers.add(response.body());
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String operator() {
        return "Bearer " + OPERATOR_TOKEN;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Duration limit, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
