package org.halocloud.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.demo.DemoManifest;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against both APIs and the operator API, over real HTTP and raw sockets: malformed request lines
 * and headers, CR/LF/NUL in headers, bad %-escapes and invalid UTF-8 in paths, query strings and form bodies,
 * oversized bodies and URLs, deep JSON, wrong content types, duplicate credentials, injection strings in every
 * declared FHIR parameter of every site. Each answer is a 4xx (never a 500) in the API's own error shape without a
 * stack trace or SQL, the server keeps answering, and — with every logger of the application at every level —
 * neither a canary planted in the requests nor any key, token or Link credential they carried reaches a log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest extends HaloIntegrationTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String canary = "Cnry" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    private final List<String> secrets = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private LogCapture capture;
    private RawHttp raw;
    private String key;
    private int uses;
    private String linkCredential;

    @BeforeAll
    void open() throws Exception {
        capture = new LogCapture();
        raw = new RawHttp(port);
        secrets.add(OPERATOR_TOKEN);
        var link = http.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/admin/links"))
                .header("Authorization", "Bearer " + OPERATOR_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"hostile-" + UUID.randomUUID() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        linkCredential = json(link).path("credential").asString();
        secrets.add(linkCredential);
    }

    @AfterAll
    void close() {
        capture.close();
    }

    /** A live key, fresh every few requests (each has its own rate-limit budget); every one is a secret. */
    private String key() {
        if (key == null || ++uses % 10 == 0) {
            key = acme();
            secrets.add(key);
        }
        return key;
    }

    private String bp() {
        return "/integrator/sites/" + site("bp-premier").haloGuid();
    }

    private String fhirBase() {
        return bp() + "/fhir/R4";
    }

    private Map<String, String> withKey(String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY, key());
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private Map<String, String> operator(String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + OPERATOR_TOKEN);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    // --- what every answer must look like -------------------------------------------------------------------------

    private void noLeak(String what, RawHttp.Answer answer) {
        if (answer.status() == 500 || answer.status() < 0) {
            failures.add(what + " → " + answer);
        }
        String body = answer.body();
        for (String marker : List.of("\tat ", "Exception", "SELECT ", "select ", "jdbc:")) {
            if (body.contains(marker)) {
                failures.add(what + " → a stack trace or SQL in the body: " + body);
            }
        }
        for (String secret : secrets) {
            if (body.contains(secret) || String.join("\n", answer.headers()).contains(secret)) {
                failures.add(what + " → a secret echoed in the answer");
            }
        }
    }

    /** A FHIR refusal: one of the statuses, as an OperationOutcome with a diagnostic. */
    private void fhirRefusal(String what, RawHttp.Answer answer, Integer... statuses) {
        noLeak(what, answer);
        if (!Set.of(statuses).contains(answer.status())) {
            failures.add(what + " → " + answer.status() + " (expected " + List.of(statuses) + ") " + answer.body());
            return;
        }
        try {
            OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(answer.body());
            if (outcome.getIssueFirstRep().getDiagnostics() == null || outcome.getIssueFirstRep().getDiagnostics().isBlank()) {
                failures.add(what + " → an OperationOutcome without a diagnostic");
            }
        } catch (RuntimeException e) {
            failures.add(what + " → not an OperationOutcome: " + answer);
        }
    }

    /** A SQL or operator API refusal: one of the statuses, in Halo's error body with that status and a message. */
    private void haloRefusal(String what, RawHttp.Answer answer, Integer... statuses) {
        noLeak(what, answer);
        if (!Set.of(statuses).contains(answer.status())) {
            failures.add(what + " → " + answer.status() + " (expected " + List.of(statuses) + ") " + answer.body());
            return;
        }
        try {
            JsonNode error = mapper.readTree(answer.body()).path("error");
            if (error.path("status").asInt() != answer.status() || error.path("message").asString().isBlank()) {
                failures.add(what + " → not Halo's error body: " + answer);
            }
        } catch (RuntimeException e) {
            failures.add(what + " → not Halo's error body: " + answer);
        }
    }

    /** Refused by the HTTP connector before any application code runs: a 4xx, no content of ours to check. */
    private void connectorRefusal(String what, RawHttp.Answer answer, Integer... statuses) {
        noLeak(what, answer);
        if (!Set.of(statuses).contains(answer.status())) {
            failures.add(what + " → " + answer.status() + " (expected " + List.of(statuses) + ") " + answer.body());
        }
    }

    private void assertStillAnswering() throws Exception {
        RawHttp.Answer metadata = raw.get(fhirBase() + "/metadata", withKey());
        assertThat(metadata.status()).as("the server still answers").isEqualTo(200);
        RawHttp.Answer status = raw.get(bp(), withKey());
        assertThat(status.status()).as("the server still answers").isEqualTo(200);
    }

    private void assertNoFailures() throws Exception {
        List<String> found = List.copyOf(failures);
        failures.clear();
        assertThat(found).isEmpty();
        assertStillAnswering();
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    // --- the FHIR API --------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void fhirQueryStringsWithBadEscapesOrInvalidUtf8Are400() throws Exception {
        for (String query : List.of("family=" + canary + "%zz", "family=%zz", "family=" + canary + "%ff",
                "family=" + canary + "%e2%82", "family=" + canary + "%", "family=" + canary + "%00",
                canary + "%zz=1", "family=" + canary + "&" + canary + "%c3%28=x")) {
            fhirRefusal("GET Patient?" + query, raw.get(fhirBase() + "/Patient?" + query, withKey()), 400);
        }
        assertNoFailures();
    }

    @Test
    @Order(2)
    void fhirFormBodiesWithBadEscapesInvalidUtf8OrOverTwoMegabytesAre400Or413() throws Exception {
        String search = fhirBase() + "/Patient/_search";
        fhirRefusal("form %zz", raw.send("POST", search, withKey("Content-Type", FORM), bytes("family=" + canary + "%zz")), 400);
        fhirRefusal("form %ff", raw.send("POST", search, withKey("Content-Type", FORM), bytes("family=" + canary + "%ff")), 400);
        fhirRefusal("form raw NUL and 0xFF", raw.send("POST", search, withKey("Content-Type", FORM),
                bytes("family=" + canary, 0, 0xFF)), 400);
        fhirRefusal("form name %ff", raw.send("POST", search, withKey("Content-Type", FORM + "; charset=UTF-8"),
                bytes(canary + "%ff=1")), 400);
        fhirRefusal("form over 2 MB", raw.send("POST", search, withKey("Content-Type", FORM),
                bytes("family=" + canary + "a".repeat(2 * 1024 * 1024 + 10))), 413);
        fhirRefusal("form text/plain", raw.send("POST", search, withKey("Content-Type", "text/plain"),
                bytes("family=" + canary)), 400, 415);
        fhirRefusal("deep JSON", raw.send("POST", fhirBase() + "/Patient", withKey("Content-Type", "application/fhir+json"),
                bytes("{\"resourceType\":\"Patient\",\"name\":" + "[".repeat(50_000) + "\"" + canary + "\"")), 400, 405, 415);
        // a good form body still searches
        RawHttp.Answer good = raw.send("POST", search, withKey("Content-Type", FORM), bytes("gender=female&_count=1"));
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertNoFailures();
    }

    @Test
    @Order(3)
    void fhirPathsWithBadEscapesOrControlCharactersAre400() throws Exception {
        for (String path : List.of("/Patient/" + canary + "%ff", "/Patient/" + canary + "%zz", "/Patient/%c3%28" + canary,
                "/Patient/" + canary + "%00", "/Patient/" + canary + "%0d%0aX:1", "/" + canary + "%2e%2e/metadata")) {
            RawHttp.Answer answer = raw.get(fhirBase() + path, withKey());
            if (answer.headers().stream().anyMatch(h -> h.toLowerCase().contains("fhir+json"))) {
                fhirRefusal("GET " + path, answer, 400, 404);
            } else {
                connectorRefusal("GET " + path, answer, 400);
            }
        }
        assertNoFailures();
    }

    @Test
    @Order(4)
    void injectionStringsInEveryDeclaredParameterOfEverySiteAreValuesNeverErrors() throws Exception {
        List<String> values = List.of(canary + "%zz", canary + "%ff", canary + "%00",
                URLEncoder.encode(canary + "' OR '1'='1'; DROP TABLE PATIENTS; --", StandardCharsets.UTF_8),
                URLEncoder.encode(canary + "\u0000\r\n", StandardCharsets.UTF_8));
        int calls = 0;
        for (DemoManifest.Site site : manifest().sites()) {
            if (!site.authoritative()) {
                continue;
            }
            String base = "/integrator/sites/" + site.haloGuid() + "/fhir/R4";
            RawHttp.Answer metadata = raw.get(base + "/metadata", withKey());
            if (metadata.status() != 200) {
                continue;
            }
            CapabilityStatement cs = (CapabilityStatement) FHIR.newJsonParser().parseResource(metadata.body());
            for (var resource : cs.getRestFirstRep().getResource()) {
                for (var param : resource.getSearchParam()) {
                    for (String value : values) {
                        String search = resource.getType() + "?" + param.getName() + "=" + value + "&_count=1";
                        RawHttp.Answer answer = raw.get(base + "/" + search, withKey());
                        calls++;
                        if (answer.status() == 200) {
                            noLeak(search, answer);
                        } else {
                            fhirRefusal(site.pms() + " " + search, answer, 400);
                        }
                        if (value.contains("%zz") || value.contains("%ff") || value.contains("%00")) {
                            if (answer.status() != 400) {
                                failures.add(site.pms() + " " + search + " → " + answer.status() + " (expected 400)");
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).as("the test walked the declared parameters").isGreaterThan(300);
        assertNoFailures();
    }

    @Test
    @Order(5)
    void duplicateKeyHeadersAre401OnBothApis() throws Exception {
        String a = key();
        String b = acme();
        secrets.add(b);
        for (String first : List.of(a, "not-a-key")) {
            String request = "GET " + fhirBase() + "/Patient?_count=1 HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + first
                    + "\r\n" + KEY + ": " + b + "\r\nConnection: close\r\n\r\n";
            fhirRefusal("FHIR with two keys", raw.exchange(request), 401);
            String sql = "POST " + bp() + "/queries/immediate HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + first
                    + "\r\n" + KEY + ": " + b + "\r\nContent-Type: application/json\r\nContent-Length: 30\r\n"
                    + "Connection: close\r\n\r\n{\"command\":{\"text\":\"SELECT 1\"}}";
            haloRefusal("SQL with two keys", raw.exchange(sql.substring(0, sql.length() - 1) + "}"), 401, 400);
            String status = "GET " + bp() + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + first + "\r\n" + KEY + ": "
                    + b + "\r\nConnection: close\r\n\r\n";
            haloRefusal("site status with two keys", raw.exchange(status), 401);
        }
        String admin = "GET /admin/integrators HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + OPERATOR_TOKEN
                + "\r\nAuthorization: Bearer " + OPERATOR_TOKEN + "\r\nConnection: close\r\n\r\n";
        haloRefusal("operator with two tokens", raw.exchange(admin), 401);
        assertNoFailures();
    }

    // --- the SQL Passthrough API ---------------------------------------------------------------------------------

    @Test
    @Order(6)
    void sqlApiQueryStringsPathsAndBodiesThatCannotBeDecodedAre4xx() throws Exception {
        for (String query : List.of("practiceManagementSiteId=40217&practiceManagementName=%ff",
                "practiceManagementSiteId=40217&practiceManagementName=%zz",
                "practiceManagementSiteId=" + canary + "%00&practiceManagementName=Best%20Practice",
                "practiceManagementSiteId=" + canary + "%e2%82&practiceManagementName=Zedmed")) {
            haloRefusal("GET sites?" + query, raw.get("/integrator/sites?" + query, withKey()), 400);
        }
        haloRefusal("site status ?x=%zz", raw.get(bp() + "?x=" + canary + "%zz", withKey()), 400);
        String immediate = bp() + "/queries/immediate";
        haloRefusal("invalid UTF-8 JSON", raw.send("POST", immediate, withKey("Content-Type", "application/json"),
                bytes("{\"command\":{\"text\":\"SELECT '" + canary, 0xFF, 0xFE, "'\"}}")), 400);
        haloRefusal("deep JSON", raw.send("POST", immediate, withKey("Content-Type", "application/json"),
                bytes("{\"command\":" + "[".repeat(100_000) + "\"" + canary + "\"")), 400);
        haloRefusal("wrong content type", raw.send("POST", immediate, withKey("Content-Type", "text/plain"),
                bytes("SELECT '" + canary + "'")), 400, 415);
        haloRefusal("form body %zz", raw.send("POST", immediate, withKey("Content-Type", FORM),
                bytes("command=" + canary + "%zz")), 400, 415);
        haloRefusal("form body over 2 MB", raw.send("POST", immediate, withKey("Content-Type", FORM),
                bytes("command=" + canary + "a".repeat(2 * 1024 * 1024 + 10))), 413);
        haloRefusal("oversized JSON", raw.send("POST", immediate, withKey("Content-Type", "application/json"),
                bytes("{\"command\":{\"text\":\"SELECT '" + canary + "x".repeat(3 * 1024 * 1024) + "'\"}}")), 400, 413);
        haloRefusal("async invalid JSON", raw.send("POST", bp() + "/queries/async",
                withKey("Content-Type", "application/json"), bytes("{\"command\":{\"text\":\"" + canary + "\"")), 400);
        for (String path : List.of("/integrator/sites/" + canary + "%ff", "/integrator/sites/" + canary + "%zz/queries/immediate",
                "/integrator/sites/" + canary + "%00")) {
            RawHttp.Answer answer = raw.get(path, withKey());
            if (answer.body().startsWith("{")) {
                haloRefusal("GET " + path, answer, 400, 404);
            } else {
                connectorRefusal("GET " + path, answer, 400);
            }
        }
        assertNoFailures();
    }

    // --- the operator API ----------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void operatorApiRefusesUndecodableAndMalformedInputWith4xx() throws Exception {
        haloRefusal("admin ?limit=%zz", raw.get("/admin/queries?limit=" + canary + "%zz", operator()), 400);
        haloRefusal("admin ?since=%ff", raw.get("/admin/queries?since=" + canary + "%ff", operator()), 400);
        haloRefusal("admin ?limit=canary", raw.get("/admin/queries?limit=" + canary, operator()), 400);
        haloRefusal("admin deep JSON", raw.send("POST", "/admin/integrators", operator("Content-Type", "application/json"),
                bytes("{\"name\":" + "[".repeat(100_000))), 400);
        haloRefusal("admin invalid UTF-8 JSON", raw.send("POST", "/admin/integrators",
                operator("Content-Type", "application/json"), bytes("{\"name\":\"" + canary, 0xC3, 0x28, "\"}")), 400);
        haloRefusal("admin wrong content type", raw.send("POST", "/admin/integrators", operator("Content-Type", "text/plain"),
                bytes(canary)), 400, 415);
        haloRefusal("admin form %zz", raw.send("POST", "/admin/integrators", operator("Content-Type", FORM),
                bytes("name=" + canary + "%zz")), 400, 415);
        haloRefusal("admin bad id", raw.get("/admin/integrators/" + canary, operator()), 400, 404);
        haloRefusal("admin without token, bad escapes", raw.get("/admin/queries?limit=%zz", Map.of()), 400, 401);
        assertNoFailures();
    }

    // --- malformed HTTP: request lines and headers ---------------------------------------------------------------

    @Test
    @Order(8)
    void malformedRequestLinesAndHeadersAre4xxAndLogNoHeaderValue() throws Exception {
        String target = fhirBase() + "/Patient?_count=1";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("a bare CR in the key header", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key()
                + "\rX: 1\r\nConnection: close\r\n\r\n");
        requests.put("a bare CR in the operator's token", "GET /admin/integrators HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + OPERATOR_TOKEN + "\rX: 1\r\nConnection: close\r\n\r\n");
        requests.put("a bare CR in a Link credential", "GET /link/v1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Authorization: Bearer " + linkCredential + "\rX: 1\r\n\r\n");
        requests.put("a NUL in the key header", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key()
                + "\u0000" + canary + "\r\nConnection: close\r\n\r\n");
        requests.put("a bare LF then CR in a header", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-" + canary + ": "
                + key() + "\n\r" + canary + "\r\nConnection: close\r\n\r\n");
        requests.put("a header without a colon", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + " " + key()
                + "\r\nConnection: close\r\n\r\n");
        requests.put("a space in a header name", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nOcp Apim: " + key()
                + "\r\nConnection: close\r\n\r\n");
        requests.put("an obs-fold carrying the key", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-A: 1\r\n " + key()
                + "\r\nConnection: close\r\n\r\n");
        requests.put("a control character in the request target", "GET " + fhirBase() + "/Patient?family=" + canary
                + "\u0001 HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key() + "\r\nConnection: close\r\n\r\n");
        requests.put("a CR in the request target", "GET " + fhirBase() + "/Patient?family=" + canary + "\rX HTTP/1.1\r\n"
                + "Host: localhost\r\n" + KEY + ": " + key() + "\r\nConnection: close\r\n\r\n");
        requests.put("a truncated request line", "GET " + fhirBase() + "/Pat");
        requests.put("a request line without a version", "GET " + fhirBase() + "/Patient?family=" + canary + "\r\n"
                + KEY + ": " + key() + "\r\n\r\n");
        requests.put("an unknown HTTP version", "GET " + target + " HTTP/9.9\r\nHost: localhost\r\n" + KEY + ": " + key()
                + "\r\nConnection: close\r\n\r\n");
        requests.put("a NUL in the method", "G\u0000T " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        requests.put("headers cut off", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key());
        requests.put("a URL over the header limit", "GET " + fhirBase() + "/Patient?family=" + canary + "x".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key() + "\r\nConnection: close\r\n\r\n");
        requests.put("a header over the limit", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + ": " + key()
                + canary.repeat(2000) + "\r\nConnection: close\r\n\r\n");
        requests.put("a body shorter than its Content-Length", "POST " + fhirBase() + "/Patient/_search HTTP/1.1\r\n"
                + "Host: localhost\r\n" + KEY + ": " + key() + "\r\nContent-Type: " + FORM + "\r\nContent-Length: 500\r\n"
                + "Connection: close\r\n\r\nfamily=" + canary);
        for (Map.Entry<String, String> request : requests.entrySet()) {
            RawHttp.Answer answer = raw.exchange(request.getValue());
            if (request.getKey().equals("headers cut off") || request.getKey().equals("a truncated request line")
                    || request.getKey().equals("a body shorter than its Content-Length")) {
                // the client went away mid-request: a 400, or the connection simply closed
                if (answer.status() != -1 || !answer.body().isEmpty()) {
                    connectorRefusal(request.getKey(), answer, 400);
                }
            } else if (request.getKey().equals("a request line without a version")) {
                // HTTP/0.9: the answer is a body without a status line; it must still be the API's refusal
                noLeak(request.getKey(), new RawHttp.Answer(401, List.of(), answer.body()));
                assertThat(answer.body()).contains("OperationOutcome").contains("header is missing");
            } else if (answer.headers().stream().anyMatch(h -> h.toLowerCase().contains("fhir+json"))) {
                fhirRefusal(request.getKey(), answer, 400, 401);
            } else {
                connectorRefusal(request.getKey(), answer, 400, 505);
            }
        }
        assertNoFailures();
    }

    // --- the log of the whole run --------------------------------------------------------------------------------

    @Test
    @Order(100)
    void noCanaryKeyTokenOrCredentialReachedAnyLogLine() throws Exception {
        List<String> lines = capture.lines();
        assertThat(lines).as("the capture sees the connector's own logging (Tomcat via the JUL bridge)")
                .anyMatch(l -> l.contains("org.apache.coyote") || l.contains("org.apache.tomcat"));
        assertThat(capture.linesWith(canary)).as("the canary in a log line").isEmpty();
        for (String secret : secrets) {
            assertThat(capture.linesWith(secret)).as("a key, token or credential in a log line").isEmpty();
        }
        String file = logText();
        assertThat(file).doesNotContain(canary);
        for (String secret : secrets) {
            assertThat(file).as("a key, token or credential in the log file").doesNotContain(secret);
        }
    }
}
