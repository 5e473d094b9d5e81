package org.halocloud.kernel.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.QueryLog;
import org.halocloud.link.VendorCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The path every query of both APIs takes once admitted: the integrator's vendor credentials, the Link serving
 * the database, the execution limit, the caller's completion, and one metadata record of the outcome (query log,
 * metric, one log line) — never SQL text, bind values or rows.
 */
@Service
public class QueryPipeline {

    private static final Logger log = LoggerFactory.getLogger(QueryPipeline.class);

    private final LinkTransport transport;
    private final QueryLog queryLog;
    private final MeterRegistry meters;
    private final Duration timeout;

    public QueryPipeline(LinkTransport transport, QueryLog queryLog, MeterRegistry meters, HaloProperties properties) {
        this.transport = transport;
        this.queryLog = queryLog;
        this.meters = meters;
        this.timeout = properties.query().timeout();
    }

    /** What the caller learns besides the rows: the query's id and the Link's report. */
    public record Run(UUID id, OffsetDateTime created, LinkResult result) {
    }

    /**
     * The caller's last step of a query that the Link answered (closing its JSON, storing pages, building its answer),
     * still inside the query's lifecycle: the query log is written once, after it, with how the query really ended.
     * It may end the query with a {@link QueryFailure.Raised}.
     */
    @FunctionalInterface
    public interface Completion<T> {
        Completed<T> complete(Run run);
    }

    /** @param size bytes of the result as the caller keeps or sends it, or null when it has no such size */
    public record Completed<T>(T answer, Long size) {
    }

    /**
     * Runs one command on the admitted database with the immediate limits, streaming rows to the sink (FHIR: the
     * rows are the answer, so the log has no result size).
     *
     * @param mode      the API mode for the metadata (immediate, fhir)
     * @param catalogue a catalogue of the database (already validated), or null for its default
     * @param requestSize the bytes of the request, for the metadata
     * @throws LinkFailure when the Link or the database could not complete the command
     */
    public Run run(Admission admission, String mode, String catalogue, QueryCommand command, Duration maxTimeInQueue,
                   int requestSize, RowSink sink) throws LinkFailure {
        return run(UUID.randomUUID(), admission, mode, catalogue, command, timeout, maxTimeInQueue,
                LinkQuery.Priority.IMMEDIATE, requestSize, sink, run -> new Completed<>(run, null));
    }

    /**
     * One query's lifecycle, for every mode: the Link runs the command into the sink, the caller's completion makes
     * its answer, and then — once, whatever happened — the query log, the metric and one log line record the outcome
     * (status and error type from {@link QueryFailure}, rows, the completion's result size).
     *
     * @param id      the query's id, also the id of its query-log entry (the one its answer carries, failed or not)
     * @param timeout the execution limit at the database
     * @throws LinkFailure when the Link or the database could not complete the command
     */
    public <T> T run(UUID id, Admission admission, String mode, String catalogue, QueryCommand command,
                     Duration timeout, Duration maxTimeInQueue, LinkQuery.Priority priority, int requestSize,
                     RowSink sink, Completion<T> completion) throws LinkFailure {
        PmsDatabase database = admission.database();
        VendorCredentials credentials = admission.credentials();
        OffsetDateTime created = OffsetDateTime.now();
        String chosen = catalogue == null ? database.defaultCatalogue() : catalogue;
        int commandSize = command.text().getBytes(StandardCharsets.UTF_8).length;
        LinkResult result = null;
        Long size = null;
        QueryFailure failure = null;
        try {
            result = transport.run(new LinkQuery(database.haloGuid(), chosen, credentials, command, timeout, maxTimeInQueue, priority), sink);
            Completed<T> completed = completion.complete(new Run(id, created, result));
            size = completed.size();
            return completed.answer();
        } catch (LinkFailure | RuntimeException | Error e) {
            failure = QueryFailure.of(e);
            throw e;
        } finally {
            OffsetDateTime completed = OffsetDateTime.now();
            String status = failure == null ? "successful" : failure.status();
            Long rows = result == null ? null : result.rows();
            Long sqlMs = result == null ? null : result.sqlExecution().toMillis();
            queryLog.record(new QueryLog.Entry(id, admission.subscription().id(), admission.subscription().integratorId(),
                    database.haloGuid(), mode, status, commandSize, requestSize, rows, size, sqlMs,
                    failure == null ? null : failure.errorType(database), created, completed));
            Timer.builder("halo.queries").tag("mode", mode).tag("status", status).tag("pms", database.pms().id())
                    .register(meters).record(Duration.between(created, completed));
            log.info("query {} site={} integrator={} mode={} status={} rows={} size={} sqlMs={}", id, database.haloGuid(),
                    admission.subscription().integratorId(), mode, status, rows, size, sqlMs);
        }
    }
}
