package org.halocloud.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.halocloud.mappings.fhir.ResourceMapping;
import tools.jackson.databind.JsonNode;

/**
 * Section 1: the FHIR facade (HTTP, front door, Link, HAPI) vs raw JDBC + the same mapping in-process vs the same
 * raw path over loopback HTTP vs the HAPI FHIR JPA server, per search and concurrency (p50, p99, req/s, ratios).
 */
final class FhirScenario implements Scenario {

    @Override
    public void run(Harness h) throws Exception {
        try (JpaPeerProcess jpa = JpaPeerProcess.start(h.options(), h.work(), h.raw())) {
            measure(h, jpa);
        }
    }

    private void measure(Harness h, JpaPeerProcess jpa) throws Exception {
        Report report = h.report();
        Searches searches = Searches.sample(h.raw());
        h.rawHttp().serve(searches.groups());
        String facadeBase = h.app().fhirBase();
        String jpaBase = jpa.base();
        report.line("## 1. FHIR facade (HTTP, front door, Link, HAPI) vs raw JDBC + the same mapping in-process"
                + (jpaBase != null ? " vs the HAPI FHIR JPA server" : ""));
        report.line("");
        report.line("Bp Premier demo, `_count` 20 (the default; the raw side also reads 21 rows). Requests rotate over "
                + searches.patients() + " patients (one rotation shared by all clients). Facade and JPA: HTTP GETs from the "
                + "load client, a separate JVM on the same machine. Raw: in the benchmark's JVM, the same jOOQ-rendered "
                + "SQL as the integrator's login, one JDBC connection per client kept open, statements set up as the "
                + "Link sets them (fetch size 500, a query timeout — which also keeps H2 from answering a repeated "
                + "query from its last result), rows → `ResourceMapping.map(Row)` → searchset Bundle → HAPI JSON. "
                + "Raw over HTTP: the same raw path behind a bare JDK `HttpServer` in the benchmark's JVM (127.0.0.1, "
                + "a pool of " + RawHttpServer.THREADS + " threads, each with its own JDBC connection, TCP_NODELAY, the JSON "
                + "sent with a Content-Length), GETs from the same load client as the facade and JPA: it pays the "
                + "loopback HTTP hop and nothing else, so facade/raw-HTTP is the gateway's own cost and raw-HTTP/raw "
                + "the cost of HTTP itself. Client, server and H2 share this machine's cores.");
        if (jpa.note() != null) {
            report.line("");
            report.line(jpa.note());
        }
        if (jpaBase != null) {
            report.line("");
            report.line(sameAnswers(h.app(), searches, jpa));
        }
        report.line("");
        report.line("| search | clients | facade p50 ms | facade p99 ms | facade req/s | raw p50 ms | raw p99 ms | raw req/s | "
                + "raw over HTTP p50 ms | raw over HTTP p99 ms | raw over HTTP req/s | "
                + "JPA p50 ms | JPA p99 ms | JPA req/s | p50 facade/raw | p50 facade/raw-HTTP | req/s raw/facade | "
                + "req/s facade/JPA |");
        report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.flush();
        double seconds = h.options().seconds();
        double warmup = h.options().warmup();
        LoadClientProcess load = h.load();
        // one mixed warm-up of every search first (the facade's path needs tens of seconds of load before the JIT
        // has compiled it; a short per-query warm-up left the first version measuring interpreted code)
        Map<String, String> keyHeader = Map.of("Ocp-Apim-Subscription-Key", h.app().key(), "Accept", "application/fhir+json");
        Map<String, String> jsonHeader = Map.of("Accept", "application/fhir+json");
        load.load(searches.all().stream().map(s -> s.url(facadeBase)).toList(), keyHeader, 8, 3 * warmup);
        if (jpaBase != null) {
            load.load(searches.all().stream().map(s -> s.url(jpaBase, jpa.patientIds())).toList(), jsonHeader, 8, 3 * warmup);
        }
        for (int g = 0; g < searches.groups().size(); g++) {
            List<Search> variants = searches.groups().get(g);
            Search first = variants.get(0);
            ResourceMapping<?, ?> rm = h.raw().resource(first.resource());
            List<String> facadeUrls = variants.stream().map(s -> s.url(facadeBase)).toList();
            List<String> jpaUrls = jpaBase == null ? List.of() : variants.stream().map(s -> s.url(jpaBase, jpa.patientIds())).toList();
            List<String> rawHttpUrls = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                rawHttpUrls.add(h.rawHttp().fhirUrl(g, v));
            }
            Measure.Op raw = i -> h.raw().bundle(rm, variants.get(i % variants.size())).length();
            load.load(facadeUrls, keyHeader, 8, warmup);
            Measure.measure(raw, 8, warmup);
            load.load(rawHttpUrls, jsonHeader, 8, warmup);
            if (jpaBase != null) {
                load.load(jpaUrls, jsonHeader, 8, warmup);
            }
            for (int c : h.options().concurrency()) {
                Stats f = load.load(facadeUrls, keyHeader, c, seconds);
                Stats r = Measure.measure(raw, c, seconds);
                Stats w = load.load(rawHttpUrls, jsonHeader, c, seconds);
                Stats j = jpaBase == null ? null : load.load(jpaUrls, jsonHeader, c, seconds);
                h.results().fhir.add(new Results.FhirCell(first.label(), c, f, r, w, j));
                report.line("| `" + first.label() + "` | " + c + " | " + f.p50() + " | " + f.p99() + " | " + f.rps() + " | "
                        + r.p50() + " | " + r.p99() + " | " + r.rps() + " | "
                        + w.p50() + " | " + w.p99() + " | " + w.rps() + " | "
                        + (j == null ? "– | – | – | " : j.p50() + " | " + j.p99() + " | " + j.rps() + " | ")
                        + Report.ratio(f.p50ns(), r.p50ns()) + " | " + Report.ratio(f.p50ns(), w.p50ns()) + " | "
                        + Report.ratio(r.rate(), f.rate()) + " | " + (j == null ? "–" : Report.ratio(f.rate(), j.rate())) + " |");
                report.flush();
            }
        }
        report.line("");
    }

    /**
     * Checks that the facade and the JPA peer answer every measured search alike before either is timed: the same
     * number of entries on the first page (both default to 20), so neither is measured doing less work.
     */
    private static String sameAnswers(HaloApp app, Searches searches, JpaPeerProcess jpa) throws Exception {
        int same = 0, all = 0;
        List<String> differ = new ArrayList<>();
        for (Search s : searches.all()) {
            int facade = entries(app.get(s.url(app.fhirBase())));
            int other = entries(app.http().send(HttpRequest.newBuilder(URI.create(s.url(jpa.base(), jpa.patientIds())))
                    .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofByteArray()));
            all++;
            if (facade == other) {
                same++;
            } else if (differ.size() < 5) {
                differ.add(s.label() + " for one patient: facade " + facade + ", JPA " + other);
            }
        }
        String line = String.format("Same answers: %d of the %d measured requests return the same number of entries "
                + "from the facade and from the JPA server (first page, 20 at most).", same, all);
        return differ.isEmpty() ? line : line + " **Differences** (first " + differ.size() + "): "
                + String.join("; ", differ) + ".";
    }

    private static int entries(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("a search answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode entry = Bench.JSON.readTree(response.body()).get("entry");
        return entry == null ? 0 : entry.size();
    }
}
