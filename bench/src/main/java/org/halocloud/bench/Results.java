package org.halocloud.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells a run measured, as the scenarios record them beside their tables, for {@link Targets} to judge. A
 * baseline this benchmark does not measure yet stays null (its target is then "not measured").
 */
final class Results {

    /** One FHIR search at one concurrency; {@code jpa} null when the HAPI JPA peer was not run. */
    record FhirCell(String search, int clients, Stats facade, Stats raw, Stats rawHttp, Stats jpa) {
    }

    /** One async query: rows read back, rows/s, heap baseline and the highest heap left after a GC (bytes). */
    record AsyncCell(long rows, double rowsPerSecond, long baselineBytes, long peakAfterGcBytes, long collections) {
    }

    /**
     * One FHIR write at one concurrency: through the API (HTTP, front door, HAPI, the write path's checks and
     * read-back, the Link) and the same procedure call with the same arguments over raw JDBC as the integrator's
     * login.
     */
    record WriteCell(String write, int clients, Stats api, Stats raw) {
    }

    final List<FhirCell> fhir = new ArrayList<>();

    final List<WriteCell> writes = new ArrayList<>();

    /** The immediate passthrough query (1 client): rows per query, and each path's queries/s. */
    int immediateRows;
    Stats immediateApi;
    Stats immediateRaw;
    Stats immediateRawHttp;

    final List<AsyncCell> async = new ArrayList<>();
    /** Raw JDBC → JSON → sealed pages on disk, in-process, at the largest async size (rows/s): not measured yet. */
    Double asyncRawRowsPerSecond;

    /** {@code SELECT 1} at 8 clients; raw over loopback HTTP is not measured yet. */
    Stats select1Api;
    Stats select1Pipeline;
    Stats select1Raw;
    Stats select1RawHttp;

    /** Cold start to the first answered query (ms); the bare Spring Boot + HAPI plain server's is not measured yet. */
    Long firstAnswerMs;
    Long bareFirstAnswerMs;
}
