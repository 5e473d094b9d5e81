package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.kernel.state.QueryLog;
import org.halocloud.passthrough.registered.RegisteredQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The query log holds each query once, written when it ended, under the id its answer carries. */
class QueryLogTest extends HaloIntegrationTest {

    @Autowired
    private QueryLog queryLog;

    @Autowired
    private RegisteredQueries registered;

    @Test
    void anImmediateQueryIsLoggedOnceWithItsFinalSizeOrHowItFailed() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        HttpResponse<String> ok = sql(guid, key, "SELECT X FROM SYSTEM_RANGE(1, 25)");
        assertThat(ok.statusCode()).isEqualTo(200);
        QueryLog.Listed entry = logged(guid, ok, "successful", null);
        assertThat(entry.rows()).isEqualTo(25);
        assertThat(entry.resultSize()).isEqualTo(json(ok).path("result").path("size").asLong()).isPositive();

        HttpResponse<String> refused = sql(guid, key, "SELECT * FROM NO_SUCH_TABLE_QL");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(logged(guid, refused, "executionFailed", "mssql").resultSize()).isNull();

        HttpResponse<String> tooLarge = sql(guid, key, "SELECT X, REPEAT('x', 1000) AS PAD FROM SYSTEM_RANGE(1, 10000)");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(logged(guid, tooLarge, "executionFailed", "haloLink").resultSize()).isNull();
    }

    @Test
    void aRegisteredRunIsLoggedOnceWithItsResultsSize() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        String name = "log-" + UUID.randomUUID();
        HttpResponse<String> created = post("/integrator/sites/" + guid + "/queries/registered", key,
                mapper.writeValueAsString(java.util.Map.of("name", name, "registeredQueryType", "query",
                        "frequency", 60, "duration", 600,
                        "registerCommand", java.util.Map.of("command", java.util.Map.of("text",
                                "SELECT X FROM SYSTEM_RANGE(1, 3)")))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).path("id").asString();
        registered.runDue(Instant.now());
        JsonNode result = json(get("/integrator/sites/" + guid + "/queries/registered/" + id + "/results", key));
        List<QueryLog.Listed> runs = queryLog.list(null, null, UUID.fromString(guid), null, null, 1000).stream()
                .filter(q -> q.mode().equals("registered") && Long.valueOf(result.path("size").asLong()).equals(q.resultSize()))
                .toList();
        assertThat(runs).isNotEmpty();
        assertThat(runs.get(0).rows()).isEqualTo(3);
        assertThat(runs.get(0).status()).isEqualTo("successful");
        assertThat(delete("/integrator/sites/" + guid + "/queries/registered/" + id, key)).isEqualTo(204);
    }

    /** The one entry under the answer's id, with the answer's status and error type. */
    private QueryLog.Listed logged(String guid, HttpResponse<String> answer, String status, String errorType) {
        String id = json(answer).path("id").asString();
        List<QueryLog.Listed> entries = queryLog.list(null, null, UUID.fromString(guid), null, null, 1000).stream()
                .filter(q -> q.id().toString().equals(id)).toList();
        assertThat(entries).as("one entry for query " + id).hasSize(1);
        assertThat(entries.get(0).status()).isEqualTo(status).isEqualTo(json(answer).path("status").asString());
        assertThat(entries.get(0).errorType()).isEqualTo(errorType);
        return entries.get(0);
    }

    private int delete(String path, String key) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header(KEY, key).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
