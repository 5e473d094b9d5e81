package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.halocloud.HaloIntegrationTest;
import org.junit.jupiter.api.Test;

/** Execution and size limits, and malformed requests: clear bodies, never partial JSON or a stack trace. */
class LimitsAndErrorsTest extends HaloIntegrationTest {

    @Test
    void aQueryPastTheExecutionLimitIsCancelledWith504() throws Exception {
        // the suite runs with halo.query.timeout=2s; production's default is 60 s
        HttpResponse<String> response = sql(site("bp-premier").haloGuid(), acme(),
                "SELECT SUM(RAND()) FROM SYSTEM_RANGE(1, 10000000000)");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(json(response).path("status").asString()).isEqualTo("executionFailed");
        assertThat(json(response).path("errorDetails").path("errorMessage").asString()).contains("execution limit");
        assertThat(json(response).has("result")).isFalse();
    }

    @Test
    void aResultOverEightMegabytesIsRefusedWhole() throws Exception {
        HttpResponse<String> response = sql(site("bp-premier").haloGuid(), acme(),
                "SELECT X, REPEAT('x', 1000) AS PAD FROM SYSTEM_RANGE(1, 10000)");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json(response).path("errorDetails").path("errorMessage").asString()).contains("too large");
        assertThat(json(response).has("result")).isFalse();
        assertThat(response.body().length()).isLessThan(4096);

        HttpResponse<String> justUnder = sql(site("bp-premier").haloGuid(), acme(),
                "SELECT X, REPEAT('x', 1000) AS PAD FROM SYSTEM_RANGE(1, 7000)");
        assertThat(justUnder.statusCode()).isEqualTo(200);
        assertThat(rows(justUnder)).hasSize(7000);
    }

    @Test
    void malformedRequestsAre400WithAProblemBody() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        for (String bad : new String[] {"{not json", "{}", "{\"command\":{\"text\":\"  \"}}",
                "{\"command\":{\"text\":\"SELECT 1\",\"executionMode\":\"sideways\"}}",
                "{\"command\":{\"text\":\"SELECT @a\",\"parameters\":[{\"name\":\"@a\",\"type\":\"Wibble\",\"value\":1}]}}",
                "{\"maxTimeInQueue\":600000,\"command\":{\"text\":\"SELECT 1\"}}"}) {
            HttpResponse<String> response = immediate(guid, key, bad);
            assertThat(response.statusCode()).as(bad + " → " + response.body()).isEqualTo(400);
            assertThat(json(response).path("error").path("status").asInt()).isEqualTo(400);
            assertThat(json(response).path("error").path("message").asString()).isNotBlank();
            assertThat(response.body()).doesNotContain("at org.").doesNotContain("at java.");
        }
        HttpResponse<String> badValue = immediate(guid, key,
                "{\"command\":{\"text\":\"SELECT @a AS A\",\"parameters\":[{\"name\":\"@a\",\"type\":\"Int\",\"value\":\"eleven\"}]}}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        HttpResponse<String> missingParameter = sql(guid, key, "SELECT @nothing AS A");
        assertThat(missingParameter.statusCode()).isEqualTo(400);
        assertThat(json(missingParameter).path("errorDetails").path("errorMessage").asString()).contains("@nothing");
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheSameShape() throws Exception {
        HttpResponse<String> get = get("/integrator/sites/" + site("bp-premier").haloGuid() + "/queries/immediate", acme());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(json(get).path("error").path("status").asInt()).isEqualTo(405);
    }
}
