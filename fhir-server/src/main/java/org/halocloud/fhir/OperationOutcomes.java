package org.halocloud.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * OperationOutcomes of failures: written as the whole answer (refusals made before HAPI is reached), or thrown for
 * HAPI to answer (a query's failure, with the status and issue type of {@link QueryFailure}).
 */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static void write(FhirContext fhir, HttpServletResponse response, int status, OperationOutcome.IssueType type,
                      String message, Map<String, String> headers) throws IOException {
        byte[] body = fhir.newJsonParser().encodeResourceToString(outcome(type, message)).getBytes(StandardCharsets.UTF_8);
        headers.forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A failed query as HAPI answers it: the table's FHIR status, an issue of the table's type with the message. */
    static BaseServerResponseException failure(QueryFailure failure, String message) {
        return new UnclassifiedServerFailureException(failure.fhirStatus(), message,
                outcome(OperationOutcome.IssueType.fromCode(failure.fhirIssue()), message));
    }

    static OperationOutcome outcome(OperationOutcome.IssueType type, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return outcome;
    }
}
