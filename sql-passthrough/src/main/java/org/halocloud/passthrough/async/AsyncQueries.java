package org.halocloud.passthrough.async;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.QueryParameter;
import org.halocloud.passthrough.immediate.ImmediateQueries;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.passthrough.query.QueryRequest;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.passthrough.async.AsyncQueryStore;
import org.halocloud.kernel.state.PmsDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Halo's async queries, the integrator's side: accept one (stored, its command sealed, then queued for the
 * {@link AsyncWorkers}), report it in Halo's envelope, hand out its result pages, and delete results once
 * {@code halo.async.retention} has passed.
 */
@Service
public class AsyncQueries {

    public static final long DEFAULT_MAX_TIME_IN_QUEUE = 3_600_000;
    public static final long MAX_TIME_IN_QUEUE = 7_200_000;

    private static final Logger log = LoggerFactory.getLogger(AsyncQueries.class);
    private static final List<String> PHASES = List.of("initialising", "queued", "executing", "uploading");

    private final AsyncQueryStore store;
    private final ResultStore results;
    private final Sealer sealer;
    private final ObjectMapper mapper;
    private final ImmediateQueries validation;
    private final AsyncProperties properties;
    private final AsyncWorkers workers;

    public AsyncQueries(AsyncQueryStore store, ResultStore results, Sealer sealer, ObjectMapper mapper,
                        ImmediateQueries validation, AsyncProperties properties, AsyncWorkers workers) {
        this.store = store;
        this.results = results;
        this.sealer = sealer;
        this.mapper = mapper;
        this.validation = validation;
        this.properties = properties;
        this.workers = workers;
    }

    /** One page as fetched: its JSON array and index entry, and the query's output parameters (if any). */
    public record FetchedPage(byte[] json, AsyncQueryStore.PageRow page, List<QueryParameter> parameters) {
    }

    /** Validates a body as {@link ImmediateQueries} does, with the async bounds of maxTimeInQueue. */
    public QueryRequest parse(byte[] body) {
        return validation.parse(body, MAX_TIME_IN_QUEUE, "an async");
    }

    /** Stores and queues an admitted query; returns it as it stands once queued. */
    public QueryEnvelope create(Admission admission, QueryRequest request, int requestSize) {
        PmsDatabase database = admission.database();
        String catalogue = database.catalogue(request.catalogue()).orElseThrow(() -> new Refusal(400,
                "Unknown catalogue '" + request.catalogue() + "'; this site has " + database.catalogues().stream()
                        .map(PmsDatabase.Catalogue::name).toList() + "."));
        long maxTimeInQueue = request.maxTimeInQueue() == null ? DEFAULT_MAX_TIME_IN_QUEUE : request.maxTimeInQueue();
        UUID id = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.now();
        String sealed = sealer.seal(mapper.writeValueAsString(request.command()), Purpose.ASYNC_COMMAND.of(id));
        store.insert(id, admission.subscription(), database.haloGuid(), catalogue, maxTimeInQueue,
                request.command().text().getBytes(StandardCharsets.UTF_8).length, requestSize, sealed, created,
                workers.owner(), workers.leaseUntil());
        store.queue(id, OffsetDateTime.now());
        log.info("async query {} site={} integrator={} status=queued", id, database.haloGuid(),
                admission.subscription().integratorId());
        workers.wake();
        return envelope(store.find(id).orElseThrow());
    }

    /** The query of this integrator on this site, or empty (another's, another site's, or unknown: all not found). */
    public Optional<QueryEnvelope> find(Admission admission, String queryId) {
        return row(admission, queryId).map(this::envelope);
    }

    /** One page of a successful query: 404 unknown, 409 not (yet) successful, 410 expired. */
    public FetchedPage page(Admission admission, String queryId, int pageNumber) {
        AsyncQueryStore.Row row = row(admission, queryId)
                .orElseThrow(() -> new Refusal(404, "Query " + queryId + " was not found on this site."));
        if (!"successful".equals(row.status())) {
            throw new Refusal(409, "Query " + queryId + " has no results: its status is " + row.status() + ".");
        }
        if (expired(row)) {
            throw new Refusal(410, "The results of query " + queryId + " have expired (they are kept "
                    + properties.retention().toHours() + " h after the query completes). Run the query again.");
        }
        AsyncQueryStore.PageRow page = store.pages(row.id()).stream().filter(p -> p.pageNumber() == pageNumber)
                .findFirst().orElseThrow(() -> new Refusal(404, "Query " + queryId + " has no page " + pageNumber + "."));
        byte[] sealed;
        try {
            sealed = results.get(row.id(), pageNumber).orElseThrow(() -> new Refusal(410,
                    "The results of query " + queryId + " are no longer stored. Run the query again."));
        } catch (IOException e) {
            log.warn("async query {}: page {} unreadable ({})", row.id(), pageNumber, e.getClass().getSimpleName());
            throw new Refusal(503, "The result page could not be read; try again.");
        }
        return new FetchedPage(sealer.openBytes(sealed, Purpose.ASYNC_PAGE.of(row.id(), pageNumber)), page, parameters(row));
    }

    /** Deletes the results (and sealed columns) of queries past their retention. */
    @Scheduled(fixedDelayString = "${halo.async.sweep-interval:5m}", initialDelayString = "${halo.async.sweep-interval:5m}")
    public void sweep() {
        sweep(Instant.now());
    }

    /**
     * Deletes what has expired at {@code now}: results of completed queries past their retention, and orphaned result
     * files (e.g. of a query whose process died) stored more than a retention before now. Returns how many queries'
     * results were deleted.
     */
    public int sweep(Instant now) {
        OffsetDateTime at = OffsetDateTime.now();
        int deleted = 0;
        for (UUID id : store.expired(now.atOffset(at.getOffset()))) {
            try {
                results.delete(id);
                store.resultsDeleted(id, at);
                deleted++;
            } catch (IOException e) {
                log.warn("async query {}: expired results not deleted yet ({})", id, e.getClass().getSimpleName());
            }
        }
        try {
            for (UUID id : results.listExpired(now.minus(properties.retention()))) {
                boolean inFlight = store.find(id).map(r -> AsyncQueryStore.IN_FLIGHT.contains(r.status())).orElse(false);
                if (!inFlight) {
                    results.delete(id);
                }
            }
        } catch (IOException e) {
            log.warn("sweeping orphaned async results failed ({})", e.getClass().getSimpleName());
        }
        if (deleted > 0) {
            log.info("async results expired: {} queries", deleted);
        }
        return deleted;
    }

    private Optional<AsyncQueryStore.Row> row(Admission admission, String queryId) {
        UUID id;
        try {
            id = UUID.fromString(queryId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return store.find(id, admission.subscription().integratorId(), admission.database().haloGuid());
    }

    private boolean expired(AsyncQueryStore.Row row) {
        return row.resultsDeletedAt() != null
                || (row.expiresAt() != null && !row.expiresAt().isAfter(OffsetDateTime.now()));
    }

    private List<QueryParameter> parameters(AsyncQueryStore.Row row) {
        if (row.parametersSealed() == null) {
            return null;
        }
        List<QueryParameter> list = mapper.readValue(sealer.open(row.parametersSealed(), Purpose.ASYNC_PARAMETERS.of(row.id())),
                new TypeReference<List<QueryParameter>>() { });
        return list.isEmpty() ? null : list;
    }

    /** The query in Halo's envelope (mode async); a successful one lists its pages instead of inline data. */
    public QueryEnvelope envelope(AsyncQueryStore.Row row) {
        List<OffsetDateTime> starts = new ArrayList<>();
        starts.add(row.createdAt());
        starts.add(row.queuedAt());
        starts.add(row.executingAt());
        starts.add(row.uploadingAt());
        Map<String, QueryEnvelope.Timing> timing = new LinkedHashMap<>();
        for (int i = 0; i < PHASES.size(); i++) {
            OffsetDateTime start = starts.get(i);
            if (start == null) {
                continue;
            }
            OffsetDateTime end = null;
            for (int j = i + 1; j < starts.size() && end == null; j++) {
                end = starts.get(j);
            }
            timing.put(PHASES.get(i), new QueryEnvelope.Timing(start, end == null ? row.completedAt() : end));
        }
        QueryEnvelope.Result result = null;
        if ("successful".equals(row.status())) {
            List<QueryEnvelope.Page> pages = store.pages(row.id()).stream()
                    .map(p -> new QueryEnvelope.Page(p.pageNumber(), "cached", p.size(),
                            new QueryEnvelope.PageRows(p.rowCount(), p.rangeStart(), p.rangeEnd())))
                    .toList();
            result = new QueryEnvelope.Result(row.resultRows(), row.rowsAffected(), row.resultSize(), null,
                    row.resultsDeletedAt() == null ? parameters(row) : null, pages);
        }
        QueryEnvelope.ErrorDetails error = null;
        if (row.errorType() != null) {
            String message = row.errorMessageSealed() == null
                    ? "The details of this query have expired."
                    : sealer.open(row.errorMessageSealed(), Purpose.ASYNC_ERROR.of(row.id()));
            error = new QueryEnvelope.ErrorDetails(row.errorType(), row.errorCode(), message);
        }
        return new QueryEnvelope(row.id(), row.integratorId(), row.haloGuid(), "async", row.status(),
                row.maxTimeInQueue(), row.commandSize(), row.requestSize(), row.createdAt(), row.updatedAt(),
                row.completedAt(), timing, new QueryEnvelope.Metrics(row.sqlExecutionMs()), result, error);
    }
}
