package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    /** A first page from query-string pairs {@code name, value, name, value, …} in order. */
    static SearchRequest preferring(String prefer, String... pairs) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = parameters.getOrDefault(pairs[i], new String[0]);
            String[] values = java.util.Arrays.copyOf(old, old.length + 1);
            values[old.length] = pairs[i + 1];
            parameters.put(pairs[i], values);
        }
        return SearchRequest.first("Appointment", parameters, prefer);
    }

    static SearchRequest request(String... pairs) {
        return preferring(null, pairs);
    }

    private static SearchRequest.Criterion only(SearchRequest request) {
        assertThat(request.criteria()).hasSize(1);
        return request.criteria().get(0);
    }

    @Test
    void aModifierFollowsAColon() {
        SearchRequest.Criterion c = only(request("family:exact", "Smith"));
        assertThat(c.name()).isEqualTo("family");
        assertThat(c.values()).containsExactly("Smith");
        assertThat(c.qualifier(false)).isEqualTo(new SearchRequest.Qualifier(null, "exact", null));
    }

    @Test
    void aChainFollowsADotAndKeepsWhatFollowsIt() {
        assertThat(only(request("patient.identifier", "sys|1")).qualifier(true))
                .isEqualTo(new SearchRequest.Qualifier(null, null, "identifier"));
        SearchRequest.Criterion c = only(request("patient.identifier:exact", "x"));
        assertThat(c.name()).isEqualTo("patient");
        assertThat(c.qualifier(true).chain()).isEqualTo("identifier:exact");
    }

    @Test
    void aReferenceReadsATypeAndATypedChainFromItsModifier() {
        SearchRequest.Criterion typedChain = only(request("actor:Practitioner.identifier", "x"));
        assertThat(typedChain.name()).isEqualTo("actor");
        assertThat(typedChain.qualifier(true)).isEqualTo(new SearchRequest.Qualifier("Practitioner", null, "identifier"));
        assertThat(typedChain.qualifier(false)).isEqualTo(new SearchRequest.Qualifier(null, "Practitioner.identifier", null));
        SearchRequest.Criterion typed = only(request("patient:Patient", "1"));
        assertThat(typed.qualifier(true)).isEqualTo(new SearchRequest.Qualifier("Patient", null, null));
        assertThat(typed.qualifier(false)).isEqualTo(new SearchRequest.Qualifier(null, "Patient", null));
        assertThat(only(request("patient:missing", "true")).qualifier(true))
                .isEqualTo(new SearchRequest.Qualifier(null, "missing", null));
    }

    @Test
    void aNameStartingWithADotOrColonIsNotSplit() {
        assertThat(only(request(".x", "1")).name()).isEqualTo(".x");
        assertThat(only(request(":x.y", "1")).name()).isEqualTo(":x.y");
        assertThat(only(request(".x:y", "1")).name()).isEqualTo(".x");
    }

    @Test
    void commasOrAndABackslashEscapesThem() {
        assertThat(only(request("family", "a,b\\,c,d\\\\e")).values()).containsExactly("a", "b,c", "d\\e");
        assertThat(only(request("family", "a,,b,")).values()).containsExactly("a", "", "b", "");
        assertThat(only(request("family", "a\\b")).values()).containsExactly("a\\b");
    }

    @Test
    void anEmptyValueHasNoValuesButStaysACriterion() {
        SearchRequest.Criterion c = only(request("family:nonsense", ""));
        assertThat(c.values()).isEmpty();
        assertThat(c.qualifier(false).modifier()).isEqualTo("nonsense");
    }

    @Test
    void controlParametersAreNotCriteria() {
        SearchRequest r = request("_count", "5", "_format", "json", "_include", "Appointment:patient",
                "_include:iterate", "Appointment:actor:Practitioner", "_sort", "date", "status", "booked");
        // _include:iterate is not a control parameter: it stays a criterion too (refused unless lenient)
        assertThat(r.criteria()).extracting(SearchRequest.Criterion::name).containsExactly("_include", "status");
        assertThat(r.includes()).extracting(i -> i.getValue() + (i.isRecurse() ? " (iterate)" : ""))
                .containsExactly("Appointment:patient", "Appointment:actor:Practitioner (iterate)");
        assertThat(r.revinclude()).isFalse();
    }

    @Test
    void anUnknownIncludeFormIsACriterion() {
        assertThat(only(request("_include:recurse", "Appointment:patient")).name()).isEqualTo("_include");
    }

    @Test
    void anyRevincludeIsNoted() {
        assertThat(request("_revinclude:iterate", "Provenance:target").revinclude()).isTrue();
    }

    @Test
    void countDefaultsTo20AndIsClampedTo100() {
        assertThat(request().state().count()).isEqualTo(20);
        assertThat(request("_count", " ").state().count()).isEqualTo(20);
        assertThat(request("_count", " 7 ").state().count()).isEqualTo(7);
        assertThat(request("_count", "500").state().count()).isEqualTo(100);
        assertThat(request("_count", "3", "_count", "9").state().count()).isEqualTo(3);
    }

    @Test
    void aCountBelowOneOrNotANumberIsRefused() {
        assertThatThrownBy(() -> request("_count", "0")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("_count must be at least 1.");
        assertThatThrownBy(() -> request("_count", "ten")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("_count must be a whole number.");
    }

    @Test
    void lenientOnlyWhenPreferAsksForIt() {
        assertThat(request().lenient()).isFalse();
        assertThat(preferring("handling=strict").lenient()).isFalse();
        assertThat(preferring("handling=lenient").lenient()).isTrue();
        assertThat(preferring("return=minimal; Handling = LENIENT").lenient()).isTrue();
    }

    @Test
    void theFirstPageKeepsEveryParameterInOrderForItsNextLink() {
        SearchState state = request("patient", "1", "_count", "2", "patient", "2").state();
        assertThat(state).isEqualTo(new SearchState("Appointment",
                List.of(List.of("patient", "1"), List.of("patient", "2"), List.of("_count", "2")), 2, null, 1));
    }

    @Test
    void aContinuedSearchIsLenientAndStartsAfterItsKey() {
        SearchState state = new SearchState("Appointment", List.of(List.of("nonsense", "x"), List.of("_count", "2")),
                2, "41", 2);
        SearchRequest r = SearchRequest.continued(state);
        assertThat(r.lenient()).isTrue();
        assertThat(r.state()).isSameAs(state);
        assertThat(r.criteria()).extracting(SearchRequest.Criterion::name).containsExactly("nonsense");
    }

    @Test
    void aWindowReadsTheUnqualifiedOccurrencesWithValues() {
        SearchRequest r = request("start", "ge2026-12-01,ge2026-12-02", "start", "lt2026-12-08", "start:missing", "x",
                "start", "");
        assertThat(r.valuesOf("start")).containsExactly(List.of("ge2026-12-01", "ge2026-12-02"), List.of("lt2026-12-08"));
        assertThat(r.valuesOf("_id")).isEmpty();
    }
}
