package org.halocloud.passthrough.immediate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.halocloud.link.SqlDbTypes;
import org.halocloud.kernel.state.PmsDatabase;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.passthrough.query.JsonRowsBuffer;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.passthrough.query.QueryRequest;

/**
 * Runs an admitted immediate query: validates it, sends it down the {@link QueryPipeline}, gathers the rows under
 * the size limit and reports the outcome in Halo's envelope.
 */
@Service
public class ImmediateQueries {

    private static final long DEFAULT_MAX_TIME_IN_QUEUE = 30_000;
    private static final long MAX_TIME_IN_QUEUE = 60_000;

    /** @param httpStatus the status to answer with; the envelope says the same in Halo's terms */
    public record Outcome(int httpStatus, QueryEnvelope envelope) {
    }

    private final QueryPipeline pipeline;
    private final ObjectMapper mapper;
    private final HaloProperties.Query limits;

    public ImmediateQueries(QueryPipeline pipeline, ObjectMapper mapper, HaloProperties properties) {
        this.pipeline = pipeline;
        this.mapper = mapper;
        this.limits = properties.query();
    }

    /** Validates a request body; a malformed one is refused with 400 before anything runs. */
    public QueryRequest parse(byte[] body) {
        return parse(body, MAX_TIME_IN_QUEUE, "an immediate");
    }

    /**
     * Validates a request body of any query mode (400 before anything runs).
     *
     * @param maxTimeInQueue the largest maxTimeInQueue this mode accepts
     * @param mode           for the message, e.g. "an async"
     */
    public QueryRequest parse(byte[] body, long maxTimeInQueue, String mode) {
        QueryRequest request;
        try {
            request = mapper.readValue(body, QueryRequest.class);
        } catch (RuntimeException e) {
            throw new Refusal(400, "The request body is not a valid query: " + firstLine(e.getMessage()));
        }
        if (request == null || request.command() == null || request.command().text() == null
                || request.command().text().isBlank()) {
            throw new Refusal(400, "command.text must be provided.");
        }
        if (request.command().text().getBytes(StandardCharsets.UTF_8).length > limits.maxCommandBytes()) {
            throw new Refusal(400, "command.text is longer than " + limits.maxCommandBytes() + " bytes.");
        }
        if (request.maxTimeInQueue() != null && (request.maxTimeInQueue() < 0 || request.maxTimeInQueue() > maxTimeInQueue)) {
            throw new Refusal(400, "maxTimeInQueue must be between 0 and " + maxTimeInQueue + " ms for " + mode + " query.");
        }
        for (QueryParameter p : request.command().parameters()) {
            if (p.name() == null || p.name().isBlank()) {
                throw new Refusal(400, "Every parameter needs a name.");
            }
            try {
                SqlDbTypes.of(p.type());
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "Parameter " + p.name() + ": " + e.getMessage());
            }
        }
        return request;
    }

    public Outcome run(Admission admission, QueryRequest request, int requestSize) {
        PmsDatabase database = admission.database();
        String catalogue = database.catalogue(request.catalogue()).orElseThrow(() -> new Refusal(400,
                "Unknown catalogue '" + request.catalogue() + "'; this site has " + database.catalogues().stream()
                        .map(PmsDatabase.Catalogue::name).toList() + "."));
        long maxTimeInQueue = request.maxTimeInQueue() == null ? DEFAULT_MAX_TIME_IN_QUEUE : request.maxTimeInQueue();
        int commandSize = request.command().text().getBytes(StandardCharsets.UTF_8).length;
        OffsetDateTime created = OffsetDateTime.now();
        // one id for the answer and the query log, failed or not, so support can find what an integrator quotes
        UUID id = UUID.randomUUID();
        try (JsonRowsBuffer buffer = new JsonRowsBuffer(mapper, limits.maxResultBytes())) {
            return pipeline.run(id, admission, "immediate", catalogue, request.command(), limits.timeout(),
                    Duration.ofMillis(maxTimeInQueue), LinkQuery.Priority.IMMEDIATE, requestSize, buffer, run -> {
                        LinkResult result = run.result();
                        boolean noRows = request.command().executionMode() == QueryCommand.ExecutionMode.NON_QUERY
                                && result.rows() == 0;
                        byte[] json = noRows ? null : buffer.finish();
                        long size = json == null ? 0L : json.length;
                        QueryEnvelope.Result body = json == null
                                ? new QueryEnvelope.Result(null, result.rowsAffected(), 0L, null, result.parameters())
                                : new QueryEnvelope.Result(result.rows(), result.rowsAffected(), size, json, result.parameters());
                        return new QueryPipeline.Completed<>(new Outcome(200, envelope(run.id(), admission, database,
                                "successful", maxTimeInQueue, commandSize, requestSize, run.created(),
                                result.sqlExecution().toMillis(), body, null)), size);
                    });
        } catch (JsonRowsBuffer.TooLarge e) {
            return failed(QueryFailure.TOO_LARGE, id, admission, database, maxTimeInQueue, commandSize, requestSize,
                    created, QueryFailure.TOO_LARGE.httpStatus(), "The results were too large: an immediate query may "
                            + "return at most " + limits.maxResultBytes() + " bytes of JSON. Select fewer rows or "
                            + "columns, or use an async query.");
        } catch (LinkFailure e) {
            QueryFailure failure = QueryFailure.of(e.kind());
            return failed(failure, id, admission, database, maxTimeInQueue, commandSize, requestSize, created,
                    failure.errorCode(e), e.getMessage());
        }
    }

    private Outcome failed(QueryFailure failure, UUID id, Admission admission, PmsDatabase database,
                           long maxTimeInQueue, int commandSize, int requestSize, OffsetDateTime created,
                           int errorCode, String message) {
        return new Outcome(failure.httpStatus(), envelope(id, admission, database, failure.status(), maxTimeInQueue,
                commandSize, requestSize, created, null, null,
                new QueryEnvelope.ErrorDetails(failure.errorType(database), errorCode, message)));
    }

    private static QueryEnvelope envelope(UUID id, Admission admission, PmsDatabase database, String status,
                                          long maxTimeInQueue, int commandSize, int requestSize, OffsetDateTime created,
                                          Long sqlMs, QueryEnvelope.Result result, QueryEnvelope.ErrorDetails error) {
        OffsetDateTime completed = OffsetDateTime.now();
        Map<String, QueryEnvelope.Timing> timing = new LinkedHashMap<>();
        OffsetDateTime executing = sqlMs == null ? created : completed.minusNanos(sqlMs * 1_000_000);
        timing.put("initialising", new QueryEnvelope.Timing(created, executing));
        timing.put("executing", new QueryEnvelope.Timing(executing, completed));
        return new QueryEnvelope(id, admission.subscription().integratorId(), database.haloGuid(), "immediate", status,
                maxTimeInQueue, commandSize, requestSize, created, completed, completed, timing,
                new QueryEnvelope.Metrics(sqlMs), result, error);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
