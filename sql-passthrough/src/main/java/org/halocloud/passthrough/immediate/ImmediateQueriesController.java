package org.halocloud.passthrough.immediate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.passthrough.immediate.ImmediateQueries;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.passthrough.query.QueryRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.halocloud.passthrough.api.Admitted;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.halocloud.passthrough.api.AdmissionResolver;

/** SQL Passthrough: immediate queries. */
@RestController
@SecurityRequirement(name = AdmissionResolver.SCHEME)
@Tag(name = "SQL Passthrough")
public class ImmediateQueriesController {

    private final ImmediateQueries immediate;

    public ImmediateQueriesController(ImmediateQueries immediate) {
        this.immediate = immediate;
    }

    @Operation(summary = "Run an immediate query",
            description = "Runs SQL text or a stored procedure on one practice database as your PMS database user. "
                    + "Counts against the rate limit (15 per rolling 5 s per subscription). Execution at most 60 s; "
                    + "result at most 8 MB of JSON. result.data is base64 of a JSON array of row objects.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = QueryRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "successful",
                            content = @Content(schema = @Schema(implementation = QueryEnvelope.class))),
                    @ApiResponse(responseCode = "400", description = "malformed request, or the database refused the "
                            + "command (envelope with status executionFailed and the database's errorDetails)"),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "403", description = "not the authoritative database, vendor not "
                            + "signed up, or integration disabled by the practice"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID"),
                    @ApiResponse(responseCode = "413", description = "result larger than 8 MB (envelope)"),
                    @ApiResponse(responseCode = "429", description = "rate limit; see Retry-After"),
                    @ApiResponse(responseCode = "503", description = "Halo Link unreachable or busy (envelope)"),
                    @ApiResponse(responseCode = "504", description = "execution limit passed (envelope)")})
    @PostMapping(path = "/integrator/sites/{siteId}/queries/immediate", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<QueryEnvelope> immediate(
            @Admitted(counted = true) Admission admission, @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        ImmediateQueries.Outcome outcome;
        try {
            outcome = immediate.run(admission, immediate.parse(bytes), bytes.length);
        } catch (Refusal refusal) {
            throw refusal.withHeaders(admission.headers());
        }
        HttpHeaders headers = new HttpHeaders();
        admission.headers().forEach(headers::add);
        return ResponseEntity.status(outcome.httpStatus()).headers(headers).body(outcome.envelope());
    }
}
