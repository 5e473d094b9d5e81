package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.passthrough.registered.RegisteredQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Halo's registered queries over HTTP: bounds, runs driven by the scheduler's clock, change-only storage, isolation. */
class RegisteredQueryTest extends HaloIntegrationTest {

    @Autowired
    private RegisteredQueries registered;

    @Autowired
    private JdbcClient cloud;

    @Test
    void boundsAreEnforcedWithHalosErrorBody() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        long before = cloud.sql("SELECT COUNT(*) FROM registered_query").query(Long.class).single();
        assertRefused(register(guid, key, "too often", 59, 3600, "SELECT 1 AS one"), "frequency");
        assertRefused(register(guid, key, "too long", 60, 86_401, "SELECT 1 AS one"), "duration");
        assertRefused(post(base(guid), key, "{\"name\":\"x\",\"registeredQueryType\":\"report\",\"frequency\":60,"
                + "\"duration\":60,\"registerCommand\":{\"command\":{\"text\":\"SELECT 1\"}}}"), "registeredQueryType");
        assertRefused(post(base(guid), key, "{\"name\":\"x\",\"registeredQueryType\":\"query\",\"frequency\":60,"
                + "\"duration\":60}"), "registerCommand");
        assertRefused(post(base(guid), key, "{\"name\":\"x\",\"registeredQueryType\":\"query\",\"frequency\":60.5,"
                + "\"duration\":60,\"registerCommand\":{\"command\":{\"text\":\"SELECT 1\"}}}"), "frequency");
        assertThat(cloud.sql("SELECT COUNT(*) FROM registered_query").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> edge = register(guid, key, "edges", 60, 86_400, "SELECT 1 AS one");
        assertThat(edge.statusCode()).as(edge.body()).isEqualTo(202);
        assertThat(json(edge).propertyNames()).containsExactly("id");
        assertThat(delete(base(guid) + "/" + json(edge).path("id").asString(), key).statusCode()).isEqualTo(204);
        assertThat(register(UUID.randomUUID().toString(), key, "x", 60, 60, "SELECT 1").statusCode()).isEqualTo(404);
        assertThat(register(guid, null, "x", 60, 60, "SELECT 1").statusCode()).isEqualTo(401);
    }

    @Test
    void aRegistrationRunsAndStoresItsResultOnlyWhenItChanged() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        long patient;
        String surname;
        try (Connection c = asPractice(guid, null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT INTERNALID, SURNAME FROM PATIENTS ORDER BY INTERNALID FETCH FIRST 1 ROWS ONLY")) {
            rs.next();
            patient = rs.getLong(1);
            surname = rs.getString(2);
        }
        String text = "SELECT INTERNALID, SURNAME FROM PATIENTS WHERE INTERNALID <= " + (patient + 4) + " ORDER BY INTERNALID";
        HttpResponse<String> created = register(guid, key, "first patients", 60, 3600, text);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).path("id").asString();
        assertThat(get(base(guid) + "/" + id + "/results", key).statusCode()).as("nothing before a run").isIn(200, 409);

        Instant t0 = Instant.now();
        registered.runDue(t0);
        JsonNode first = registration(guid, key, id);
        assertThat(first.path("status").asString()).isEqualTo("enabled");
        assertThat(first.path("name").asString()).isEqualTo("first patients");
        assertThat(first.path("registeredQueryType").asString()).isEqualTo("query");
        assertThat(first.path("frequency").asInt()).isEqualTo(60);
        assertThat(first.path("duration").asInt()).isEqualTo(3600);
        assertThat(first.path("metrics").path("executionSucceededCount").asLong()).isEqualTo(1);
        assertThat(first.path("metrics").path("executionFailedCount").asLong()).isZero();
        assertThat(first.path("metrics").path("lastSucceededAt").isString()).isTrue();
        assertThat(first.path("metrics").path("lastExecutionDuration").isNumber()).isTrue();
        assertThat(first.path("metrics").path("requestSize").asInt()).isPositive();
        String hash = first.path("lastHash").asString();
        assertThat(hash).hasSize(64);
        assertThat(stored(id)).isEqualTo(1);

        HttpResponse<String> result = get(base(guid) + "/" + id + "/results", key);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = json(result);
        JsonNode rows = mapper.readTree(Base64.getDecoder().decode(body.path("data").asString()));
        assertThat(body.path("rows").asLong()).isEqualTo(rows.size()).isPositive();
        assertThat(body.path("size").asLong()).isEqualTo(Base64.getDecoder().decode(body.path("data").asString()).length);
        assertThat(rows.get(0).path("INTERNALID").asLong()).isEqualTo(patient);
        assertThat(rows.get(0).path("SURNAME").asString()).isEqualTo(surname);

        assertThat(registered.runDue(t0.plusSeconds(30))).as("not due before its frequency").isZero();
        registered.runDue(t0.plusSeconds(61));
        JsonNode second = registration(guid, key, id);
        assertThat(second.path("metrics").path("executionSucceededCount").asLong()).isEqualTo(2);
        assertThat(second.path("lastHash").asString()).isEqualTo(hash);
        assertThat(stored(id)).as("an unchanged result is not stored again").isEqualTo(1);

        String renamed = surname.strip() + "X";
        try {
            setSurname(guid, patient, renamed);
            registered.runDue(t0.plusSeconds(122));
            JsonNode third = registration(guid, key, id);
            assertThat(third.path("metrics").path("executionSucceededCount").asLong()).isEqualTo(3);
            assertThat(third.path("lastHash").asString()).isNotEqualTo(hash);
            assertThat(stored(id)).as("a changed result is stored").isEqualTo(2);
            JsonNode changed = mapper.readTree(Base64.getDecoder().decode(
                    json(get(base(guid) + "/" + id + "/results", key)).path("data").asString()));
            assertThat(changed.get(0).path("SURNAME").asString().strip()).isEqualTo(renamed);
        } finally {
            setSurname(guid, patient, surname);
        }
        assertThat(logText()).doesNotContain(renamed);
        assertThat(delete(base(guid) + "/" + id, key).statusCode()).isEqualTo(204);
    }

    @Test
    void aFailingRunRecordsTheErrorAndTheResultsSayWhy() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(register(guid, key, "broken", 60, 600, "SELECT * FROM NO_SUCH_TABLE")).path("id").asString();
        registered.runDue(Instant.now());
        JsonNode reg = registration(guid, key, id);
        assertThat(reg.path("metrics").path("executionFailedCount").asLong()).isEqualTo(1);
        assertThat(reg.path("metrics").path("lastFailedAt").isString()).isTrue();
        assertThat(reg.path("lastErrorDetails").path("errorType").asString()).isEqualTo("mssql");
        assertThat(reg.path("lastErrorDetails").path("errorMessage").asString()).containsIgnoringCase("NO_SUCH_TABLE");
        HttpResponse<String> result = get(base(guid) + "/" + id + "/results", key);
        assertThat(result.statusCode()).isEqualTo(409);
        assertThat(json(result).path("error").path("message").asString()).containsIgnoringCase("NO_SUCH_TABLE");
        assertThat(delete(base(guid) + "/" + id, key).statusCode()).isEqualTo(204);
    }

    @Test
    void listDeleteAndNotRunAgain() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String a = json(register(guid, key, "a", 60, 3600, "SELECT 1 AS one")).path("id").asString();
        String b = json(register(guid, key, "b", 120, 3600, "SELECT 2 AS two")).path("id").asString();
        HttpResponse<String> list = get(base(guid), key);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).path("registeredQueries").valueStream().map(q -> q.path("id").asString()).toList())
                .contains(a, b);

        Instant t0 = Instant.now();
        registered.runDue(t0);
        assertThat(delete(base(guid) + "/" + a, key).statusCode()).isEqualTo(204);
        JsonNode cancelled = registration(guid, key, a);
        assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.path("completedAt").isString()).isTrue();
        long runs = cancelled.path("metrics").path("executionSucceededCount").asLong();
        registered.runDue(t0.plusSeconds(200));
        assertThat(registration(guid, key, a).path("metrics").path("executionSucceededCount").asLong())
                .as("a cancelled registration is not run again").isEqualTo(runs);
        assertThat(registration(guid, key, b).path("metrics").path("executionSucceededCount").asLong()).isEqualTo(2);
        assertThat(delete(base(guid) + "/" + a, key).statusCode()).as("cancelling again").isEqualTo(204);
        assertThat(delete(base(guid) + "/" + UUID.randomUUID(), key).statusCode()).isEqualTo(404);
        assertThat(delete(base(guid) + "/" + b, key).statusCode()).isEqualTo(204);
    }

    @Test
    void aRegistrationEndsCompletedWhenItsDurationHasPassed() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(register(guid, key, "short", 60, 90, "SELECT 1 AS one")).path("id").asString();
        Instant t0 = Instant.now();
        registered.runDue(t0);
        registered.runDue(t0.plusSeconds(61));
        registered.runDue(t0.plusSeconds(200));
        JsonNode reg = registration(guid, key, id);
        assertThat(reg.path("status").asString()).isEqualTo("completed");
        assertThat(reg.path("completedAt").isString()).isTrue();
        assertThat(reg.path("metrics").path("executionSucceededCount").asLong()).isEqualTo(2);
    }

    @Test
    void anotherIntegratorsOrAnotherSitesRegistrationIsNotFound() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String id = json(register(guid, key, "mine", 60, 600, "SELECT 1 AS one")).path("id").asString();
        registered.runDue(Instant.now());
        String beta = freshKey("Beta Bookings");
        assertThat(get(base(guid) + "/" + id, beta).statusCode()).isEqualTo(404);
        assertThat(get(base(guid) + "/" + id + "/results", beta).statusCode()).isEqualTo(404);
        assertThat(delete(base(guid) + "/" + id, beta).statusCode()).isEqualTo(404);
        assertThat(json(get(base(guid), beta)).path("registeredQueries").valueStream()
                .map(q -> q.path("id").asString()).toList()).doesNotContain(id);
        String other = site("d4w").haloGuid();
        assertThat(get(base(other) + "/" + id, key).statusCode()).isEqualTo(404);
        assertThat(get(base(other) + "/" + id + "/results", key).statusCode()).isEqualTo(404);
        assertThat(registration(guid, key, id).path("status").asString()).isEqualTo("enabled");
        assertThat(get(base(guid) + "/" + id + "/results", acme()).statusCode()).as("another key of the same integrator")
                .isEqualTo(200);
        assertThat(delete(base(guid) + "/" + id, key).statusCode()).isEqualTo(204);
    }

    private long stored(String id) {
        return cloud.sql("SELECT results_stored FROM registered_query WHERE id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
    }

    private void setSurname(String guid, long patient, String surname) throws Exception {
        try (Connection c = asPractice(guid, null);
             PreparedStatement s = c.prepareStatement("UPDATE PATIENTS SET SURNAME = ? WHERE INTERNALID = ?")) {
            s.setString(1, surname);
            s.setLong(2, patient);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private JsonNode registration(String guid, String key, String id) throws Exception {
        HttpResponse<String> response = get(base(guid) + "/" + id, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private void assertRefused(HttpResponse<String> response, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("message").asString()).contains(mentions);
    }

    static String base(String guid) {
        return "/integrator/sites/" + guid + "/queries/registered";
    }

    private HttpResponse<String> register(String guid, String key, String name, int frequency, int duration, String text)
            throws Exception {
        return post(base(guid), key, mapper.writeValueAsString(Map.of("name", name, "registeredQueryType", "query",
                "frequency", frequency, "duration", duration,
                "registerCommand", Map.of("command", Map.of("text", text)))));
    }

    private HttpResponse<String> delete(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE();
        if (key != null) {
            b.header(KEY, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
