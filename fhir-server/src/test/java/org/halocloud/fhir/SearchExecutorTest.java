package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.RowSink;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class SearchExecutorTest {

    private final TestPms pms = new TestPms();
    private final QueryPipeline pipeline = mock(QueryPipeline.class);
    private final SiteRequest site = new SiteRequest(mock(Admission.class), pms);
    private final SearchExecutor executor = new SearchExecutor(pipeline);
    /** What each query sent to the pipeline asked, and its catalogue. */
    private final List<String> sent = new ArrayList<>();

    /** The Link answers each query with the rows the function gives for its command. */
    private void answer(List<String> columns, Function<QueryCommand, List<Object[]>> rows) throws LinkFailure {
        when(pipeline.run(any(Admission.class), eq("fhir"), any(), any(QueryCommand.class), any(Duration.class),
                anyInt(), any(RowSink.class))).thenAnswer(call -> {
            QueryCommand command = call.getArgument(3);
            sent.add(call.getArgument(2) + ": " + command.text() + " " + command.parameters().stream()
                    .map(p -> p.name() + "=" + p.value()).toList());
            RowSink sink = call.getArgument(6);
            sink.columns(columns);
            for (Object[] row : rows.apply(command)) {
                sink.row(row);
            }
            return null;
        });
    }

    private void failing(Exception failure) throws LinkFailure {
        when(pipeline.run(any(Admission.class), eq("fhir"), any(), any(QueryCommand.class), any(Duration.class),
                anyInt(), any(RowSink.class))).thenThrow(failure);
    }

    private SearchPlan patients(int count) {
        return new SearchPlanner(pms, TestPms.ZONE, "MAIN", (t, c) -> List.of())
                .plan(pms.patient, SearchRequestTest.request("family", "sm", "_count", Integer.toString(count)));
    }

    @Test
    void aPageIsItsCountOfRowsAndOneMoreRowMeansANextPage() throws LinkFailure {
        answer(List.of("id", "surname"), c -> List.of(new Object[] {3, "Smith"}, new Object[] {5, "Smythe"},
                new Object[] {8, "Smail"}));
        SearchExecutor.Page page = executor.page(site, patients(2));
        assertThat(page.resources()).extracting(r -> r.getIdElement().getValue()).containsExactly("Patient/3", "Patient/5");
        assertThat(page.nextAfter()).isEqualTo("5");
        assertThat(sent).singleElement().asString()
                .contains("select PATIENTS.ID, PATIENTS.SURNAME from PATIENTS where upper(trim(PATIENTS.SURNAME)) like upper(@1)")
                .contains("order by PATIENTS.ID offset @2 rows fetch next @3 rows only")
                .endsWith("[1=sm%, 2=0, 3=3]");
    }

    @Test
    void theLastPageHasNoNext() throws LinkFailure {
        answer(List.of("ID", "SURNAME"), c -> List.<Object[]>of(new Object[] {3, "Smith"}));
        assertThat(executor.page(site, patients(2)).nextAfter()).isNull();
    }

    @Test
    void includesAreReadByIdOncePerTypeAndMarkedAsIncluded() throws LinkFailure {
        answer(List.of("ID", "PATIENTID", "DOCTORID", "LOCATIONID", "SURNAME", "PRESCRIBERNO"), c ->
                c.text().contains("from APPTS") ? List.of(new Object[] {1, 7, 2, null, null, null},
                        new Object[] {4, 7, 3, null, null, null})
                        : c.text().contains("from PATIENTS") ? List.<Object[]>of(new Object[] {7, null, null, null, "Smith", null})
                        : List.of(new Object[] {2, null, null, null, null, "P2"}, new Object[] {3, null, null, null, null, "P3"}));
        SearchPlan plan = new SearchPlanner(pms, TestPms.ZONE, "MAIN", (t, c) -> List.of()).plan(pms.appointment,
                SearchRequestTest.request("_include", "Appointment:patient", "_include", "Appointment:actor"));
        List<Resource> resources = executor.page(site, plan).resources();
        assertThat(resources).extracting(r -> r.getIdElement().getValue())
                .containsExactly("Appointment/1", "Appointment/4", "Patient/7", "Practitioner/2", "Practitioner/3");
        assertThat(resources).extracting(r -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.get(r))
                .containsExactly(null, null, BundleEntrySearchModeEnum.INCLUDE, BundleEntrySearchModeEnum.INCLUDE,
                        BundleEntrySearchModeEnum.INCLUDE);
        assertThat(sent).hasSize(3); // no Location is referred to: no query for it
        assertThat(sent.get(1)).startsWith("null: select").contains("where PATIENTS.ID in (@1)").endsWith("[1=7, 2=0, 3=2]");
        assertThat(sent.get(2)).startsWith("ADMIN: select").contains("DOCTORS.ID in (@1, @2)");
    }

    @Test
    void noIncludeIsReadForAnEmptyPage() throws LinkFailure {
        answer(List.of("ID"), c -> List.of());
        SearchPlan plan = new SearchPlanner(pms, TestPms.ZONE, "MAIN", (t, c) -> List.of()).plan(pms.appointment,
                SearchRequestTest.request("_include", "Appointment:patient"));
        assertThat(executor.page(site, plan).resources()).isEmpty();
        assertThat(sent).hasSize(1);
    }

    @Test
    void chainedKeysAreReadFromTheTargetsCatalogueBoundedAt1000() throws LinkFailure {
        answer(List.of("ID"), c -> IntStream.range(0, 3).mapToObj(i -> new Object[] {i}).toList());
        assertThat(executor.keys(site, pms.practitioner, TestPms.PRESCRIBER.eq("P1"))).containsExactly(0, 1, 2);
        assertThat(sent).singleElement().asString().startsWith("ADMIN: select DOCTORS.ID from DOCTORS where "
                + "DOCTORS.PRESCRIBERNO = @1").endsWith("[1=P1, 2=0, 3=1001]");
        sent.clear();
        answer(List.of("ID"), c -> IntStream.range(0, 1001).mapToObj(i -> new Object[] {i}).toList());
        assertThatThrownBy(() -> executor.keys(site, pms.practitioner, TestPms.PRESCRIBER.eq("P")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(
                        "The chained search matches too many Practitioner resources; narrow it (e.g. a full identifier).");
    }

    @Test
    void aRowThatCannotBeMappedIsA500WithoutItsValues() throws LinkFailure {
        answer(List.of("ID", "SURNAME"), c -> List.<Object[]>of(new Object[] {3, "unmappable"}));
        assertThatThrownBy(() -> executor.page(site, patients(2))).isInstanceOf(InternalErrorException.class)
                .hasMessage("A Patient row could not be mapped (IllegalStateException).")
                .satisfies(e -> assertThat(((InternalErrorException) e).getStatusCode()).isEqualTo(500));
    }

    @Test
    void linkFailuresAreStatusesWithoutTheDatabasesText() throws LinkFailure {
        failing(new LinkFailure(LinkFailure.Kind.DATABASE, 208, "Invalid object name 'Smith'"));
        assertThatThrownBy(() -> executor.page(site, patients(2))).isInstanceOfSatisfying(
                BaseServerResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("database error 208").doesNotContain("Smith");
                });
        assertThat(SearchExecutor.failure(new LinkFailure(LinkFailure.Kind.TIMEOUT, 0, "timed out")).getStatusCode())
                .isEqualTo(504);
        assertThat(SearchExecutor.failure(new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "offline")).getStatusCode())
                .isEqualTo(503);
        assertThat(SearchExecutor.failure(new LinkFailure(LinkFailure.Kind.EXPIRED_IN_QUEUE, 0, "late")).getStatusCode())
                .isEqualTo(503);
    }

    @Test
    void aRefusalKeepsItsStatus() throws LinkFailure {
        failing(new Refusal(429, "Rate limit exceeded"));
        assertThatThrownBy(() -> executor.page(site, patients(2))).isInstanceOfSatisfying(
                BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
    }
}
