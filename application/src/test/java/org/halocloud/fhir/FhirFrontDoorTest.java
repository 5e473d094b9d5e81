package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** The FHIR API sits behind the same front door as SQL passthrough; refusals are OperationOutcomes. */
class FhirFrontDoorTest extends FhirIntegrationTest {

    private void assertOutcome(HttpResponse<String> response, int status, OperationOutcome.IssueType type, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("fhir+json");
        OperationOutcome outcome = outcome(response);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(type);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(text);
    }

    @Test
    void everyFrontDoorRuleAnswersAsOperationOutcome() throws Exception {
        assertOutcome(fhir("bp-premier", null, "Patient"), 401, OperationOutcome.IssueType.LOGIN, "header is missing");
        assertOutcome(get("/integrator/sites/" + UUID.randomUUID() + "/fhir/R4/Patient", acme()), 404,
                OperationOutcome.IssueType.NOTFOUND, "was not found");
        assertOutcome(get("/integrator/sites/" + site("bp-premier", false).haloGuid() + "/fhir/R4/Patient", acme()),
                403, OperationOutcome.IssueType.FORBIDDEN, "not the authoritative database");
        assertOutcome(fhir("zedmed", freshKey("Beta Bookings"), "Patient"), 403, OperationOutcome.IssueType.FORBIDDEN,
                "has not enabled your integration");
        assertOutcome(fhir("d4w", freshKey("Beta Bookings"), "Patient"), 403, OperationOutcome.IssueType.FORBIDDEN,
                "not signed up");
    }

    @Test
    void fhirReadsAndSqlQueriesShareOneRateLimitBudget() throws Exception {
        String key = acme();
        for (int i = 0; i < 10; i++) {
            assertThat(sql(site("bp-premier").haloGuid(), key, "SELECT 1 AS one").statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(fhir("bp-premier", key, "Patient?_count=1").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = fhir("bp-premier", key, "Practitioner");
        assertOutcome(refused, 429, OperationOutcome.IssueType.THROTTLED, "Rate limit");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(sql(site("bp-premier").haloGuid(), key, "SELECT 1 AS one").statusCode()).isEqualTo(429);
    }

    @Test
    void unknownTypesAndIdsAre404AndUnknownParametersAre400() throws Exception {
        String key = acme();
        assertThat(fhir("bp-premier", key, "Patient/999999999").statusCode()).isEqualTo(404);
        assertThat(fhir("bp-premier", key, "Patient/not-a-number").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = fhir("bp-premier", key, "Patient?shoe-size=9");
        assertOutcome(unknown, 400, OperationOutcome.IssueType.PROCESSING, "Unknown search parameter 'shoe-size'");
        HttpResponse<String> lenient = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + base("bp-premier") + "/Patient?shoe-size=9&_count=1"))
                .header(KEY, key).header("Prefer", "handling=lenient").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(bundle(lenient).getEntry()).hasSize(1);
        assertOutcome(fhir("bp-premier", key, "Patient?family:sounds-like=x"), 400, OperationOutcome.IssueType.PROCESSING,
                "not supported");
    }

    @Test
    void browsersFromAllowedOriginsMayCallAndSeeTheRateLimit() throws Exception {
        var preflight = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "ocp-apim-subscription-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        var other = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        var get = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient?_count=1"))
                .header("Origin", "https://app.example.com").header(KEY, acme()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("RateLimit-Remaining");
    }

    @Test
    void searchByPostWithAFormBodyCountsAndAnswersLikeGet() throws Exception {
        String key = acme();
        var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient/_search"))
                .header(KEY, key).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("gender=female&_count=2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        var byGet = bundle(fhir("bp-premier", key, "Patient?gender=female&_count=2"));
        assertThat(ids(bundle(form).getEntry().stream().map(e -> e.getResource()).toList()))
                .isEqualTo(ids(byGet.getEntry().stream().map(e -> e.getResource()).toList()));
        assertThat(form.headers().firstValue("RateLimit-Remaining")).contains("14");
    }
}
