package org.halocloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.halocloud.demo.DemoManifest;
import org.halocloud.demo.DemoPractices;
import org.halocloud.embedded.InProcessTransport;
import org.halocloud.link.agent.ServedDatabase;
import org.halocloud.kernel.state.Integrators;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Base of every integration test: one application (one Spring context, demo built once) on a random port, called
 * over real HTTP. The state store is H2 unless HALO_TEST_STATE_STORE=postgres, when it is a fresh PostgreSQL
 * database on the local server (CI runs the suite that way).
 */
@SpringBootTest(classes = HaloCloudApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HaloIntegrationTest {

    protected static final Path DATA_DIR = TestStateStore.tempDir();
    protected static final String KEY = "Ocp-Apim-Subscription-Key";
    /** The operator's token in the tests; only its SHA-256 is configured. */
    protected static final String OPERATOR_TOKEN = "operator-token-for-tests-only";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("halo.data-dir", DATA_DIR::toString);
        registry.add("halo.demo.patients", () -> "40");
        registry.add("halo.query.timeout", () -> "2s");
        registry.add("logging.file.name", () -> DATA_DIR.resolve("halo.log").toString());
        registry.add("halo.cors.allowed-origins", () -> "https://app.example.com");
        registry.add("halo.admin.token-sha256", () -> org.halocloud.kernel.security.SubscriptionKeys.hash(OPERATOR_TOKEN));
        TestStateStore.configure(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DemoPractices demo;

    @Autowired
    protected Integrators integrators;

    @Autowired
    protected InProcessTransport transport;

    @Autowired
    protected ObjectMapper mapper;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected DemoManifest manifest() {
        return demo.manifest();
    }

    protected DemoManifest.Site site(String pms, boolean authoritative) {
        return manifest().sites().stream().filter(s -> s.pms().equals(pms) && s.authoritative() == authoritative)
                .findFirst().orElseThrow();
    }

    protected DemoManifest.Site site(String pms) {
        return site(pms, true);
    }

    /** A new key of a demo integrator: its own rate-limit budget, so tests do not spend each other's. */
    protected String freshKey(String integrator) {
        UUID id = integrators.findByName(integrator).orElseThrow();
        return integrators.issueKey(id, "demo", true);
    }

    protected String acme() {
        return freshKey("Acme Health");
    }

    protected HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            b.header(KEY, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String key, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header(KEY, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> immediate(String guid, String key, String json) throws IOException, InterruptedException {
        return post("/integrator/sites/" + guid + "/queries/immediate", key, json);
    }

    /** An immediate query of SQL text without parameters. */
    protected HttpResponse<String> sql(String guid, String key, String text) throws IOException, InterruptedException {
        return immediate(guid, key, mapper.writeValueAsString(java.util.Map.of("command", java.util.Map.of("text", text))));
    }

    protected JsonNode json(HttpResponse<String> response) {
        return mapper.readTree(response.body());
    }

    /** The rows of a successful query: result.data decoded from base64. */
    protected JsonNode rows(HttpResponse<String> response) {
        JsonNode body = json(response);
        return mapper.readTree(new String(Base64.getDecoder().decode(body.path("result").path("data").asString()),
                StandardCharsets.UTF_8));
    }

    /** A connection as the practice itself (the Link's local login): to set up or check data behind the API. */
    protected Connection asPractice(String guid, String catalogue) throws SQLException {
        ServedDatabase db = transport.agentFor(UUID.fromString(guid)).orElseThrow().database(UUID.fromString(guid)).orElseThrow();
        String url = db.linkUrl(catalogue == null ? db.defaultCatalogue() : catalogue);
        return DriverManager.getConnection(url, db.linkUser(), db.linkPassword());
    }

    protected long count(String guid, String catalogue, String sql) throws SQLException {
        try (Connection c = asPractice(guid, catalogue); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    protected String logText() throws IOException {
        Path log = DATA_DIR.resolve("halo.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
