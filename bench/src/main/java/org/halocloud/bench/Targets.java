package org.halocloud.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The performance issue's targets, judged from a run's own cells ({@link Results}): one row per target with the
 * measured ratio(s) and met / missed, or "not measured" where the benchmark has no such baseline yet.
 */
final class Targets {

    static final long ASYNC_ROWS = 1_000_000;
    static final long HEAP_MIB = 32;
    static final double WRITE_P50 = 1.5;

    private Targets() {
    }

    enum Verdict {
        MET("met"), MISSED("**missed**"), NOT_MEASURED("not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    record Row(String target, String measured, Verdict verdict) {
    }

    /** A ratio's bound: at most or at least {@code limit}. */
    private record Bound(boolean atMost, double limit) {
        boolean holds(double ratio) {
            return atMost ? ratio <= limit : ratio >= limit;
        }
    }

    /** One measured ratio and where it comes from. */
    private record Ratio(String cell, double value) {
    }

    static List<Row> evaluate(Results r) {
        return List.of(fhirLatency(r), fhirThroughput(r), writeLatency(r), immediate(r), asyncRate(r), select1(r),
                coldStart(r), heap(r));
    }

    static void write(Report report, List<Row> rows) {
        report.line("## Targets (computed from this run's cells)");
        report.line("");
        report.line("The performance issue's targets, each judged by ratios of two paths measured in this run (so both "
                + "saw the same machine load); \"not measured\" where this benchmark has no such baseline yet.");
        report.line("");
        report.line("| target | measured | result |");
        report.line("|---|---|---|");
        for (Row row : rows) {
            report.line("| " + row.target() + " | " + row.measured() + " | " + row.verdict().text + " |");
        }
        report.line("");
        report.flush();
    }

    private static Row fhirLatency(Results r) {
        return perCell("FHIR p50 facade / raw over loopback HTTP ≤ 1.2× (every search, at 1, 8 and 32 clients)",
                r.fhir, new Bound(true, 1.2), c -> c.rawHttp() == null || c.rawHttp().p50ns() == 0 ? null
                        : (double) c.facade().p50ns() / c.rawHttp().p50ns(), Targets::fhirCell, "no FHIR cells");
    }

    private static Row fhirThroughput(Results r) {
        return perCell("FHIR req/s facade / HAPI JPA ≥ 3× (every search)", r.fhir, new Bound(false, 3),
                c -> c.jpa() == null || c.jpa().rate() == 0 ? null : c.facade().rate() / c.jpa().rate(),
                Targets::fhirCell, "the HAPI JPA peer was not run");
    }

    private static Row writeLatency(Results r) {
        return perCell(String.format("FHIR write p50 API / the same procedure call over raw JDBC ≤ %.1f× (Patient "
                        + "create, Appointment book; at 1 and 8 clients)", WRITE_P50), r.writes, new Bound(true, WRITE_P50),
                c -> c.api().count() == 0 || c.raw().count() == 0 || c.raw().p50ns() == 0 ? null
                        : (double) c.api().p50ns() / c.raw().p50ns(),
                c -> "`" + c.write() + "` at " + clients(c.clients()), "the writes scenario was not run");
    }

    private static String fhirCell(Results.FhirCell c) {
        return "`" + c.search() + "` at " + clients(c.clients());
    }

    private static String clients(int n) {
        return n + (n == 1 ? " client" : " clients");
    }

    /** A target every cell must meet: met when each cell's ratio holds, missed when one does not. */
    private static <C> Row perCell(String target, List<C> cells, Bound bound, Function<C, Double> ratio,
                                   Function<C, String> name, String whyNot) {
        List<Ratio> ratios = new ArrayList<>();
        for (C c : cells) {
            Double v = ratio.apply(c);
            if (v != null) {
                ratios.add(new Ratio(name.apply(c), v));
            }
        }
        if (ratios.isEmpty()) {
            return new Row(target, "not measured (" + whyNot + ")", Verdict.NOT_MEASURED);
        }
        DoubleSummaryStatistics range = ratios.stream().mapToDouble(Ratio::value).summaryStatistics();
        Comparator<Ratio> byValue = Comparator.comparingDouble(Ratio::value);
        Ratio worst = (bound.atMost() ? ratios.stream().max(byValue) : ratios.stream().min(byValue)).orElseThrow();
        long missed = ratios.stream().filter(x -> !bound.holds(x.value())).count();
        String measured = String.format("%s–%s over %d cells, %d outside; worst %s", times(range.getMin()),
                times(range.getMax()), ratios.size(), missed, worst.cell())
                + (ratios.size() < cells.size() ? " (" + (cells.size() - ratios.size()) + " cells not measured)" : "");
        Verdict verdict = missed > 0 ? Verdict.MISSED : ratios.size() < cells.size() ? Verdict.NOT_MEASURED : Verdict.MET;
        return new Row(target, measured, verdict);
    }

    private static Row immediate(Results r) {
        String target = "Passthrough immediate rows/s API / raw JDBC → JSON over loopback HTTP ≥ 0.8×";
        if (r.immediateApi == null || r.immediateRawHttp == null) {
            return new Row(target, "not measured", Verdict.NOT_MEASURED);
        }
        return ratio(target, r.immediateApi.rate() * r.immediateRows, r.immediateRawHttp.rate() * r.immediateRows,
                new Bound(false, 0.8), "API %s rows/s, raw over HTTP %s rows/s");
    }

    private static Row asyncRate(Results r) {
        String target = String.format("Async rows/s (%,d rows) API / raw JDBC → JSON → sealed pages on disk "
                + "in-process ≥ 0.7×", ASYNC_ROWS);
        Optional<Results.AsyncCell> cell = largeAsync(r);
        if (cell.isEmpty()) {
            return new Row(target, "not measured (" + largestAsync(r) + ")", Verdict.NOT_MEASURED);
        }
        if (r.asyncRawRowsPerSecond == null) {
            return new Row(target, String.format("not measured (no raw async baseline yet; API %,.0f rows/s)",
                    cell.get().rowsPerSecond()), Verdict.NOT_MEASURED);
        }
        return ratio(target, cell.get().rowsPerSecond(), r.asyncRawRowsPerSecond, new Bound(false, 0.7),
                "API %s rows/s, raw %s rows/s");
    }

    private static Row select1(Results r) {
        String target = "`SELECT 1` req/s API / raw over loopback HTTP ≥ 0.7×";
        if (r.select1Api == null) {
            return new Row(target, "not measured", Verdict.NOT_MEASURED);
        }
        if (r.select1RawHttp == null) {
            return new Row(target, String.format("not measured (no raw-over-HTTP `SELECT 1` yet; API %,.0f req/s)",
                    r.select1Api.rate()), Verdict.NOT_MEASURED);
        }
        return ratio(target, r.select1Api.rate(), r.select1RawHttp.rate(), new Bound(false, 0.7),
                "API %s req/s, raw over HTTP %s req/s");
    }

    private static Row coldStart(Results r) {
        String target = "Cold start, embedded default, to the first answered query / bare Spring Boot + HAPI plain "
                + "server ≤ 1.3×";
        if (r.firstAnswerMs == null) {
            return new Row(target, "not measured", Verdict.NOT_MEASURED);
        }
        if (r.bareFirstAnswerMs == null) {
            return new Row(target, String.format("not measured (no bare baseline yet; the embedded demo answered after %,d ms)",
                    r.firstAnswerMs), Verdict.NOT_MEASURED);
        }
        return ratio(target, r.firstAnswerMs, r.bareFirstAnswerMs, new Bound(true, 1.3),
                "embedded %s ms, bare %s ms");
    }

    private static Row heap(Results r) {
        String target = String.format("Heap after GC streaming %,d async rows − baseline ≤ +%d MiB", ASYNC_ROWS, HEAP_MIB);
        Optional<Results.AsyncCell> cell = largeAsync(r);
        if (cell.isEmpty()) {
            return new Row(target, "not measured (" + largestAsync(r) + ")", Verdict.NOT_MEASURED);
        }
        Results.AsyncCell c = cell.get();
        if (c.collections() == 0) {
            return new Row(target, "not measured (no GC during the query)", Verdict.NOT_MEASURED);
        }
        long growth = c.peakAfterGcBytes() - c.baselineBytes();
        String measured = String.format("%+d MiB (%d MiB after GC vs %d MiB baseline, %d GCs)", growth >> 20,
                c.peakAfterGcBytes() >> 20, c.baselineBytes() >> 20, c.collections());
        return new Row(target, measured, growth <= HEAP_MIB << 20 ? Verdict.MET : Verdict.MISSED);
    }

    /** A target of one ratio a / b; {@code detail} formats a and b. */
    private static Row ratio(String target, double a, double b, Bound bound, String detail) {
        if (b == 0) {
            return new Row(target, "not measured (the baseline answered nothing)", Verdict.NOT_MEASURED);
        }
        double v = a / b;
        String measured = times(v) + " (" + String.format(detail, String.format("%,.0f", a), String.format("%,.0f", b)) + ")";
        return new Row(target, measured, bound.holds(v) ? Verdict.MET : Verdict.MISSED);
    }

    /** The async query of the targets' size, if the run had one. */
    private static Optional<Results.AsyncCell> largeAsync(Results r) {
        return r.async.stream().filter(c -> c.rows() >= ASYNC_ROWS).findFirst();
    }

    private static String largestAsync(Results r) {
        return r.async.isEmpty() ? "no async query" : String.format("the largest async query read %,d rows",
                r.async.stream().mapToLong(Results.AsyncCell::rows).max().orElseThrow());
    }

    private static String times(double ratio) {
        return String.format("%.2f×", ratio);
    }
}
