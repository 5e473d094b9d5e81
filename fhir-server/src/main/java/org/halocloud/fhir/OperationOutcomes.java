package org.halocloud.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Writes an OperationOutcome as the whole answer (for refusals made before HAPI is reached). */
final class OperationOutcomes {

    private OperationOutcomes() {
    }

    static void write(FhirContext fhir, HttpServletResponse response, int status, OperationOutcome.IssueType type,
                      String message, Map<String, String> headers) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        byte[] body = fhir.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
        headers.forEach(response::setHeader);
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
