package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.kernel.state.Integrators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The operator API end to end over HTTP: onboarding, keys (issue, rotate, revoke), vendor sign-up and the practice's
 * enablement as the front door applies them, the query metadata listing — and that neither keys nor vendor
 * passwords ever come back or reach a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminApiTest extends HaloIntegrationTest {

    private static final String TRIVIAL = "SELECT 1 AS one";

    @Autowired
    private LoggingSystem logging;

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return admin(method, path, OPERATOR_TOKEN, json);
    }

    private HttpResponse<String> admin(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String body(Object value) {
        return mapper.writeValueAsString(value);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private UUID acmeId() {
        return integrators.findByName("Acme Health").orElseThrow();
    }

    /** Issues a key over the operator API: {subscriptionId, key, keyHint, environment}. */
    private JsonNode issue(UUID integratorId) throws Exception {
        HttpResponse<String> issued = admin("POST", "/admin/integrators/" + integratorId + "/subscriptions", null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued);
    }

    @Test
    void onboardedIntegratorQueriesOnceSignedUpAndEnabledAndNoSecretIsEverShownAgain(CapturedOutput output) throws Exception {
        List<String> loggers = List.of("org.halocloud", "org.springframework.web", "org.springframework.jdbc", "ROOT");
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
        logging.setLogLevel("jdk.internal.httpclient", LogLevel.INFO);
        String name = unique("Gamma Health ");
        String login = unique("GAMMA_").toUpperCase();
        String password = unique("pw-");
        String guid = site("bp-premier").haloGuid();
        List<String> answers = new ArrayList<>();
        String key;
        String rotated;
        try {
            HttpResponse<String> onboarded = admin("POST", "/admin/integrators", body(Map.of("name", name)));
            assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
            UUID id = UUID.fromString(json(onboarded).path("id").asString());
            assertThat(json(onboarded).path("name").asString()).isEqualTo(name);
            assertThat(admin("POST", "/admin/integrators", body(Map.of("name", name))).statusCode()).isEqualTo(409);
            assertThat(admin("POST", "/admin/integrators", body(Map.of("name", " "))).statusCode()).isEqualTo(400);
            assertThat(json(admin("GET", "/admin/integrators", null)).findValuesAsString("name")).contains(name, "Acme Health");

            JsonNode issued = issue(id);
            key = issued.path("key").asString();
            assertThat(issued.path("environment").asString()).isEqualTo("demo");
            assertThat(issued.path("keyHint").asString()).isEqualTo("…" + key.substring(key.length() - 4));
            assertThat(integrators.findByKey(key).orElseThrow().id().toString())
                    .isEqualTo(issued.path("subscriptionId").asString());

            // the key is valid, but the integrator has no login with Bp Premier's vendor yet
            HttpResponse<String> notSignedUp = sql(guid, key, TRIVIAL);
            assertThat(notSignedUp.statusCode()).isEqualTo(403);
            assertThat(json(notSignedUp).path("error").path("message").asString()).contains("not signed up");

            // the practice creates the login in its database, not yet enabled in its PMS settings
            try (Connection c = asPractice(guid, null); var s = c.createStatement()) {
                s.execute("CREATE USER \"" + login + "\" PASSWORD '" + password + "'");
                s.execute("GRANT BP_INTEGRATION TO \"" + login + "\"");
                s.executeUpdate("INSERT INTO dbo.INTEGRATIONS (RECORDID, RECORDSTATUS, PARTNERNAME, DBLOGIN, ENABLED, "
                        + "ENABLEDDATE, DISABLEDDATE, CREATED, CREATEDBY) SELECT MAX(RECORDID) + 1, 1, '" + name + "', '"
                        + login + "', 0, NULL, NULL, CURRENT_TIMESTAMP, 0 FROM dbo.INTEGRATIONS");
            }
            assertThat(admin("PUT", "/admin/integrators/" + id + "/vendors/medical-director",
                    body(Map.of("dbUser", login, "dbPassword", password))).statusCode()).isEqualTo(400);
            assertThat(admin("PUT", "/admin/integrators/" + id + "/vendors/bp-premier",
                    body(Map.of("dbUser", login))).statusCode()).isEqualTo(400);
            HttpResponse<String> signedUp = admin("PUT", "/admin/integrators/" + id + "/vendors/bp-premier",
                    body(Map.of("dbUser", login, "dbPassword", password)));
            assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
            assertThat(json(signedUp).path("vendor").asString()).isEqualTo("best-practice");
            answers.add(signedUp.body());

            transport.report(UUID.fromString(guid));
            HttpResponse<String> notEnabled = sql(guid, key, TRIVIAL);
            assertThat(notEnabled.statusCode()).isEqualTo(403);
            assertThat(json(notEnabled).path("error").path("message").asString()).contains("has not enabled");

            try (Connection c = asPractice(guid, null); var s = c.createStatement()) {
                s.executeUpdate("UPDATE dbo.INTEGRATIONS SET ENABLED = 1 WHERE DBLOGIN = '" + login + "'");
            }
            transport.report(UUID.fromString(guid));
            HttpResponse<String> admitted = sql(guid, key, TRIVIAL);
            assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(200);
            answers.add(admitted.body());

            // a new key for the same subscription: the old one is refused from now on
            HttpResponse<String> rotation = admin("POST", "/admin/subscriptions/" + issued.path("subscriptionId").asString()
                    + "/rotate", null);
            assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
            rotated = json(rotation).path("key").asString();
            assertThat(sql(guid, key, TRIVIAL).statusCode()).isEqualTo(401);
            assertThat(sql(guid, rotated, TRIVIAL).statusCode()).isEqualTo(200);

            answers.add(admin("GET", "/admin/integrators/" + id + "/vendors", null).body());
            answers.add(admin("GET", "/admin/integrators/" + id, null).body());
            answers.add(admin("GET", "/admin/integrators", null).body());
            answers.add(admin("GET", "/admin/subscriptions?integrator=" + id, null).body());
            answers.add(admin("GET", "/admin/subscriptions/" + issued.path("subscriptionId").asString(), null).body());
            answers.add(admin("GET", "/admin/queries?integrator=" + id, null).body());
            assertThat(answers.get(2)).contains(login).contains("best-practice");
        } finally {
            loggers.forEach(l -> logging.setLogLevel(l, l.equals("ROOT") ? LogLevel.INFO : null));
            logging.setLogLevel("jdk.internal.httpclient", null);
            try (Connection c = asPractice(guid, null); var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM dbo.INTEGRATIONS WHERE DBLOGIN = '" + login + "'");
            }
            transport.report(UUID.fromString(guid));
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContain(password).doesNotContain(key).doesNotContain(rotated);
        }
        String logs = output.getAll() + logText();
        assertThat(logs).as("operator actions are logged").contains("operator: integrator");
        assertThat(logs).doesNotContain(password).doesNotContain(key).doesNotContain(rotated).doesNotContain(OPERATOR_TOKEN);
    }

    @Test
    void rotationKeepsTheSubscriptionItsWebhookAndItsQueries() throws Exception {
        String guid = site("bp-premier").haloGuid();
        JsonNode issued = issue(acmeId());
        String subscription = issued.path("subscriptionId").asString();
        String oldKey = issued.path("key").asString();
        String before = json(sql(guid, oldKey, TRIVIAL)).path("id").asString();
        assertThat(admin("PUT", "/admin/subscriptions/" + subscription + "/webhook", body(Map.of(
                "urlPattern", "https://hooks.example.com/halo/{queryId}", "secret", "rotation-test-secret-0123"))).statusCode())
                .isEqualTo(204);

        HttpResponse<String> rotation = admin("POST", "/admin/subscriptions/" + subscription + "/rotate", null);
        assertThat(rotation.statusCode()).isEqualTo(200);
        JsonNode rotated = json(rotation);
        assertThat(rotated.path("subscriptionId").asString()).isEqualTo(subscription);
        String newKey = rotated.path("key").asString();
        assertThat(newKey).isNotEqualTo(oldKey);

        HttpResponse<String> refused = sql(guid, oldKey, TRIVIAL);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("error").path("status").asInt()).isEqualTo(401);
        HttpResponse<String> after = sql(guid, newKey, TRIVIAL);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(integrators.findByKey(newKey).orElseThrow().id().toString()).isEqualTo(subscription);

        assertThat(json(admin("GET", "/admin/subscriptions/" + subscription + "/webhook", null)).path("urlPattern").asString())
                .isEqualTo("https://hooks.example.com/halo/{queryId}");
        JsonNode shown = json(admin("GET", "/admin/subscriptions/" + subscription, null));
        assertThat(shown.path("keyHint").asString()).isEqualTo(rotated.path("keyHint").asString());
        assertThat(shown.path("rotatedAt").isNull()).isFalse();
        // both keys' queries stay the one subscription's
        JsonNode logged = json(admin("GET", "/admin/queries?subscription=" + subscription, null)).path("queries");
        assertThat(logged.findValuesAsString("id")).containsExactly(json(after).path("id").asString(), before);
    }

    @Test
    void aRevokedKeyIsRefusedFromThenOn() throws Exception {
        String guid = site("bp-premier").haloGuid();
        for (String how : List.of("POST", "DELETE")) {
            JsonNode issued = issue(acmeId());
            String subscription = issued.path("subscriptionId").asString();
            String key = issued.path("key").asString();
            assertThat(sql(guid, key, TRIVIAL).statusCode()).isEqualTo(200);
            HttpResponse<String> revoked = how.equals("POST")
                    ? admin("POST", "/admin/subscriptions/" + subscription + "/revoke", null)
                    : admin("DELETE", "/admin/subscriptions/" + subscription, null);
            assertThat(revoked.statusCode()).isEqualTo(204);
            assertThat(sql(guid, key, TRIVIAL).statusCode()).isEqualTo(401);
            assertThat(get("/integrator/sites/" + guid, key).statusCode()).isEqualTo(401);
            assertThat(json(admin("GET", "/admin/subscriptions/" + subscription, null)).path("status").asString())
                    .isEqualTo("revoked");
            assertThat(admin("POST", "/admin/subscriptions/" + subscription + "/rotate", null).statusCode()).isEqualTo(409);
            assertThat(admin("POST", "/admin/subscriptions/" + subscription + "/revoke", null).statusCode()).isEqualTo(204);
        }
        assertThat(admin("POST", "/admin/subscriptions/" + UUID.randomUUID() + "/revoke", null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "/admin/integrators/" + UUID.randomUUID() + "/subscriptions", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aKeyOfAnotherEnvironmentIsRefused() throws Exception {
        Integrators.IssuedKey staging = integrators.issue(acmeId(), "staging", false);
        HttpResponse<String> refused = sql(site("bp-premier").haloGuid(), staging.key(), TRIVIAL);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("error").path("message").asString()).contains("environment");
        // a node issues and rotates keys only for its own deployment
        assertThat(admin("POST", "/admin/subscriptions/" + staging.subscriptionId() + "/rotate", null).statusCode())
                .isEqualTo(409);
        assertThat(integrators.findByKey(staging.key())).isPresent();
    }

    @Test
    void everyOperatorEndpointRefusesAnythingButTheOperatorsToken() throws Exception {
        String key = acme();
        UUID sub = integrators.findByKey(key).orElseThrow().id();
        UUID acme = acmeId();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/admin/integrators"},
                new String[] {"POST", "/admin/integrators"},
                new String[] {"GET", "/admin/integrators/" + acme},
                new String[] {"POST", "/admin/integrators/" + acme + "/subscriptions"},
                new String[] {"GET", "/admin/integrators/" + acme + "/vendors"},
                new String[] {"PUT", "/admin/integrators/" + acme + "/vendors/zedmed"},
                new String[] {"DELETE", "/admin/integrators/" + acme + "/vendors/zedmed"},
                new String[] {"GET", "/admin/subscriptions?integrator=Acme%20Health"},
                new String[] {"GET", "/admin/subscriptions/" + sub},
                new String[] {"POST", "/admin/subscriptions/" + sub + "/rotate"},
                new String[] {"POST", "/admin/subscriptions/" + sub + "/revoke"},
                new String[] {"DELETE", "/admin/subscriptions/" + sub},
                new String[] {"PUT", "/admin/subscriptions/" + sub + "/webhook"},
                new String[] {"GET", "/admin/subscriptions/" + sub + "/webhook"},
                new String[] {"DELETE", "/admin/subscriptions/" + sub + "/webhook"},
                new String[] {"GET", "/admin/queries"},
                // refused before the request is even read: a malformed id or an unknown path says nothing either
                new String[] {"POST", "/admin/subscriptions/not-a-uuid/rotate"},
                new String[] {"GET", "/admin/nothing-here"});
        String json = body(Map.of("name", "x", "dbUser", "x", "dbPassword", "x", "urlPattern", "https://x", "secret", "x"));
        for (String[] e : endpoints) {
            for (String token : new String[] {null, "", "wrong-token", key, OPERATOR_TOKEN + "x"}) {
                HttpResponse<String> r = admin(e[0], e[1], token, json);
                assertThat(r.statusCode()).as(e[0] + " " + e[1] + " with " + token).isEqualTo(401);
                assertThat(json(r).path("error").path("status").asInt()).isEqualTo(401);
                assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
            }
            HttpRequest.Builder withKeyHeader = HttpRequest.newBuilder(URI.create("http://localhost:" + port + e[1]))
                    .method(e[0], HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                    .header(KEY, key);
            assertThat(http.send(withKeyHeader.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(e[0] + " " + e[1] + " with a subscription key header").isEqualTo(401);
        }
        assertThat(integrators.findByKey(key).orElseThrow().active()).as("nothing was revoked").isTrue();
        assertThat(admin("GET", "/admin/nothing-here", null).statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = admin("POST", "/admin/integrators", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").path("status").asInt()).isEqualTo(400);
    }

    @Test
    void queryMetadataIsListedNewestFirstInPagesWithoutSqlText() throws Exception {
        String guid = site("bp-premier").haloGuid();
        JsonNode issued = issue(acmeId());
        String key = issued.path("key").asString();
        String subscription = issued.path("subscriptionId").asString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = sql(guid, key, "SELECT " + i + " AS marker_col_zq" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            ids.add(json(r).path("id").asString());
        }
        HttpResponse<String> failed = sql(guid, key, "SELECT * FROM NO_SUCH_TABLE_ZQ");
        assertThat(failed.statusCode()).isEqualTo(400);
        ids.add(json(failed).path("id").asString());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = admin("GET", "/admin/queries?site=" + guid + "&integrator=" + acmeId()
                    + "&subscription=" + subscription + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("marker_col_zq").doesNotContain("NO_SUCH_TABLE").doesNotContain("SELECT");
            JsonNode body = json(page);
            assertThat(body.path("queries").size()).isLessThanOrEqualTo(2);
            body.path("queries").forEach(q -> {
                assertThat(q.path("siteId").asString()).isEqualTo(guid);
                assertThat(q.path("integrator").asString()).isEqualTo("Acme Health");
                seen.add(q.path("id").asString());
            });
            cursor = body.path("next").isNull() ? null : body.path("next").asString();
            pages++;
        } while (cursor != null && pages < 5);
        // newest first, two pages of two, then no next
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        JsonNode mine = json(admin("GET", "/admin/queries?integrator=Acme%20Health&subscription=" + subscription, null))
                .path("queries");
        JsonNode failure = null;
        for (JsonNode q : mine) {
            if (q.path("id").asString().equals(ids.get(3))) {
                failure = q;
            }
        }
        assertThat(failure).isNotNull();
        assertThat(failure.path("status").asString()).isEqualTo("executionFailed");
        assertThat(failure.path("errorType").asString()).isNotBlank();
        assertThat(failure.path("mode").asString()).isEqualTo("immediate");
        assertThat(failure.path("subscriptionId").asString()).isEqualTo(subscription);
        assertThat(failure.path("commandSize").asInt()).isPositive();

        String later = java.time.OffsetDateTime.now().plusHours(1).toInstant().toString();
        assertThat(json(admin("GET", "/admin/queries?since=" + later, null)).path("queries").size()).isZero();
        assertThat(json(admin("GET", "/admin/queries?subscription=" + subscription + "&since=2020-01-01T00:00:00+10:00",
                null)).path("queries").size()).isEqualTo(4);
        assertThat(json(admin("GET", "/admin/queries?subscription=" + subscription + "&since=2020-01-01", null))
                .path("queries").size()).isEqualTo(4);
        assertThat(admin("GET", "/admin/queries?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?limit=1001", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?cursor=bm9wZQ", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?site=nope", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?subscription=nope", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?since=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(admin("GET", "/admin/queries?integrator=No%20Such%20One", null).statusCode()).isEqualTo(404);
        assertThat(json(admin("GET", "/admin/queries", null)).path("queries").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void vendorSignUpsAreKeptPerVendorWithD4wAndD4webSharingCentaurs() throws Exception {
        UUID id = UUID.fromString(json(admin("POST", "/admin/integrators", body(Map.of("name", unique("Delta ")))))
                .path("id").asString());
        String first = unique("pw1-");
        String second = unique("pw2-");
        assertThat(json(admin("PUT", "/admin/integrators/" + id + "/vendors/d4w",
                body(Map.of("dbUser", "DELTA_CS", "dbPassword", first)))).path("vendor").asString()).isEqualTo("centaur");
        HttpResponse<String> replaced = admin("PUT", "/admin/integrators/" + id + "/vendors/d4web",
                body(Map.of("dbUser", "DELTA_CS2", "dbPassword", second)));
        assertThat(json(replaced).path("vendor").asString()).isEqualTo("centaur");
        assertThat(json(replaced).path("updatedAt").isNull()).isFalse();
        JsonNode list = json(admin("GET", "/admin/integrators/" + id + "/vendors", null));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("dbUser").asString()).isEqualTo("DELTA_CS2");
        assertThat(list.toString()).doesNotContain(first).doesNotContain(second).doesNotContain("assword");
        // sealed exactly as the demo's sign-ups: the front door's credential lookup opens it
        assertThat(integrators.vendorCredentials(id, "centaur").orElseThrow().password()).isEqualTo(second);
        assertThat(admin("PUT", "/admin/integrators/" + id + "/vendors/best-practice",
                body(Map.of("dbUser", "DELTA_BP", "dbPassword", first))).statusCode()).isEqualTo(200);
        assertThat(json(admin("GET", "/admin/integrators/" + id + "/vendors", null)).findValuesAsString("vendor"))
                .containsExactly("best-practice", "centaur");
        assertThat(admin("DELETE", "/admin/integrators/" + id + "/vendors/centaur", null).statusCode()).isEqualTo(204);
        assertThat(admin("DELETE", "/admin/integrators/" + id + "/vendors/centaur", null).statusCode()).isEqualTo(404);
        assertThat(admin("PUT", "/admin/integrators/" + UUID.randomUUID() + "/vendors/zedmed",
                body(Map.of("dbUser", "X", "dbPassword", "y"))).statusCode()).isEqualTo(404);
    }

    @Test
    void theOperatorApiIsInTheOpenApiDocument() throws Exception {
        JsonNode doc = json(get("/v3/api-docs", null));
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/admin/integrators", "/admin/integrators/{integratorId}/subscriptions",
                "/admin/subscriptions/{subscriptionId}/rotate", "/admin/subscriptions/{subscriptionId}/revoke",
                "/admin/integrators/{integratorId}/vendors/{vendor}", "/admin/queries")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/admin/integrators").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/admin/queries").path("get").path("responses").has("401")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("operator").path("scheme").asString())
                .isEqualTo("bearer");
        int operations = 0;
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/admin/")) {
                continue;
            }
            for (JsonNode operation : paths.path(path)) {
                operations++;
                assertThat(operation.path("tags").toString()).as(path).contains("Operator");
                assertThat(operation.path("security").toString()).as(path).contains("operator");
                assertThat(operation.path("responses").has("401")).as(path).isTrue();
            }
        }
        assertThat(operations).as("every operator operation").isGreaterThanOrEqualTo(19);
        assertThat(paths.path("/admin/links").has("post")).isTrue();
        assertThat(paths.path("/admin/links").has("get")).isTrue();
        assertThat(paths.path("/admin/pms/{pms}/{pmsId}/authoritative").has("put")).isTrue();
    }
}
