package org.halocloud.passthrough.registered;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.QueryParameter;
import org.halocloud.passthrough.registered.RegisteredQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.halocloud.passthrough.api.Admitted;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.halocloud.passthrough.api.AdmissionResolver;

/** SQL Passthrough: registered queries (run by schedule; the latest result kept only when it changed). Not rate-limited. */
@RestController
@SecurityRequirement(name = AdmissionResolver.SCHEME)
@Tag(name = "SQL Passthrough")
public class RegisteredQueriesController {

    private static final String BASE = "/integrator/sites/{siteId}/queries/registered";

    private final RegisteredQueries registered;

    public RegisteredQueriesController(RegisteredQueries registered) {
        this.registered = registered;
    }

    public record Created(UUID id) {
    }

    public record Listing(List<RegisteredQueries.View> registeredQueries) {
    }

    /** @param data base64 of the latest result's JSON array of row objects */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultBody(byte[] data, List<QueryParameter> parameters, Long rows, Long size) {
        @Override
        public String toString() {
            return "ResultBody[]";
        }
    }

    @Operation(summary = "Register a query",
            description = "Body {name, registeredQueryType: \"query\", frequency: seconds (at least 60), duration: "
                    + "seconds (at most 86 400), registerCommand: {catalogue?, command: {…as an immediate query…}}}. "
                    + "The query runs at once and then every frequency seconds until duration has passed (status "
                    + "enabled → completed); each run at most 60 s and 8 MB. A new result is kept (encrypted) only when "
                    + "it differs from the last (lastHash); a changed result sends the subscription's webhook.",
            responses = {
                    @ApiResponse(responseCode = "202", description = "registered",
                            content = @Content(schema = @Schema(implementation = Created.class))),
                    @ApiResponse(responseCode = "400", description = "malformed, or frequency/duration out of bounds"),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "403", description = "site refused by the front door"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID")})
    @PostMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> create(@Admitted Admission admission, @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        UUID id = registered.create(admission, registered.parse(bytes), bytes.length);
        return ResponseEntity.accepted().body(new Created(id));
    }

    @Operation(summary = "List registered queries", description = "This integrator's registrations on this site.")
    @GetMapping(path = BASE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Listing list(@Admitted Admission admission) {
        return new Listing(registered.list(admission));
    }

    @Operation(summary = "One registered query",
            description = "status enabled | cancelled | completed; lastHash, lastErrorDetails, metrics {lastSucceededAt, "
                    + "lastFailedAt, lastExecutionDuration, executionSucceededCount, executionFailedCount, resultSizeSum, "
                    + "requestSize}. Another integrator's or another site's is not found.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the registration",
                            content = @Content(schema = @Schema(implementation = RegisteredQueries.View.class))),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID or registration")})
    @GetMapping(path = BASE + "/{queryId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public RegisteredQueries.View find(@Admitted Admission admission, @PathVariable String queryId) {
        return registered.find(admission, queryId)
                .orElseThrow(() -> new Refusal(404, "Registered query " + queryId + " was not found on this site."));
    }

    @Operation(summary = "Cancel a registered query", description = "Status cancelled; it is not run again.",
            responses = {
                    @ApiResponse(responseCode = "204", description = "cancelled"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID or registration")})
    @DeleteMapping(path = BASE + "/{queryId}")
    public ResponseEntity<Void> cancel(@Admitted Admission admission, @PathVariable String queryId) {
        registered.cancel(admission, queryId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The latest result of a registered query",
            description = "{data: base64 of the JSON array of row objects, parameters (output parameters, if any), rows, "
                    + "size}. 409 while there is no result yet; the message then carries the last run's error if it failed.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the latest result",
                            content = @Content(schema = @Schema(implementation = ResultBody.class))),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID or registration"),
                    @ApiResponse(responseCode = "409", description = "no result yet")})
    @GetMapping(path = BASE + "/{queryId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResultBody result(@Admitted Admission admission, @PathVariable String queryId) {
        RegisteredQueries.Result r = registered.result(admission, queryId);
        return new ResultBody(r.data(), r.parameters(), r.rows(), r.size());
    }
}
