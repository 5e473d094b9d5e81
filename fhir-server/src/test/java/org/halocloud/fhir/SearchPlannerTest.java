package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halocloud.link.QueryCommand;
import org.halocloud.mappings.fhir.DayWindow;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;

class SearchPlannerTest {

    private final TestPms pms = new TestPms();
    /** The chains looked up in another catalogue: target type and condition. */
    private final List<String> lookups = new ArrayList<>();
    private List<Object> keys = List.of(7, 9);
    private final SearchPlanner planner = new SearchPlanner(pms, TestPms.ZONE, "MAIN", (target, condition) -> {
        lookups.add(target.resourceName() + ": " + TestPms.sql(condition));
        return keys;
    });

    private SearchPlan plan(ResourceMapping<?, ?> mapping, String... pairs) {
        return planner.plan(mapping, SearchRequestTest.request(pairs));
    }

    private SearchPlan lenient(ResourceMapping<?, ?> mapping, String... pairs) {
        return planner.plan(mapping, SearchRequestTest.preferring("handling=lenient", pairs));
    }

    private String where(ResourceMapping<?, ?> mapping, String... pairs) {
        return TestPms.sql(plan(mapping, pairs).where());
    }

    private void refused(ResourceMapping<?, ?> mapping, String message, String... pairs) {
        assertThatThrownBy(() -> plan(mapping, pairs)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message);
    }

    @Test
    void eachCriterionIsTheMappingsConditionAndOccurrencesAreAnded() {
        String where = where(pms.patient, "family", "smi,jo", "identifier", TestPms.MEDICARE + "|2951");
        assertThat(where).contains("upper(trim(PATIENTS.SURNAME)) like upper('smi%')")
                .contains("upper('jo%')").contains(" and ").contains("PATIENTS.MEDICARENO = '2951'");
    }

    @Test
    void valuesStayBindValues() {
        Condition where = plan(pms.patient, "family", "O'Brien; drop table x").where();
        QueryCommand command = LinkCommands.of(LinkCommands.SQL.selectOne().where(where));
        assertThat(command.text()).doesNotContain("Brien").contains("@1");
        assertThat(command.parameters()).extracting(p -> p.value()).containsExactly("O'Brien; drop table x%");
    }

    @Test
    void anUnknownParameterIsRefusedUnlessLenient() {
        refused(pms.patient, "Unknown search parameter 'nickname' for Patient. Supported: [_id, family, identifier] "
                + "(or send Prefer: handling=lenient).", "nickname", "x");
        assertThat(TestPms.sql(lenient(pms.patient, "nickname", "x", "family", "smi").where()))
                .isEqualTo(where(pms.patient, "family", "smi"));
    }

    @Test
    void anEmptyValueIsIgnoredButItsNameStillChecked() {
        assertThat(where(pms.patient, "family", "")).isEqualTo(where(pms.patient));
        refused(pms.patient, "Modifier ':nonsense' is not supported on 'family'.", "family:nonsense", "");
    }

    @Test
    void anUnsupportedModifierIsRefused() {
        refused(pms.patient, "Modifier ':missing' is not supported on 'family'.", "family:missing", "true");
        refused(pms.appointment, "Modifier ':missing' is not supported on 'patient' (it refers to [Patient]).",
                "patient:missing", "true");
        assertThat(where(pms.patient, "family:exact", "Smith")).contains("trim(PATIENTS.SURNAME) = 'Smith'");
    }

    @Test
    void aReferenceToATypeTheParameterCannotReferToIsRefused() {
        refused(pms.appointment, "'patient' cannot refer to a Practitioner; it refers to [Patient].",
                "patient", "Practitioner/1");
        refused(pms.appointment, "'patient' cannot refer to a Practitioner; it refers to [Patient].",
                "patient:Practitioner", "1");
        refused(pms.appointment, "'actor:Location' cannot match Practitioner/2.", "actor:Location", "Practitioner/2");
    }

    @Test
    void aTypedReferenceMatchesThatTypesColumnOnly() {
        assertThat(where(pms.appointment, "actor:Location", "3")).isEqualTo("APPTS.LOCATIONID = 3");
        assertThat(where(pms.appointment, "actor", "3"))
                .contains("APPTS.DOCTORID = 3").contains("APPTS.LOCATIONID = 3");
        assertThat(where(pms.appointment, "patient", "Patient/12")).isEqualTo("APPTS.PATIENTID = 12");
    }

    @Test
    void onlyAReferenceCanBeChained() {
        refused(pms.patient, "'family' is not a reference: it cannot be chained.", "family.given", "x");
        refused(pms.appointment, "Unknown chained parameter Patient.nickname.", "patient.nickname", "x");
        refused(pms.slot, "Chained search through Schedule is not supported here.",
                "schedule.actor", "Practitioner/1", "start", "ge2026-12-01", "start", "lt2026-12-02");
    }

    @Test
    void aChainInTheSameCatalogueIsASubSelect() {
        assertThat(where(pms.appointment, "patient.identifier", TestPms.MEDICARE + "|2951"))
                .isEqualTo("APPTS.PATIENTID in (select PATIENTS.ID from PATIENTS where PATIENTS.MEDICARENO = '2951')");
        assertThat(lookups).isEmpty();
    }

    @Test
    void aChainIntoAnotherCatalogueBindsTheKeysLookedUpThere() {
        assertThat(where(pms.appointment, "actor:Practitioner.identifier", "http://prescribers|P1"))
                .isEqualTo("APPTS.DOCTORID in (7, 9)");
        assertThat(lookups).containsExactly("Practitioner: DOCTORS.PRESCRIBERNO = 'P1'");
        keys = List.of();
        assertThat(where(pms.appointment, "actor:Practitioner.identifier", "http://prescribers|P2")).isEqualTo("(1 = 0)");
    }

    @Test
    void anUntypedChainGoesThroughEveryTargetThatHasTheParameter() {
        // Location has no identifier: the chain goes through Practitioner alone
        assertThat(where(pms.appointment, "actor.identifier", "P1")).isEqualTo("APPTS.DOCTORID in (7, 9)");
        refused(pms.appointment, "'actor' cannot refer to a Patient; it refers to [Location, Practitioner].",
                "actor:Patient.identifier", "x");
    }

    @Test
    void aMalformedValueIsRefusedWithTheParametersName() {
        refused(pms.appointment, "Parameter 'date': not a FHIR date", "date", "tomorrow");
        refused(pms.appointment, "Parameter 'date': the 'ap' date prefix is not supported", "date", "ap2026-12-01");
    }

    @Test
    void includesBecomeTheTypesTheirParameterRefersTo() {
        assertThat(plan(pms.appointment).includes()).isEmpty();
        assertThat(plan(pms.appointment, "_include", "Appointment:patient", "_include", "Appointment:actor").includes())
                .containsExactly(new SearchPlan.Included("Patient", pms.patient),
                        new SearchPlan.Included("Location", pms.location),
                        new SearchPlan.Included("Practitioner", pms.practitioner));
        assertThat(lenient(pms.appointment, "_include:iterate", "Appointment:actor:Practitioner").includes()).hasSize(2);
        refused(pms.appointment, "Unknown search parameter '_include' for Appointment.",
                "_include:iterate", "Appointment:actor");
    }

    @Test
    void aContainedIncludeIsAcceptedAndAddsNothing() {
        assertThat(plan(pms.appointment, "_include", "Appointment:medication").includes()).isEmpty();
    }

    @Test
    void noIncludeReachesAComputedOrUnmappedType() {
        assertThat(plan(pms.slot, "_include", "Slot:schedule", "start", "ge2026-12-01", "start", "lt2026-12-02")
                .includes()).isEmpty();
    }

    @Test
    void anUndeclaredIncludeOrAnyRevincludeIsRefusedBeforeTheCriteria() {
        refused(pms.appointment, "_include=Appointment:location is not supported; supported: "
                + "[Appointment:patient, Appointment:actor, Appointment:medication]",
                "nickname", "x", "_include", "Appointment:location");
        refused(pms.appointment, "_revinclude is not supported here.", "nickname", "x", "_revinclude", "Provenance:target");
    }

    @Test
    void aComputedResourceIsGeneratedForTheDaysItsSearchBounds() {
        SearchPlan plan = plan(pms.slot, "start", "ge2026-12-01", "start", "lt2026-12-08");
        assertThat(pms.windows).containsExactly(new DayWindow(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8)));
        assertThat(TestPms.sql(plan.where())).contains("SLOTS.STARTS >=").contains("SLOTS.STARTS <");
        plan(pms.slot, "_id", "4-20261203,4-20261205");
        assertThat(pms.windows.get(1)).isEqualTo(new DayWindow(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 6)));
        plan(pms.slot, "_id", "4-x", "start", "ge2026-12-01");
        assertThat(pms.windows.get(2).days()).isZero();
    }

    @Test
    void aComputedResourceNeedsABoundedWindowOfAtMost31Days() {
        refused(pms.slot, "Slot search needs a bounded 'start' range, e.g. start=ge2026-03-02&start=lt2026-03-09 "
                + "(at most 31 days)", "start", "ge2026-12-01");
        refused(pms.slot, "Slot search 'start' may span at most 31 days (asked: 40)",
                "start", "ge2026-12-01", "start", "lt2027-01-10");
    }

    @Test
    void aLaterPageStartsAfterItsKey() {
        Map<String, String[]> none = new LinkedHashMap<>();
        SearchState next = SearchRequest.first("Appointment", none, null).state().next("41");
        SearchPlan plan = planner.plan(pms.appointment, SearchRequest.continued(next));
        assertThat(TestPms.sql(plan.after())).isEqualTo("APPTS.ID > 41");
        assertThat(TestPms.sql(plan(pms.appointment).after())).isEqualTo(TestPms.sql(org.jooq.impl.DSL.noCondition()));
        assertThatThrownBy(() -> planner.plan(pms.appointment, SearchRequest.continued(next.next("x; y"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid paging position.");
    }

    @Test
    void aReadIsTheKeyOrNothing() {
        assertThat(planner.read(pms.patient, "abc")).isEmpty();
        SearchPlan read = planner.read(pms.patient, "12").orElseThrow();
        assertThat(TestPms.sql(read.where())).isEqualTo("PATIENTS.ID = 12");
        assertThat(read.count()).isEqualTo(1);
        planner.read(pms.slot, "4-20261203");
        assertThat(pms.windows).containsExactly(new DayWindow(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4)));
    }
}
