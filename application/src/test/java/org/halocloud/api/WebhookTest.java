package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.passthrough.registered.RegisteredQueries;
import org.halocloud.passthrough.webhook.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Webhooks: configured by the operator per subscription, sent once on async completion and changed registered results. */
class WebhookTest extends HaloIntegrationTest {

    private static final String SECRET = "whsec-test-0123456789abcdef";

    @Autowired
    private Webhooks webhooks;

    @Autowired
    private RegisteredQueries registered;

    private HttpServer receiver;
    private final List<Received> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Received(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String receiverBase() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private UUID subscription(String key) {
        return integrators.findByKey(key).orElseThrow().id();
    }

    @Test
    void asyncCompletionSendsOneSignedWebhookWithOnlyTheFiveFields() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        webhooks.configure(subscription(key), receiverBase() + "/hooks/{source}/{siteId}?query={queryId}", SECRET);
        long before = System.currentTimeMillis() / 1000;
        String id = json(async(guid, key, "SELECT INTERNALID, SURNAME FROM PATIENTS ORDER BY INTERNALID")).path("id").asString();

        Received call = awaitCalls(1).get(0);
        assertThat(call.path()).isEqualTo("/hooks/async/" + guid + "?query=" + id);
        JsonNode body = mapper.readTree(call.body());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "occurredAt", "siteId", "queryId", "webhookSource");
        assertThat(body.path("siteId").asString()).isEqualTo(guid);
        assertThat(body.path("queryId").asString()).isEqualTo(id);
        assertThat(body.path("webhookSource").asString()).isEqualTo("async");
        assertThat(OffsetDateTime.parse(body.path("occurredAt").asString())).isNotNull();
        assertThat(call.header("X-Halo-Id")).isEqualTo(body.path("id").asString());
        String timestamp = call.header("X-Halo-Timestamp");
        assertThat(Long.parseLong(timestamp)).isBetween(before - 1, System.currentTimeMillis() / 1000 + 1);
        assertThat(call.header("X-Halo-Signature-256")).isEqualTo(hmac(SECRET, call.body() + "." + timestamp));
        assertThat(call.header("X-Halo-Signature-256")).isNotEqualTo(hmac("another secret", call.body() + "." + timestamp));
        assertThat(call.body()).doesNotContain("SURNAME").doesNotContain("data");

        HttpResponse<String> status = get("/integrator/sites/" + guid + "/queries/" + id, key);
        assertThat(json(status).path("status").asString()).isEqualTo("successful");
        awaitDeliveries(subscription(key), 1);
        Webhooks.Delivery delivery = webhooks.deliveries(subscription(key)).get(0);
        assertThat(delivery.outcome()).isEqualTo("delivered");
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(delivery.source()).isEqualTo("async");
        assertThat(delivery.queryId().toString()).isEqualTo(id);

        json(async(guid, key, "SELECT * FROM NO_SUCH_TABLE"));
        Thread.sleep(1000);
        assertThat(calls).as("a failed async query sends no webhook").hasSize(1);
        webhooks.remove(subscription(key));
    }

    @Test
    void aRegisteredQuerySendsAWebhookForEachChangedResultOnly() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        webhooks.configure(subscription(key), receiverBase() + "/hooks/{source}/{queryId}", SECRET);
        long patient;
        String surname;
        try (Connection c = asPractice(guid, null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT INTERNALID, SURNAME FROM PATIENTS ORDER BY INTERNALID DESC FETCH FIRST 1 ROWS ONLY")) {
            rs.next();
            patient = rs.getLong(1);
            surname = rs.getString(2);
        }
        HttpResponse<String> created = post(RegisteredQueryTest.base(guid), key, mapper.writeValueAsString(Map.of(
                "name", "watch", "registeredQueryType", "query", "frequency", 60, "duration", 3600,
                "registerCommand", Map.of("command", Map.of("text",
                        "SELECT INTERNALID, SURNAME FROM PATIENTS WHERE INTERNALID = " + patient)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).path("id").asString();
        try {
            Instant t0 = Instant.now();
            registered.runDue(t0);
            Received first = awaitCalls(1).get(0);
            assertThat(first.path()).isEqualTo("/hooks/registered/" + id);
            JsonNode body = mapper.readTree(first.body());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "occurredAt", "siteId", "queryId", "webhookSource");
            assertThat(body.path("webhookSource").asString()).isEqualTo("registered");
            assertThat(body.path("queryId").asString()).isEqualTo(id);
            assertThat(body.path("siteId").asString()).isEqualTo(guid);
            assertThat(first.header("X-Halo-Signature-256"))
                    .isEqualTo(hmac(SECRET, first.body() + "." + first.header("X-Halo-Timestamp")));

            registered.runDue(t0.plusSeconds(61));
            Thread.sleep(1000);
            assertThat(calls).as("an unchanged result sends nothing").hasSize(1);

            setSurname(guid, patient, surname.strip() + "W");
            registered.runDue(t0.plusSeconds(122));
            List<Received> all = awaitCalls(2);
            assertThat(mapper.readTree(all.get(1).body()).path("queryId").asString()).isEqualTo(id);
            assertThat(all.get(1).header("X-Halo-Id")).isNotEqualTo(first.header("X-Halo-Id"));
        } finally {
            setSurname(guid, patient, surname);
            webhooks.remove(subscription(key));
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + RegisteredQueryTest.base(guid) + "/" + id)).header(KEY, key).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void aUrlThatIsNotThePatternsIsNeverCalled() throws Exception {
        UUID sub = subscription(acme());
        assertThatThrownBy(() -> webhooks.configure(sub, "http://{siteId}.example.com/hook", SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.configure(sub, "ftp://127.0.0.1/hook/{queryId}", SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.configure(sub, receiverBase() + "/hook/{patientId}", SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.configure(sub, "http://user@127.0.0.1/hook", SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.configure(sub, "/relative/{queryId}", SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.configure(sub, receiverBase() + "/hook", "short"))
                .isInstanceOf(IllegalArgumentException.class);

        String guid = site("bp-premier").haloGuid();
        String key = acme();
        // the operator's pattern names another host (127.0.0.2) than the receiver listening on 127.0.0.1
        webhooks.configure(subscription(key), "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hooks/{queryId}", SECRET);
        String id = json(async(guid, key, "SELECT 1 AS one")).path("id").asString();
        awaitDeliveries(subscription(key), 1);
        Webhooks.Delivery delivery = webhooks.deliveries(subscription(key)).get(0);
        assertThat(delivery.queryId().toString()).isEqualTo(id);
        assertThat(delivery.outcome()).isEqualTo("failed");
        assertThat(delivery.errorClass()).isNotBlank();
        assertThat(calls).isEmpty();

        String other = acme();
        assertThat(json(async(guid, other, "SELECT 1 AS one")).path("id").asString()).isNotBlank();
        Thread.sleep(1000);
        assertThat(calls).as("a subscription without a webhook sends none").isEmpty();
        assertThat(webhooks.deliveries(subscription(other))).isEmpty();
        webhooks.remove(subscription(key));
    }

    @Test
    void aReceiverAnswering500IsCalledExactlyOnce() throws Exception {
        answer.set(500);
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        webhooks.configure(subscription(key), receiverBase() + "/fail/{queryId}", SECRET);
        String id = json(async(guid, key, "SELECT 1 AS one")).path("id").asString();
        awaitCalls(1);
        awaitDeliveries(subscription(key), 1);
        Thread.sleep(2000);
        assertThat(calls).as("no retry").hasSize(1);
        Webhooks.Delivery delivery = webhooks.deliveries(subscription(key)).get(0);
        assertThat(delivery.outcome()).isEqualTo("rejected");
        assertThat(delivery.statusCode()).isEqualTo(500);
        assertThat(delivery.queryId().toString()).isEqualTo(id);
        assertThat(webhooks.deliveries(subscription(key))).hasSize(1);
        webhooks.remove(subscription(key));
    }

    private HttpResponse<String> async(String guid, String key, String text) throws Exception {
        HttpResponse<String> r = post("/integrator/sites/" + guid + "/queries/async", key,
                mapper.writeValueAsString(Map.of("command", Map.of("text", text))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private List<Received> awaitCalls(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (calls.size() < n) {
            assertThat(System.currentTimeMillis()).as("waiting for %s webhook calls, got %s", n, calls.size())
                    .isLessThan(deadline);
            Thread.sleep(25);
        }
        return List.copyOf(calls);
    }

    private void awaitDeliveries(UUID subscription, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (webhooks.deliveries(subscription).size() < n) {
            assertThat(System.currentTimeMillis()).as("waiting for %s deliveries", n).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private void setSurname(String guid, long patient, String surname) throws Exception {
        try (Connection c = asPractice(guid, null);
             PreparedStatement s = c.prepareStatement("UPDATE PATIENTS SET SURNAME = ? WHERE INTERNALID = ?")) {
            s.setString(1, surname);
            s.setLong(2, patient);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
