package org.halocloud.passthrough.immediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.VendorCredentials;
import org.halocloud.pms.PmsDescriptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.halocloud.passthrough.query.JsonRowsBuffer;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.passthrough.query.QueryRequest;

/** An immediate query that fails answers the table's status and Halo's error type, under the id its log entry has. */
class ImmediateFailureTest {

    private final QueryPipeline pipeline = mock(QueryPipeline.class);
    private final ImmediateQueries queries = new ImmediateQueries(pipeline, JsonMapper.builder().build(),
            new HaloProperties(Path.of("target"), "demo", new HaloProperties.RateLimit(true, 15, Duration.ofSeconds(5)),
                    new HaloProperties.Query(Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets("")));
    private final Admission admission = new Admission(new Subscription(UUID.randomUUID(), UUID.randomUUID(), "Acme",
            "demo", true, true), new PmsDatabase(UUID.randomUUID(), UUID.randomUUID(), PmsDescriptor.of("bp-premier", "BestPractice",
            "best-practice", "mssql", List.of("BPSPatients"), "SELECT 1"), "1", "Practice",
            "1", true, "online", List.of(new PmsDatabase.Catalogue("BPSPatients", true))),
            () -> new VendorCredentials("u", "p"), Map.of());
    private final QueryRequest request = new QueryRequest(null, null, new QueryCommand("SELECT 1", null, null, null));

    @Test
    void everyLinkFailureAnswersItsRowOfTheTable() throws Exception {
        for (LinkFailure.Kind kind : LinkFailure.Kind.values()) {
            QueryFailure row = QueryFailure.of(kind);
            AtomicReference<UUID> logged = failWith(new LinkFailure(kind, 208, "Invalid object name 'NOPE'."));
            ImmediateQueries.Outcome outcome = queries.run(admission, request, 40);
            assertThat(outcome.httpStatus()).as(kind.name()).isEqualTo(row.httpStatus());
            assertThat(outcome.envelope().status()).as(kind.name()).isEqualTo(row.status());
            assertThat(outcome.envelope().id()).as("the log entry's id").isEqualTo(logged.get());
            QueryEnvelope.ErrorDetails error = outcome.envelope().errorDetails();
            assertThat(error.errorType()).as(kind.name()).isEqualTo(kind == LinkFailure.Kind.DATABASE ? "mssql" : "haloLink");
            assertThat(error.errorCode()).as(kind.name()).isEqualTo(kind == LinkFailure.Kind.DATABASE ? 208 : row.httpStatus());
            // the integrator's own SQL: the database's message is theirs to read
            assertThat(error.errorMessage()).isEqualTo("Invalid object name 'NOPE'.");
        }
    }

    @Test
    void aResultOverTheLimitIs413() throws Exception {
        AtomicReference<UUID> logged = failWith(new JsonRowsBuffer.TooLarge());
        ImmediateQueries.Outcome outcome = queries.run(admission, request, 40);
        assertThat(outcome.httpStatus()).isEqualTo(413);
        assertThat(outcome.envelope().status()).isEqualTo("executionFailed");
        assertThat(outcome.envelope().id()).isEqualTo(logged.get());
        assertThat(outcome.envelope().errorDetails().errorType()).isEqualTo("haloLink");
        assertThat(outcome.envelope().errorDetails().errorCode()).isEqualTo(413);
    }

    private AtomicReference<UUID> failWith(Exception failure) throws Exception {
        AtomicReference<UUID> id = new AtomicReference<>();
        when(pipeline.run(any(UUID.class), any(), anyString(), any(), any(), any(), any(), any(), anyInt(), any(), any()))
                .thenAnswer(call -> {
                    id.set(call.getArgument(0));
                    throw failure;
                });
        return id;
    }
}
