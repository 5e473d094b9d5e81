package org.halocloud.kernel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.kernel.state.QueryLog;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.halocloud.link.VendorCredentials;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The query log gets one entry per query, written when it has ended, with how it ended. */
class QueryPipelineTest {

    private final LinkTransport transport = mock(LinkTransport.class);
    private final QueryLog queryLog = mock(QueryLog.class);
    private final QueryPipeline pipeline = pipeline(transport, queryLog);
    private final Admission admission = new Admission(new Subscription(UUID.randomUUID(), UUID.randomUUID(), "Acme",
            "demo", true, true), QueryFailureTest.ZEDMED, () -> new VendorCredentials("u", "p"), Map.of());
    private final QueryCommand command = new QueryCommand("SELECT 1", null, null, null);
    private final RowSink sink = mock(RowSink.class);

    @Test
    void aCompletedQueryIsLoggedOnceWithTheSizeItsCompletionReports() throws Exception {
        when(transport.run(any(LinkQuery.class), any())).thenReturn(new LinkResult(3, null, List.of(), Duration.ofMillis(7)));
        UUID id = UUID.randomUUID();
        String answer = run(id, r -> new QueryPipeline.Completed<>("answer " + r.id(), 123L));
        assertThat(answer).isEqualTo("answer " + id);
        QueryLog.Entry entry = logged();
        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.status()).isEqualTo("successful");
        assertThat(entry.rows()).isEqualTo(3);
        assertThat(entry.resultSize()).isEqualTo(123);
        assertThat(entry.sqlExecutionMs()).isEqualTo(7);
        assertThat(entry.errorType()).isNull();
    }

    @Test
    void aResultTheCompletionRefusesIsLoggedAsThatFailureUnderTheSameId() throws Exception {
        when(transport.run(any(LinkQuery.class), any())).thenReturn(new LinkResult(3, null, List.of(), Duration.ofMillis(7)));
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> run(id, r -> {
            throw new QueryFailure.Raised(QueryFailure.UPLOAD_FAILED, null);
        })).isInstanceOf(QueryFailure.Raised.class);
        QueryLog.Entry entry = logged();
        assertThat(entry.id()).isEqualTo(id);
        assertThat(entry.status()).isEqualTo("uploadFailed");
        assertThat(entry.errorType()).isEqualTo("haloLink");
        assertThat(entry.resultSize()).isNull();
        assertThat(entry.rows()).isEqualTo(3);
    }

    @Test
    void aLinkFailureIsLoggedByTheTable() throws Exception {
        for (LinkFailure.Kind kind : LinkFailure.Kind.values()) {
            QueryLog queryLog = mock(QueryLog.class);
            LinkTransport transport = mock(LinkTransport.class);
            when(transport.run(any(LinkQuery.class), any())).thenThrow(new LinkFailure(kind, 42, "no"));
            assertThatThrownBy(() -> pipeline(transport, queryLog).run(admission, "fhir", null, command, Duration.ofSeconds(1), 0, sink))
                    .isInstanceOf(LinkFailure.class);
            ArgumentCaptor<QueryLog.Entry> entry = ArgumentCaptor.forClass(QueryLog.Entry.class);
            verify(queryLog, times(1)).record(entry.capture());
            QueryFailure failure = QueryFailure.of(kind);
            assertThat(entry.getValue().status()).as(kind.name()).isEqualTo(failure.status());
            assertThat(entry.getValue().errorType()).as(kind.name()).isEqualTo(failure.errorType(QueryFailureTest.ZEDMED));
            assertThat(entry.getValue().rows()).isNull();
        }
    }

    private static QueryPipeline pipeline(LinkTransport transport, QueryLog queryLog) {
        return new QueryPipeline(transport, queryLog, new SimpleMeterRegistry(), new HaloProperties(Path.of("target"),
                "demo", new HaloProperties.RateLimit(true, 15, Duration.ofSeconds(5)),
                new HaloProperties.Query(Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets("")));
    }

    private <T> T run(UUID id, QueryPipeline.Completion<T> completion) throws LinkFailure {
        return pipeline.run(id, admission, "immediate", null, command, Duration.ofSeconds(1), Duration.ofSeconds(1),
                LinkQuery.Priority.IMMEDIATE, 10, sink, completion);
    }

    private QueryLog.Entry logged() {
        ArgumentCaptor<QueryLog.Entry> entry = ArgumentCaptor.forClass(QueryLog.Entry.class);
        verify(queryLog, times(1)).record(entry.capture());
        return entry.getValue();
    }
}
