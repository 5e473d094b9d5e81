package org.halocloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.halocloud.demo.DemoManifest;
import org.halocloud.embedded.InProcessTransport;
import org.halocloud.kernel.link.LinkTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two cloud nodes in this JVM over one state store and one NATS broker: node A runs the demo (its in-process Links
 * hold every demo site), node B runs none. Queries sent to B — SQL passthrough and FHIR, over real HTTP — reach the
 * Links in A and answer what A answers; a result of several MB streams through B; once A stops, B answers 503 offline
 * at once.
 *
 * <p>Cost: two application contexts of its own (A with a 40-patient demo, B without one), ~14 s in the full suite;
 * the shared context of the other integration tests is not touched. The state store is an H2 file both contexts open
 * in this JVM (one database, as PostgreSQL would be for two processes). Needs NATS at HALO_TEST_NATS_URL (default
 * nats://127.0.0.1:4222, which these machines and CI run); skipped, saying so, when none answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String KEY_HEADER = TwoNodeCluster.KEY_HEADER;

    private static TwoNodeCluster cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static int portA;
    private static int portB;
    private static DemoManifest manifest;
    private static String key;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeAll
    static void startTwoNodes() throws IOException {
        cluster = TwoNodeCluster.start("the two-node cluster test", Map.of("halo.demo.patients", "40"));
        nodeA = cluster.nodeA;
        nodeB = cluster.nodeB;
        portA = cluster.portA;
        portB = cluster.portB;
        manifest = cluster.manifest;
        key = cluster.key;
    }



    @AfterAll
    static void stopNodes() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String guid(String pms) {
        return manifest.sites().stream().filter(s -> s.pms().equals(pms) && s.authoritative()).findFirst()
                .orElseThrow().haloGuid();
    }

    private HttpResponse<String> sql(int port, String guid, String text) throws IOException, InterruptedException {
        String body = mapper.writeValueAsString(Map.of("command", Map.of("text", text)));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrator/sites/" + guid
                        + "/queries/immediate")).header(KEY_HEADER, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> fhir(int port, String guid, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/integrator/sites/" + guid
                + "/fhir/R4/" + path)).header(KEY_HEADER, key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The rows of a successful immediate query: result.data decoded from base64. */
    private JsonNode rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = mapper.readTree(response.body());
        return mapper.readTree(new String(Base64.getDecoder().decode(body.path("result").path("data").asString()),
                StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void theOtherNodeReportsTheLinkStatusOfTheHoldingNode() {
        UUID site = UUID.fromString(guid("bp-premier"));
        assertThat(nodeA.getBean(InProcessTransport.class).serves(site)).isTrue();
        assertThat(nodeB.getBean(InProcessTransport.class).serves(site)).as("B holds no Link").isFalse();
        assertThat(nodeB.getBean(LinkTransport.class).status(site))
                .hasValueSatisfying(status -> assertThat(status.online()).isTrue());
    }

    @Test
    @Order(2)
    void anImmediateQueryThroughTheOtherNodeAnswersWhatTheHoldingNodeAnswers() throws Exception {
        for (String pms : new String[] {"bp-premier", "zedmed"}) {
            String table = pms.equals("bp-premier") ? "BPS_Patients" : "PATIENT";
            JsonNode fromA = rows(sql(portA, guid(pms), "SELECT * FROM " + table));
            long started = System.nanoTime();
            HttpResponse<String> throughB = sql(portB, guid(pms), "SELECT * FROM " + table);
            long ms = (System.nanoTime() - started) / 1_000_000;
            JsonNode fromB = rows(throughB);
            assertThat(fromB.size()).as(pms).isPositive();
            assertThat(fromB).as(pms).isEqualTo(fromA);
            JsonNode envelope = mapper.readTree(throughB.body());
            assertThat(envelope.path("siteId").asString()).isEqualTo(guid(pms));
            assertThat(envelope.path("result").path("rows").asLong()).isEqualTo(fromA.size());
            System.out.printf("[cluster] %s: %d rows through node B in %d ms%n", pms, fromB.size(), ms);
        }
    }

    @Test
    @Order(3)
    void aFhirReadThroughTheOtherNodeAnswersWhatTheHoldingNodeAnswers() throws Exception {
        String guid = guid("bp-premier");
        HttpResponse<String> search = fhir(portA, guid, "Patient?_count=3");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        String id = mapper.readTree(search.body()).path("entry").get(0).path("resource").path("id").asString();
        HttpResponse<String> fromA = fhir(portA, guid, "Patient/" + id);
        HttpResponse<String> fromB = fhir(portB, guid, "Patient/" + id);
        assertThat(fromA.statusCode()).as(fromA.body()).isEqualTo(200);
        assertThat(fromB.statusCode()).as(fromB.body()).isEqualTo(200);
        assertThat(mapper.readTree(fromB.body())).isEqualTo(mapper.readTree(fromA.body()));
        assertThat(fhir(portB, guid, "Patient/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aResultOfSeveralMegabytesStreamsThroughTheOtherNode() throws Exception {
        String guid = guid("bp-premier");
        String text = "SELECT X, REPEAT('x', 1000) AS PAD FROM SYSTEM_RANGE(1, 6000)";
        HttpResponse<String> fromA = null;
        HttpResponse<String> fromB = null;
        long[] msA = new long[2];
        long[] msB = new long[2];
        for (int i = 0; i < 2; i++) { // the second round warm: what the hop adds
            long a0 = System.nanoTime();
            fromA = sql(portA, guid, text);
            long a1 = System.nanoTime();
            fromB = sql(portB, guid, text);
            msA[i] = (a1 - a0) / 1_000_000;
            msB[i] = (System.nanoTime() - a1) / 1_000_000;
        }
        assertThat(fromB.body().length()).isGreaterThan(6_000_000);
        JsonNode rowsB = rows(fromB);
        assertThat(rowsB.size()).isEqualTo(6000);
        assertThat(rowsB).isEqualTo(rows(fromA));
        System.out.printf("[cluster] 6 000 rows, %.1f MB answer: node A %d ms then %d ms, through node B %d ms then %d ms%n",
                fromB.body().length() / 1e6, msA[0], msA[1], msB[0], msB[1]);
    }

    @Test
    @Order(5)
    void aFailureAtTheDatabaseComesBackThroughTheOtherNode() throws Exception {
        HttpResponse<String> fromA = sql(portA, guid("bp-premier"), "SELECT NOPE FROM BPS_Patients");
        HttpResponse<String> fromB = sql(portB, guid("bp-premier"), "SELECT NOPE FROM BPS_Patients");
        assertThat(fromB.statusCode()).isEqualTo(fromA.statusCode());
        JsonNode a = mapper.readTree(fromA.body());
        JsonNode b = mapper.readTree(fromB.body());
        assertThat(b.path("status").asString()).isEqualTo(a.path("status").asString());
        assertThat(b.path("error")).isEqualTo(a.path("error"));
    }

    @Test
    @Order(10)
    void whenTheHoldingNodeStopsItsSitesAreOfflineAtOnce() throws Exception {
        String guid = guid("bp-premier");
        nodeA.close();
        long started = System.nanoTime();
        HttpResponse<String> response = sql(portB, guid, "SELECT 1 AS ONE");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.body()).containsIgnoringCase("offline");
        assertThat(ms).as("answered without waiting out a timeout").isLessThan(2000);
        HttpResponse<String> fhir = fhir(portB, guid, "Patient?_count=1");
        assertThat(fhir.statusCode()).as(fhir.body()).isEqualTo(503);
        System.out.printf("[cluster] site of a stopped node: 503 from node B in %d ms%n", ms);
    }
}
