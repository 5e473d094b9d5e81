package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * The links a FHIR answer carries: written under the public base URL (never the request's Host or an untrusted
 * proxy's X-Forwarded-*), and next links good only for the subscription and site that searched.
 */
class FhirLinksTest extends FhirIntegrationTest {

    private String firstNext(String key) throws Exception {
        HttpResponse<String> first = fhir("bp-premier", key, "Patient?gender=female&_count=2");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        return bundle(first).getLink("next").getUrl();
    }

    @Test
    void aNextLinkReplayedByAnotherIntegratorAtTheSameSiteIsGone() throws Exception {
        String acme = acme();
        String next = firstNext(acme);
        String beta = freshKey("Beta Bookings");
        assertThat(fhir("bp-premier", beta, "Patient?_count=1").statusCode()).as("Beta is enabled at this site").isEqualTo(200);
        HttpResponse<String> replayed = getUrl(next, beta);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(410);
        assertThat(outcome(replayed).getIssueFirstRep().getDiagnostics()).contains("not valid for this site and subscription");
        assertThat(replayed.body()).doesNotContain("\"Patient\"");
        // another subscription of the same integrator: refused too, the link is bound to the subscription
        assertThat(getUrl(next, acme()).statusCode()).isEqualTo(410);
        // the subscription that searched follows it
        HttpResponse<String> own = getUrl(next, acme);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(bundle(own).getEntry()).isNotEmpty();
    }

    @Test
    void linksAreWrittenUnderThePublicBaseWhateverTheHostOrForwardedHeadersSay() throws Exception {
        String expected = "http://localhost:" + port + base("bp-premier");
        String target = base("bp-premier") + "/Patient?gender=female&_count=2";
        for (String headers : List.of("Host: evil.example\r\n",
                "Host: evil.example:8443\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Port: 443\r\n",
                "Host: localhost:" + port + "\r\nForwarded: host=evil.example;proto=https\r\nX-Forwarded-Host: evil.example\r\n")) {
            String answer = raw("GET " + target + " HTTP/1.0\r\n" + headers + KEY + ": " + acme() + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(answer).startsWith("HTTP/1.1 200");
            String body = answer.substring(answer.indexOf("{"), answer.lastIndexOf("}") + 1);
            Bundle bundle = (Bundle) FHIR.newJsonParser().parseResource(body);
            List<String> urls = new ArrayList<>();
            bundle.getLink().forEach(l -> urls.add(l.getUrl()));
            bundle.getEntry().forEach(e -> urls.add(e.getFullUrl()));
            assertThat(urls).hasSizeGreaterThan(3).allSatisfy(u -> assertThat(u).matches(java.util.regex.Pattern.quote(expected) + "[/?].*"));
            assertThat(answer).doesNotContain("evil.example");
        }
    }

    @Test
    void corsVaryIsSentOnce() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient?_count=1")).header("Origin", "https://app.example.com")
                .header(KEY, acme()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> vary = new ArrayList<>();
        response.headers().allValues("Vary").forEach(v -> List.of(v.split(",")).forEach(t -> vary.add(t.trim())));
        assertThat(vary).containsOnlyOnce("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")
                .doesNotHaveDuplicates();
        assertThat(response.headers().allValues("Vary")).hasSize(1);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + base("bp-premier") + "/Patient")).header("Origin", "https://app.example.com").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outcome(refused).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
        assertThat(refused.headers().allValues("Vary")).hasSize(1);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
