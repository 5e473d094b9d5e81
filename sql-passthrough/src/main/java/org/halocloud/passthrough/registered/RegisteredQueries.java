package org.halocloud.passthrough.registered;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.halocloud.passthrough.immediate.ImmediateQueries;
import org.halocloud.passthrough.query.JsonRowsBuffer;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.kernel.pipeline.Incident;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.passthrough.query.QueryRequest;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.halocloud.passthrough.async.AsyncQueryStore;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.passthrough.registered.RegisteredQueryStore;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.passthrough.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Halo's registered queries: a command registered once, run every {@code frequency} seconds for {@code duration}
 * seconds, whose latest result is kept (sealed) and replaced only when it changed (a keyed fingerprint,
 * {@code lastHash}). Each run takes the one query path ({@link QueryPipeline}) with the immediate limits (≤ 60 s,
 * ≤ 8 MB via {@link JsonRowsBuffer}) at background priority at the Link, after the front door admits the
 * subscription again. A changed result sends the subscription's webhook (source registered).
 *
 * <p>In Halo the Link runs registrations itself and uploads only changed results; here the cloud schedules them
 * ({@link #tick} every {@code halo.registered.tick}; {@link #runDue(Instant)} drives it from tests).
 */
@Service
public class RegisteredQueries {

    public static final int MIN_FREQUENCY = 60;
    public static final int MAX_DURATION = 86_400;
    private static final int MAX_NAME = 200;

    private static final Logger log = LoggerFactory.getLogger(RegisteredQueries.class);

    private final RegisteredQueryStore store;
    private final AsyncQueryStore subscriptions;
    private final FrontDoor frontDoor;
    private final QueryPipeline pipeline;
    private final ImmediateQueries validation;
    private final Sealer sealer;
    private final ObjectMapper mapper;
    private final HaloProperties.Query limits;
    private final Webhooks webhooks;
    private final MeterRegistry meters;
    private final Duration tick;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "halo-registered");
        t.setDaemon(true);
        return t;
    });

    public RegisteredQueries(RegisteredQueryStore store, AsyncQueryStore subscriptions, FrontDoor frontDoor,
                             QueryPipeline pipeline, ImmediateQueries validation,
                             Sealer sealer, ObjectMapper mapper, HaloProperties properties,
                             Webhooks webhooks, MeterRegistry meters,
                             @Value("${halo.registered.tick:5s}") Duration tick) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.frontDoor = frontDoor;
        this.pipeline = pipeline;
        this.validation = validation;
        this.sealer = sealer;
        this.mapper = mapper;
        this.limits = properties.query();
        this.webhooks = webhooks;
        this.meters = meters;
        this.tick = tick;
    }

    /** A registration request, validated. */
    public record Registration(String name, String registeredQueryType, int frequency, int duration, QueryRequest command) {
    }

    /** Halo's registration object. */
    public record View(UUID id, String name, String registeredQueryType, String status, int frequency, int duration,
                       String lastHash, QueryEnvelope.ErrorDetails lastErrorDetails, Metrics metrics,
                       OffsetDateTime createdAt, OffsetDateTime completedAt) {
    }

    /** @param lastExecutionDuration ms of the last run (at the database when it succeeded) */
    public record Metrics(OffsetDateTime lastSucceededAt, OffsetDateTime lastFailedAt, Long lastExecutionDuration,
                          long executionSucceededCount, long executionFailedCount, long resultSizeSum, int requestSize) {
    }

    /** The latest result: rows as JSON (base64 on the wire), output parameters, row count and JSON size. */
    public record Result(byte[] data, List<QueryParameter> parameters, Long rows, Long size) {
        @Override
        public String toString() {
            return "RegisteredResult[rows=" + rows + ", size=" + size + "]";
        }
    }

    /** Validates a body: 400 for anything out of Halo's bounds, before anything is stored. */
    public Registration parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (RuntimeException e) {
            throw new Refusal(400, "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Refusal(400, "The request body must be a registration object.");
        }
        JsonNode name = root.path("name");
        if (!name.isString() || name.asString().isBlank() || name.asString().length() > MAX_NAME) {
            throw new Refusal(400, "name must be provided (at most " + MAX_NAME + " characters).");
        }
        JsonNode type = root.path("registeredQueryType");
        if (!type.isString() || !"query".equals(type.asString())) {
            throw new Refusal(400, "registeredQueryType must be \"query\".");
        }
        JsonNode frequency = root.path("frequency");
        if (!frequency.isIntegralNumber() || !frequency.canConvertToInt() || frequency.asInt() < MIN_FREQUENCY) {
            throw new Refusal(400, "frequency must be a whole number of seconds, at least " + MIN_FREQUENCY + ".");
        }
        JsonNode duration = root.path("duration");
        if (!duration.isIntegralNumber() || !duration.canConvertToInt() || duration.asInt() < 1
                || duration.asInt() > MAX_DURATION) {
            throw new Refusal(400, "duration must be a whole number of seconds, from 1 to " + MAX_DURATION + ".");
        }
        JsonNode command = root.path("registerCommand");
        if (!command.isObject()) {
            throw new Refusal(400, "registerCommand must be provided: {\"command\": {...}}.");
        }
        QueryRequest request = validation.parse(mapper.writeValueAsBytes(command), 60_000, "a registered");
        return new Registration(name.asString(), type.asString(), frequency.asInt(), duration.asInt(), request);
    }

    /** Stores an admitted registration, enabled; its first run is due at once. */
    public UUID create(Admission admission, Registration registration, int requestSize) {
        PmsDatabase database = admission.database();
        QueryRequest request = registration.command();
        String catalogue = database.catalogue(request.catalogue()).orElseThrow(() -> new Refusal(400,
                "Unknown catalogue '" + request.catalogue() + "'; this site has " + database.catalogues().stream()
                        .map(PmsDatabase.Catalogue::name).toList() + "."));
        UUID id = UUID.randomUUID();
        OffsetDateTime created = OffsetDateTime.now();
        String sealed = sealer.seal(mapper.writeValueAsString(request.command()), Purpose.REGISTERED_COMMAND.of(id));
        store.insert(id, admission.subscription(), database.haloGuid(), catalogue, registration.name(),
                registration.registeredQueryType(), registration.frequency(), registration.duration(),
                request.command().text().getBytes(StandardCharsets.UTF_8).length, requestSize, sealed, created,
                created.plusSeconds(registration.duration()));
        log.info("registered query {} site={} integrator={} status=enabled frequency={} duration={}", id,
                database.haloGuid(), admission.subscription().integratorId(), registration.frequency(),
                registration.duration());
        return id;
    }

    public List<View> list(Admission admission) {
        return store.list(admission.subscription().integratorId(), admission.database().haloGuid()).stream()
                .map(this::view).toList();
    }

    /** The registration of this integrator on this site, or empty (another's, another site's, unknown). */
    public Optional<View> find(Admission admission, String id) {
        return row(admission, id).map(this::view);
    }

    /** Cancels a registration (404 when not this integrator's on this site); it is not run again. */
    public void cancel(Admission admission, String id) {
        RegisteredQueryStore.Row row = row(admission, id).orElseThrow(() -> notFound(id));
        if (store.cancel(row.id(), OffsetDateTime.now())) {
            log.info("registered query {} site={} status=cancelled", row.id(), row.haloGuid());
        }
    }

    /** The latest stored result; 409 when there is none yet (with the last error, if a run failed). */
    public Result result(Admission admission, String id) {
        RegisteredQueryStore.Row row = row(admission, id).orElseThrow(() -> notFound(id));
        Optional<RegisteredQueryStore.SealedResult> sealed = store.result(row.id());
        if (sealed.isEmpty()) {
            QueryEnvelope.ErrorDetails error = error(row);
            throw new Refusal(409, error == null
                    ? "Registered query " + id + " has no result yet."
                    : "Registered query " + id + " has no result: its last run failed (" + error.errorType() + " "
                            + error.errorCode() + "): " + error.errorMessage());
        }
        RegisteredQueryStore.SealedResult s = sealed.get();
        byte[] data = sealer.open(s.dataSealed(), Purpose.REGISTERED_RESULT.of(row.id())).getBytes(StandardCharsets.UTF_8);
        List<QueryParameter> parameters = s.parametersSealed() == null ? null
                : mapper.readValue(sealer.open(s.parametersSealed(), Purpose.REGISTERED_PARAMETERS.of(row.id())),
                        new TypeReference<List<QueryParameter>>() { });
        return new Result(data, parameters == null || parameters.isEmpty() ? null : parameters, s.rows(), s.size());
    }

    /**
     * Once the application (and its Links) are up: the scheduler, on its own thread so that long runs never hold up
     * the other scheduled work (Spring's scheduler has one thread), looks for due registrations every tick.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long ms = Math.max(100, tick.toMillis());
        scheduler.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        log.info("registered-query scheduler started (tick {} ms)", ms);
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
    }

    /** Every {@code halo.registered.tick}: runs what is due now. */
    void tick() {
        try {
            runDue(Instant.now());
        } catch (RuntimeException e) {
            log.warn("registered queries: scheduler tick failed ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Completes registrations whose duration ended by {@code at}, then runs, one after another, every enabled
     * registration due at {@code at} (tests pass a later instant instead of waiting). Returns how many ran.
     * Synchronized: the scheduler and a caller never overlap, so on return every due run has finished.
     */
    public synchronized int runDue(Instant at) {
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        int ended = store.completeEnded(now);
        if (ended > 0) {
            log.info("registered queries completed (duration ended): {}", ended);
        }
        int ran = 0;
        for (RegisteredQueryStore.Row row : store.due(now)) {
            OffsetDateTime next = row.nextRunAt().plusSeconds(row.frequency());
            if (!next.isAfter(now)) {
                next = now.plusSeconds(row.frequency());
            }
            if (store.claim(row.id(), row.nextRunAt(), next)) {
                run(row);
                ran++;
            }
        }
        return ran;
    }

    private void run(RegisteredQueryStore.Row row) {
        UUID id = row.id();
        UUID runId = UUID.randomUUID();
        long started = System.nanoTime();
        String outcome = "failed";
        Long rows = null;
        Admission admission = null;
        try {
            Subscription subscription = subscriptions.subscription(row.subscriptionId())
                    .orElseThrow(() -> new Refusal(401, "The subscription no longer exists."));
            admission = frontDoor.readmit(subscription, row.haloGuid().toString());
            QueryCommand command = mapper.readValue(sealer.open(row.commandSealed(), Purpose.REGISTERED_COMMAND.of(id)), QueryCommand.class);
            try (JsonRowsBuffer buffer = new JsonRowsBuffer(mapper, limits.maxResultBytes())) {
                Ran ran = pipeline.run(runId, admission, "registered", row.catalogue(), command, limits.timeout(),
                        Duration.ofSeconds(60), LinkQuery.Priority.BACKGROUND, row.requestSize(), buffer,
                        run -> {
                            byte[] json = buffer.finish();
                            return new QueryPipeline.Completed<>(keep(row, run, json), (long) json.length);
                        });
                outcome = ran.outcome();
                rows = ran.rows();
            }
        } catch (JsonRowsBuffer.TooLarge e) {
            failed(id, started, QueryFailure.HALO_LINK, QueryFailure.TOO_LARGE.httpStatus(), "The results were too "
                    + "large: a registered query may return at most " + limits.maxResultBytes() + " bytes of JSON.");
        } catch (LinkFailure e) {
            QueryFailure failure = QueryFailure.of(e.kind());
            failed(id, started, failure.errorType(admission.database()), failure.errorCode(e), e.getMessage());
        } catch (Refusal r) {
            failed(id, started, "http", r.status(), r.getMessage());
        } catch (RuntimeException e) {
            Incident incident = Incident.of("registered query " + id, e);
            failed(id, started, QueryFailure.HALO_LINK, QueryFailure.INTERNAL.httpStatus(), incident.message());
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Timer.builder("halo.registered.runs").description("registered query runs by outcome")
                    .tag("outcome", outcome).register(meters).record(took);
            log.info("registered query {} run={} site={} integrator={} outcome={} rows={} ms={}", id, runId,
                    row.haloGuid(), row.integratorId(), outcome, rows, took.toMillis());
        }
    }

    /** How a run that answered ended: changed (stored, webhook sent) or unchanged (metrics only). */
    private record Ran(String outcome, long rows) {
    }

    /** Keeps a run's result if it changed (by its keyed fingerprint) and sends the webhook; else metrics only. */
    private Ran keep(RegisteredQueryStore.Row row, QueryPipeline.Run run, byte[] json) {
        UUID id = row.id();
        long rows = run.result().rows();
        String parameters = mapper.writeValueAsString(run.result().parameters());
        byte[] fingerprinted = (new String(json, StandardCharsets.UTF_8) + "\n" + parameters)
                .getBytes(StandardCharsets.UTF_8);
        String hash = sealer.fingerprint(fingerprinted, Purpose.REGISTERED_RESULT.of(id));
        long ms = run.result().sqlExecution().toMillis();
        OffsetDateTime completed = OffsetDateTime.now();
        if (hash.equals(row.lastHash())) {
            store.succeededUnchanged(id, completed, ms);
            return new Ran("unchanged", rows);
        }
        String data = sealer.seal(new String(json, StandardCharsets.UTF_8), Purpose.REGISTERED_RESULT.of(id));
        String params = run.result().parameters().isEmpty() ? null
                : sealer.seal(parameters, Purpose.REGISTERED_PARAMETERS.of(id));
        if (!store.succeededChanged(id, completed, ms, hash, rows, json.length, data, params)) {
            return new Ran("unchanged", rows);
        }
        webhooks.completed(row.subscriptionId(), row.haloGuid(), id, Webhooks.REGISTERED, completed);
        return new Ran("changed", rows);
    }

    private void failed(UUID id, long started, String type, int code, String message) {
        store.failed(id, OffsetDateTime.now(), (System.nanoTime() - started) / 1_000_000, type, code,
                sealer.seal(message == null ? "" : message, Purpose.REGISTERED_ERROR.of(id)));
    }

    private Optional<RegisteredQueryStore.Row> row(Admission admission, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return store.find(uuid, admission.subscription().integratorId(), admission.database().haloGuid());
    }

    private static Refusal notFound(String id) {
        return new Refusal(404, "Registered query " + id + " was not found on this site.");
    }

    private QueryEnvelope.ErrorDetails error(RegisteredQueryStore.Row row) {
        if (row.lastErrorType() == null) {
            return null;
        }
        return new QueryEnvelope.ErrorDetails(row.lastErrorType(), row.lastErrorCode(),
                row.lastErrorMessageSealed() == null ? null : sealer.open(row.lastErrorMessageSealed(), Purpose.REGISTERED_ERROR.of(row.id())));
    }

    private View view(RegisteredQueryStore.Row row) {
        String status = "enabled".equals(row.status()) && !row.endsAt().isAfter(OffsetDateTime.now())
                ? "completed" : row.status();
        OffsetDateTime completedAt = row.completedAt() != null ? row.completedAt()
                : "completed".equals(status) ? row.endsAt() : null;
        return new View(row.id(), row.name(), row.registeredQueryType(), status, row.frequency(), row.duration(),
                row.lastHash(), error(row),
                new Metrics(row.lastSucceededAt(), row.lastFailedAt(), row.lastExecutionMs(), row.succeededCount(),
                        row.failedCount(), row.resultSizeSum(), row.requestSize()),
                row.createdAt(), completedAt);
    }
}
