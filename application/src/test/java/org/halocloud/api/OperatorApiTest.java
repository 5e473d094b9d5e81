package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.passthrough.webhook.Webhooks;
import org.junit.jupiter.api.Test;

/** The operator configures a subscription's webhook over the operator API; integrator keys get nowhere there. */
class OperatorApiTest extends HaloIntegrationTest {

    private static final String SECRET = "operator-set-secret-0123456789";

    private HttpResponse<String> admin(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void integratorKeysAreRefusedAndSecretsNeverReturned() throws Exception {
        String key = acme();
        assertThat(admin("GET", "/admin/subscriptions?integrator=Acme%20Health", null, null).statusCode()).isEqualTo(401);
        assertThat(admin("GET", "/admin/subscriptions?integrator=Acme%20Health", key, null).statusCode()).isEqualTo(401);
        HttpResponse<String> withKeyHeader = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/admin/subscriptions?integrator=Acme%20Health")).header(KEY, key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKeyHeader.statusCode()).isEqualTo(401);

        HttpResponse<String> list = admin("GET", "/admin/subscriptions?integrator=Acme%20Health", OPERATOR_TOKEN, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(key).contains(key.substring(key.length() - 4));
    }

    @Test
    void theOperatorsWebhookIsCalledSignedWhenAnAsyncQueryCompletes() throws Exception {
        List<String[]> calls = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-Halo-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Halo-Signature-256")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String key = acme();
            String subscription = mapper.readTree(admin("GET", "/admin/subscriptions?integrator=Acme%20Health",
                    OPERATOR_TOKEN, null).body()).findValuesAsString("id").stream()
                    .filter(id -> integrators.findByKey(key).orElseThrow().id().toString().equals(id)).findFirst().orElseThrow();
            String path = "/admin/subscriptions/" + subscription + "/webhook";
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

            assertThat(admin("PUT", path, OPERATOR_TOKEN, mapper.writeValueAsString(Map.of(
                    "urlPattern", "ftp://elsewhere/{queryId}", "secret", SECRET))).statusCode()).isEqualTo(400);
            assertThat(admin("PUT", path, key, mapper.writeValueAsString(Map.of(
                    "urlPattern", base + "/hooks/{source}/{queryId}", "secret", SECRET))).statusCode()).isEqualTo(401);
            assertThat(admin("PUT", path, OPERATOR_TOKEN, mapper.writeValueAsString(Map.of(
                    "urlPattern", base + "/hooks/{source}/{queryId}", "secret", SECRET))).statusCode()).isEqualTo(204);
            HttpResponse<String> shown = admin("GET", path, OPERATOR_TOKEN, null);
            assertThat(shown.body()).contains("/hooks/{source}/{queryId}").doesNotContain(SECRET);

            HttpResponse<String> created = post("/integrator/sites/" + site("bp-premier").haloGuid() + "/queries/async", key,
                    "{\"command\":{\"text\":\"SELECT 1 AS one\"}}");
            assertThat(created.statusCode()).isEqualTo(201);
            long deadline = System.currentTimeMillis() + 15_000;
            while (calls.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(calls).hasSize(1);
            String[] call = calls.get(0);
            assertThat(call[0]).contains(json(created).path("id").asString()).contains("\"webhookSource\":\"async\"");
            assertThat(call[2]).isEqualTo(Webhooks.sign(SECRET, call[0], call[1]));

            assertThat(admin("DELETE", path, OPERATOR_TOKEN, null).statusCode()).isEqualTo(204);
            assertThat(admin("GET", path, OPERATOR_TOKEN, null).statusCode()).isEqualTo(404);
        } finally {
            receiver.stop(0);
        }
    }
}
