package org.halocloud.bench;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Section 2, immediate: a 10k-row query through the API vs raw JDBC → Jackson JSON into a null stream vs the same
 * JSON served over loopback HTTP without the gateway (1 client; rows/s and the API's over each).
 */
final class ImmediateScenario implements Scenario {

    private static final int ROWS = 10_000;

    @Override
    public void run(Harness h) throws Exception {
        Report report = h.report();
        String tenK = RawJdbc.padSql(ROWS);
        Measure.Op api = i -> {
            HttpResponse<byte[]> r = h.app().immediate(tenK);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("immediate → " + r.statusCode() + " " + new String(r.body()));
            }
            return r.body().length;
        };
        Measure.Op raw = i -> (int) h.raw().writeRows(tenK, OutputStream.nullOutputStream());
        URI rawHttpUri = h.rawHttp().sqlUri(ROWS);
        Measure.Op rawHttp = i -> {
            HttpResponse<byte[]> r = h.app().http().send(HttpRequest.newBuilder(rawHttpUri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("raw over HTTP → " + r.statusCode() + " " + new String(r.body()));
            }
            return r.body().length;
        };
        Measure.measure(api, 1, 1);
        Measure.measure(raw, 1, 1);
        Measure.measure(rawHttp, 1, 1);
        double seconds = h.options().seconds();
        Stats a = Measure.measure(api, 1, seconds);
        Stats r = Measure.measure(raw, 1, seconds);
        Stats w = Measure.measure(rawHttp, 1, seconds);
        Results results = h.results();
        results.immediateRows = ROWS;
        results.immediateApi = a;
        results.immediateRaw = r;
        results.immediateRawHttp = w;
        report.line("## 2. SQL passthrough");
        report.line("");
        report.line("`" + tenK + "` (1 client). The API and raw-over-HTTP rows are both sent and read whole by the same "
                + "HTTP client in the benchmark's JVM; raw over HTTP runs the raw row's JDBC → Jackson JSON straight into "
                + "a chunked response of a bare JDK `HttpServer` on 127.0.0.1 in the same JVM (no gateway), so API vs "
                + "raw over HTTP is the gateway's own cost and raw over HTTP vs raw the cost of the HTTP hop.");
        report.line("");
        report.line("| path | p50 ms | p99 ms | queries/s | rows/s | rows/s API/path |");
        report.line("|---|---:|---:|---:|---:|---:|");
        report.line("| immediate query through the API (base64 envelope) | " + a.p50() + " | " + a.p99() + " | " + a.rps()
                + " | " + String.format("%,.0f", a.rate() * ROWS) + " | – |");
        report.line("| raw JDBC → Jackson streaming to a null stream | " + r.p50() + " | " + r.p99() + " | " + r.rps()
                + " | " + String.format("%,.0f", r.rate() * ROWS) + " | " + Report.ratio2(a.rate(), r.rate()) + " |");
        report.line("| raw JDBC → JSON served over loopback HTTP (no gateway) | " + w.p50() + " | " + w.p99() + " | "
                + w.rps() + " | " + String.format("%,.0f", w.rate() * ROWS) + " | " + Report.ratio2(a.rate(), w.rate()) + " |");
        report.line("");
    }
}
