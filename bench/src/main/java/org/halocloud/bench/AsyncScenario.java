package org.halocloud.bench;

import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Section 2, async: queries of a tenth of {@code asyncRows} and of {@code asyncRows} through {@code /queries/async}
 * (poll, then read every page's {@code /stream}): rows/s and the JVM's heap meanwhile ({@link HeapWatch}).
 */
final class AsyncScenario implements Scenario {

    @Override
    public void run(Harness h) throws Exception {
        Report report = h.report();
        report.line("Async queries through `/queries/async` (poll every 50 ms to `successful`, then read every page's "
                + "`/stream`); heap of the whole JVM (server and bench), from submit to the last page read: the highest "
                + "`MemoryMXBean` heap used sampled every 5 ms (includes garbage not yet collected, so it grows with -Xmx), "
                + "and the highest heap left after a collection (GC notifications). Try `java -Xmx512m -jar …` to see the "
                + "async path stay bounded.");
        report.line("");
        report.line("| rows | total s | rows/s | pages | peak heap used MiB | peak after GC MiB | baseline after System.gc() MiB |");
        report.line("|---:|---:|---:|---:|---:|---:|---:|");
        report.flush();
        int asyncRows = h.options().asyncRows();
        for (int rows : new int[] {Math.max(1, asyncRows / 10), asyncRows}) {
            query(h, rows);
        }
        report.line("");
    }

    private static void query(Harness h, int rows) throws Exception {
        HaloApp app = h.app();
        long counted = 0;
        int pages = 0;
        long elapsed;
        HeapWatch heap = HeapWatch.start();
        try (heap) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> created = app.post("/queries/async", RawJdbc.padSql(rows));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("async → " + created.statusCode() + " " + new String(created.body()));
            }
            String path = app.siteUrl("/queries/" + Bench.JSON.readTree(created.body()).get("id").asString());
            JsonNode query;
            while (true) {
                query = Bench.JSON.readTree(app.get(path).body());
                String status = query.get("status").asString();
                if (status.equals("successful")) {
                    break;
                }
                if (!List.of("initialising", "queued", "executing", "uploading").contains(status)) {
                    throw new IllegalStateException("async query ended " + status + ": " + query);
                }
                Thread.sleep(50);
            }
            for (JsonNode page : query.get("result").get("pages")) {
                HttpResponse<byte[]> r = app.get(path + "/results/" + page.get("pageNumber").asInt() + "/stream");
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("page → " + r.statusCode());
                }
                counted += page.get("rows").get("count").asLong();
                pages++;
            }
            elapsed = System.nanoTime() - t0;
        }
        double rate = counted / (elapsed / 1e9);
        h.results().async.add(new Results.AsyncCell(counted, rate, heap.baseline(), heap.afterGc(), heap.collections()));
        h.report().line(String.format("| %,d | %.2f | %,.0f | %d | %d | %s | %d |", counted, elapsed / 1e9, rate, pages,
                heap.peak() >> 20, heap.collections() == 0 ? "– (no GC)"
                        : (heap.afterGc() >> 20) + " (" + heap.collections() + " GCs)", heap.baseline() >> 20));
        h.report().flush();
    }
}
