package org.halocloud.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.halocloud.bench.Targets.Row;
import org.halocloud.bench.Targets.Verdict;
import org.junit.jupiter.api.Test;

/** The targets table judged from made-up cells: met, missed and not measured. */
class TargetsTest {

    private static final long MS = 1_000_000;
    private static final long MIB = 1 << 20;

    /** A cell of {@code rate} req/s with a p50 of {@code p50ms}. */
    private static Stats cell(double p50ms, double rate) {
        return new Stats(1000, 0, (long) (p50ms * MS), (long) (p50ms * 2 * MS), rate);
    }

    private static Results results() {
        Results r = new Results();
        r.immediateRows = 10_000;
        r.select1Api = cell(1, 2000);
        r.firstAnswerMs = 9000L;
        return r;
    }

    private static Row row(Results r, String targetStart) {
        return Targets.evaluate(r).stream().filter(x -> x.target().startsWith(targetStart)).findFirst().orElseThrow();
    }

    @Test
    void everyTargetHasOneRow() {
        List<Row> rows = Targets.evaluate(new Results());
        assertEquals(8, rows.size());
        assertTrue(rows.stream().allMatch(x -> x.verdict() == Verdict.NOT_MEASURED), rows::toString);
    }

    @Test
    void fhirLatencyIsMetOnlyWhenEveryCellIsWithinTheBound() {
        Results r = results();
        r.fhir.add(new Results.FhirCell("Patient?family", 1, cell(1.1, 900), cell(0.3, 3000), cell(1.0, 1000), null));
        r.fhir.add(new Results.FhirCell("Patient?family", 8, cell(2.4, 3000), cell(0.9, 8000), cell(2.0, 4000), null));
        Row met = row(r, "FHIR p50");
        assertEquals(Verdict.MET, met.verdict(), met::toString);
        assertTrue(met.measured().startsWith("1.10×–1.20× over 2 cells, 0 outside"), met::measured);

        r.fhir.add(new Results.FhirCell("Condition?patient", 32, cell(6.5, 4900), cell(1, 30000), cell(5, 6000), null));
        Row missed = row(r, "FHIR p50");
        assertEquals(Verdict.MISSED, missed.verdict());
        assertTrue(missed.measured().contains("1 outside; worst `Condition?patient` at 32 clients"), missed::measured);
    }

    @Test
    void fhirThroughputAgainstJpa() {
        Results r = results();
        r.fhir.add(new Results.FhirCell("Observation?patient", 1, cell(1, 900), cell(0.3, 3000), cell(1, 1000), null));
        assertEquals(Verdict.NOT_MEASURED, row(r, "FHIR req/s").verdict());
        assertTrue(row(r, "FHIR req/s").measured().contains("JPA peer was not run"));

        r.fhir.clear();
        r.fhir.add(new Results.FhirCell("Observation?patient", 1, cell(1, 900), cell(0.3, 3000), cell(1, 1000), cell(9, 100)));
        r.fhir.add(new Results.FhirCell("Patient?identifier", 1, cell(1, 900), cell(0.3, 3000), cell(1, 1000), cell(2, 300)));
        assertEquals(Verdict.MET, row(r, "FHIR req/s").verdict());

        r.fhir.add(new Results.FhirCell("Patient?identifier", 8, cell(2, 2000), cell(0.5, 9000), cell(1, 3000), cell(4, 1000)));
        Row missed = row(r, "FHIR req/s");
        assertEquals(Verdict.MISSED, missed.verdict());
        assertTrue(missed.measured().contains("worst `Patient?identifier` at 8 clients"), missed::measured);
    }

    @Test
    void writeLatencyAgainstTheRawProcedureCall() {
        Results r = results();
        assertEquals(Verdict.NOT_MEASURED, row(r, "FHIR write p50").verdict());
        assertTrue(row(r, "FHIR write p50").measured().contains("writes scenario was not run"));

        r.writes.add(new Results.WriteCell("POST Patient", 1, cell(1.5, 600), cell(1.0, 900)));
        r.writes.add(new Results.WriteCell("POST Appointment", 1, cell(1.2, 700), cell(1.0, 900)));
        Row met = row(r, "FHIR write p50");
        assertEquals(Verdict.MET, met.verdict(), met::toString);
        assertTrue(met.measured().startsWith("1.20×–1.50× over 2 cells, 0 outside; worst `POST Patient` at 1 client"),
                met::measured);

        r.writes.add(new Results.WriteCell("POST Appointment", 8, cell(4, 1500), cell(1, 6000)));
        Row missed = row(r, "FHIR write p50");
        assertEquals(Verdict.MISSED, missed.verdict());
        assertTrue(missed.measured().contains("1 outside; worst `POST Appointment` at 8 clients"), missed::measured);

        // a cell whose raw side wrote nothing is not judged
        r.writes.clear();
        r.writes.add(new Results.WriteCell("POST Patient", 1, cell(1.2, 600), cell(1.0, 900)));
        r.writes.add(new Results.WriteCell("POST Patient", 8, cell(1.2, 600), new Stats(0, 5, 0, 0, 0)));
        assertEquals(Verdict.NOT_MEASURED, row(r, "FHIR write p50").verdict());
    }

    @Test
    void immediatePassthroughAgainstRawOverHttp() {
        Results r = results();
        r.immediateApi = cell(10, 90);
        r.immediateRawHttp = cell(8, 100);
        Row met = row(r, "Passthrough immediate");
        assertEquals(Verdict.MET, met.verdict());
        assertEquals("0.90× (API 900,000 rows/s, raw over HTTP 1,000,000 rows/s)", met.measured());

        r.immediateApi = cell(20, 47);
        assertEquals(Verdict.MISSED, row(r, "Passthrough immediate").verdict());
    }

    @Test
    void baselinesNotMeasuredYetSayWhatWasMeasured() {
        Results r = results();
        r.async.add(new Results.AsyncCell(100_000, 400_000, 150 * MIB, 160 * MIB, 3));
        r.async.add(new Results.AsyncCell(1_000_000, 450_000, 150 * MIB, 170 * MIB, 12));
        Row async = row(r, "Async rows/s");
        assertEquals(Verdict.NOT_MEASURED, async.verdict());
        assertTrue(async.measured().contains("API 450,000 rows/s"), async::measured);
        Row select1 = row(r, "`SELECT 1`");
        assertEquals(Verdict.NOT_MEASURED, select1.verdict());
        assertTrue(select1.measured().contains("API 2,000 req/s"), select1::measured);
        Row cold = row(r, "Cold start");
        assertEquals(Verdict.NOT_MEASURED, cold.verdict());
        assertTrue(cold.measured().contains("9,000 ms"), cold::measured);
    }

    @Test
    void baselinesWhenMeasuredAreJudged() {
        Results r = results();
        r.async.add(new Results.AsyncCell(1_000_000, 450_000, 150 * MIB, 170 * MIB, 12));
        r.asyncRawRowsPerSecond = 600_000.0;
        r.select1RawHttp = cell(0.5, 4000);
        r.bareFirstAnswerMs = 8000L;
        assertEquals(Verdict.MET, row(r, "Async rows/s").verdict());
        assertEquals(Verdict.MISSED, row(r, "`SELECT 1`").verdict());
        assertEquals(Verdict.MET, row(r, "Cold start").verdict());
        r.bareFirstAnswerMs = 6000L;
        assertEquals(Verdict.MISSED, row(r, "Cold start").verdict());
    }

    @Test
    void heapGrowthAtAMillionRows() {
        Results r = results();
        r.async.add(new Results.AsyncCell(100_000, 400_000, 150 * MIB, 300 * MIB, 3));
        Row small = row(r, "Heap after GC");
        assertEquals(Verdict.NOT_MEASURED, small.verdict());
        assertTrue(small.measured().contains("100,000 rows"), small::measured);

        r.async.add(new Results.AsyncCell(1_000_000, 450_000, 149 * MIB, 181 * MIB, 12));
        Row met = row(r, "Heap after GC");
        assertEquals(Verdict.MET, met.verdict());
        assertEquals("+32 MiB (181 MiB after GC vs 149 MiB baseline, 12 GCs)", met.measured());

        r.async.set(1, new Results.AsyncCell(1_000_000, 450_000, 149 * MIB, 182 * MIB, 12));
        assertEquals(Verdict.MISSED, row(r, "Heap after GC").verdict());
        r.async.set(1, new Results.AsyncCell(1_000_000, 450_000, 149 * MIB, 0, 0));
        assertEquals(Verdict.NOT_MEASURED, row(r, "Heap after GC").verdict());
    }
}
