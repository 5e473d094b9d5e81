package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.halocloud.HaloIntegrationTest;
import org.junit.jupiter.api.Test;

/** The API is described by an OpenAPI 3 document and browsable in Swagger UI. */
class OpenApiTest extends HaloIntegrationTest {

    @Test
    void openApiDocumentDescribesThePassthroughApi() throws Exception {
        HttpResponse<String> doc = get("/v3/api-docs", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        var paths = json(doc).path("paths");
        assertThat(json(doc).path("openapi").asString()).startsWith("3.");
        assertThat(paths.has("/integrator/sites/{siteId}/queries/immediate")).isTrue();
        assertThat(paths.has("/integrator/sites/{siteId}")).isTrue();
        assertThat(paths.has("/integrator/sites")).isTrue();
        assertThat(paths.path("/integrator/sites/{siteId}/queries/immediate").path("post").path("responses").has("429")).isTrue();
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> ui = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
