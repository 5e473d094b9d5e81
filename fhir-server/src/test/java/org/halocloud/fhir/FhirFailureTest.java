package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.link.LinkFailure;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** A FHIR query that fails answers the table's status, with an OperationOutcome of the table's issue type. */
class FhirFailureTest {

    @Test
    void everyLinkFailureAnswersItsRowOfTheTable() {
        for (LinkFailure.Kind kind : LinkFailure.Kind.values()) {
            QueryFailure row = QueryFailure.of(kind);
            BaseServerResponseException e = SearchExecutor.failure(new LinkFailure(kind, 208, "Invalid object name 'PATIENTS' near 'Smith'"));
            assertThat(e.getStatusCode()).as(kind.name()).isEqualTo(row.fhirStatus());
            OperationOutcome.OperationOutcomeIssueComponent issue = ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode().toCode()).as(kind.name()).isEqualTo(row.fhirIssue());
            assertThat(issue.getDiagnostics()).isEqualTo(e.getMessage());
        }
        assertThat(SearchExecutor.failure(new LinkFailure(LinkFailure.Kind.DATABASE, 208, "near 'Smith'")).getStatusCode())
                .as("the SQL was the gateway's, not the integrator's").isEqualTo(502);
    }

    @Test
    void theDatabasesOwnMessageIsNotPassedOnOnlyItsCode() {
        BaseServerResponseException e = SearchExecutor.failure(new LinkFailure(LinkFailure.Kind.DATABASE, 208,
                "Invalid object name 'PATIENTS' near 'Smith'"));
        assertThat(e.getMessage()).contains("208").doesNotContain("Smith").doesNotContain("PATIENTS");
    }

    @Test
    void everyRowOfTheTableIsAFhirIssueType() {
        for (QueryFailure failure : QueryFailure.values()) {
            assertThat(OperationOutcome.IssueType.fromCode(failure.fhirIssue()).toCode()).isEqualTo(failure.fhirIssue());
        }
    }
}
