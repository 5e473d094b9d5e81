package org.halocloud.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.HaloIntegrationTest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** FHIR calls over HTTP against a demo site, parsed with HAPI's own parser. */
abstract class FhirIntegrationTest extends HaloIntegrationTest {

    protected static final FhirContext FHIR = FhirContext.forR4Cached();

    protected String base(String pms) {
        return "/integrator/sites/" + site(pms).haloGuid() + "/fhir/R4";
    }

    /** GET a path relative to the site's FHIR base (query values are URL-encoded here). */
    protected HttpResponse<String> fhir(String pms, String key, String resourceAndQuery) throws IOException, InterruptedException {
        return get(base(pms) + "/" + encodeQuery(resourceAndQuery), key);
    }

    /**
     * GET an absolute URL (a next link: bound to the subscription that searched, so it is followed with the same key,
     * waiting out the rate limit as a paging client would).
     */
    protected HttpResponse<String> getUrl(String absoluteUrl, String key) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(absoluteUrl)).header(KEY, key)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 5) {
                return response;
            }
            Thread.sleep(1000L * Math.min(6, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1"))));
        }
    }

    protected IBaseResource parse(HttpResponse<String> response) {
        return FHIR.newJsonParser().parseResource(response.body());
    }

    protected Bundle bundle(HttpResponse<String> response) {
        return (Bundle) parse(response);
    }

    protected OperationOutcome outcome(HttpResponse<String> response) {
        return (OperationOutcome) parse(response);
    }

    /** Every resource of a search, following next links; fails on a repeated id. */
    protected List<Resource> all(String pms, String key, String search) throws IOException, InterruptedException {
        List<Resource> out = new ArrayList<>();
        HttpResponse<String> response = fhir(pms, key, search);
        while (true) {
            if (response.statusCode() != 200) {
                throw new AssertionError(response.statusCode() + " " + response.body());
            }
            Bundle b = bundle(response);
            b.getEntry().forEach(e -> out.add(e.getResource()));
            if (b.getLink("next") == null) {
                return out;
            }
            response = getUrl(b.getLink("next").getUrl(), key);
        }
    }

    /** The first column of every row a query returns, trimmed — read as the practice itself, not through the API. */
    protected List<String> column(String pms, String catalogue, String sql) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        try (var c = asPractice(site(pms).haloGuid(), catalogue); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1) == null ? null : rs.getString(1).trim());
            }
        }
        return values;
    }

    /** The single value a query returns (trimmed; null when SQL NULL). */
    protected String value(String pms, String catalogue, String sql) throws java.sql.SQLException {
        List<String> values = column(pms, catalogue, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The bounds a resource type's searches must carry, as its /metadata documents them (a parameter documented
     * "Required: …", e.g. Slot's {@code start}): a week from today in the practice's zone; "" when none.
     */
    protected static String requiredBounds(org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent resource) {
        StringBuilder bounds = new StringBuilder();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Australia/Sydney"));
        for (var p : resource.getSearchParam()) {
            if (p.getDocumentation() != null && p.getDocumentation().startsWith("Required")) {
                bounds.append('&').append(p.getName()).append("=ge").append(today)
                        .append('&').append(p.getName()).append("=lt").append(today.plusDays(7));
            }
        }
        return bounds.toString();
    }

    protected static List<String> ids(List<Resource> resources) {
        return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    private static String encodeQuery(String resourceAndQuery) {
        int q = resourceAndQuery.indexOf('?');
        if (q < 0) {
            return resourceAndQuery;
        }
        StringBuilder sb = new StringBuilder(resourceAndQuery.substring(0, q + 1));
        String[] pairs = resourceAndQuery.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (i > 0) {
                sb.append('&');
            }
            if (eq < 0) {
                sb.append(pairs[i]);
            } else {
                sb.append(pairs[i], 0, eq + 1).append(URLEncoder.encode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
