package org.halocloud.bench;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;

/**
 * Section 3, the front door's cost: {@code SELECT 1} through the immediate API vs {@code QueryPipeline.run} called
 * in-process with an admission made once (no HTTP, no front door) vs raw JDBC, at 8 clients.
 */
final class FrontDoorScenario implements Scenario {

    private static final int CLIENTS = 8;

    @Override
    public void run(Harness h) throws Exception {
        Report report = h.report();
        QueryPipeline pipeline = h.app().bean(QueryPipeline.class);
        Admission admission = h.app().admission();
        QueryCommand select1 = new QueryCommand("SELECT 1", QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, List.of());
        Measure.Op api = i -> {
            HttpResponse<byte[]> r = h.app().immediate("SELECT 1");
            if (r.statusCode() != 200) {
                throw new IllegalStateException("SELECT 1 → " + r.statusCode());
            }
            return 1;
        };
        Measure.Op direct = i -> {
            pipeline.run(admission, "immediate", null, select1, Duration.ofSeconds(30), 0, new RowSink() {
                @Override
                public void columns(List<String> names) {
                }

                @Override
                public void row(Object[] values) {
                }
            });
            return 1;
        };
        Measure.Op raw = i -> {
            try (PreparedStatement ps = h.raw().connection().prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        };
        report.line("## 3. Front door cost: `SELECT 1`, 8 clients");
        report.line("");
        report.line("API = HTTP + key/rate-limit/routing checks + envelope; QueryPipeline = called in-process with an "
                + "admission made once (credentials, Link, query log; no HTTP, no front door); raw = JDBC on a kept connection.");
        report.line("");
        report.line("| path | p50 ms | p99 ms | req/s |");
        report.line("|---|---:|---:|---:|");
        Results results = h.results();
        results.select1Api = row(h, "immediate query through the API", api);
        results.select1Pipeline = row(h, "QueryPipeline.run in-process", direct);
        results.select1Raw = row(h, "raw JDBC", raw);
        report.line("");
    }

    private static Stats row(Harness h, String path, Measure.Op op) throws Exception {
        Measure.measure(op, CLIENTS, h.options().warmup());
        Stats s = Measure.measure(op, CLIENTS, h.options().seconds());
        h.report().line("| " + path + " | " + s.p50() + " | " + s.p99() + " | " + s.rps() + " |");
        h.report().flush();
        return s;
    }
}
