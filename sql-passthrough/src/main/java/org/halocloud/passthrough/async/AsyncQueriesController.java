package org.halocloud.passthrough.async;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.halocloud.passthrough.async.AsyncQueries;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.link.QueryParameter;
import org.halocloud.passthrough.query.QueryEnvelope;
import org.halocloud.passthrough.query.QueryRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import org.halocloud.passthrough.api.Admitted;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.halocloud.passthrough.api.AdmissionResolver;

/** SQL Passthrough: async queries, their status and their result pages. None of these count against the rate limit. */
@RestController
@SecurityRequirement(name = AdmissionResolver.SCHEME)
@Tag(name = "SQL Passthrough")
public class AsyncQueriesController {

    private static final int MAX_STATUS_IDS = 100;
    /** Query ids are UUIDs: other words at this place (immediate, async, status) stay POST-only paths (405 on GET). */
    private static final String QUERY_ID = "{queryId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final AsyncQueries async;
    private final ObjectMapper mapper;

    public AsyncQueriesController(AsyncQueries async, ObjectMapper mapper) {
        this.async = async;
        this.mapper = mapper;
    }

    /** @param data base64 of the page's JSON array of row objects */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageBody(byte[] data, List<QueryParameter> parameters) {
        @Override
        public String toString() {
            return "PageBody[]";
        }
    }

    public record StatusRequest(List<String> queryIds) {
    }

    /** @param status found or notFound; query is present when found */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusResult(String queryId, String status, QueryEnvelope query) {
    }

    public record StatusResponse(List<StatusResult> results) {
    }

    @Operation(summary = "Run an async query",
            description = "Accepts SQL text or a stored procedure for one practice database and answers at once with "
                    + "the query (mode async, status queued). Not rate-limited. maxTimeInQueue: default 3 600 000, at "
                    + "most 7 200 000 ms; a query not started by then ends expiredInQueue. Lifecycle: initialising → "
                    + "queued → executing → uploading → successful | executionFailed | expiredInQueue | uploadFailed. "
                    + "Execution at most 5 minutes (queueing and upload not counted). Results are stored encrypted in "
                    + "pages of about 1 MB of JSON, kept 24 h after completion, then 410. Async work never takes the "
                    + "last free slot of a Halo Link: immediate queries keep priority.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = QueryRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "accepted and queued; Location is the query",
                            content = @Content(schema = @Schema(implementation = QueryEnvelope.class))),
                    @ApiResponse(responseCode = "400", description = "malformed request or unknown catalogue"),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "403", description = "not the authoritative database, vendor not "
                            + "signed up, or integration disabled by the practice"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID")})
    @PostMapping(path = "/integrator/sites/{siteId}/queries/async", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<QueryEnvelope> create(
            @Admitted Admission admission, @RequestBody(required = false) byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        QueryEnvelope query = async.create(admission, async.parse(bytes), bytes.length);
        return ResponseEntity.created(URI.create("/integrator/sites/" + query.siteId() + "/queries/" + query.id()))
                .body(query);
    }

    @Operation(summary = "Status of an async query",
            description = "The query in Halo's envelope. When successful, result is {rows, size, pages: [{pageNumber, "
                    + "status: cached, size, rows: {count, rangeStart, rangeEnd}}]} (ranges count the result's rows "
                    + "from 1, inclusive; an empty result has no pages) and result.parameters holds output parameters. "
                    + "A failed query carries errorDetails (the database's own error for errorType mssql/fbsql/sybase). "
                    + "A query of another integrator or another site is not found.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the query",
                            content = @Content(schema = @Schema(implementation = QueryEnvelope.class))),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "403", description = "site refused by the front door"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID or query")})
    @GetMapping(path = "/integrator/sites/{siteId}/queries/" + QUERY_ID, produces = MediaType.APPLICATION_JSON_VALUE)
    public QueryEnvelope status(@Admitted Admission admission, @PathVariable String queryId) {
        return async.find(admission, queryId)
                .orElseThrow(() -> new Refusal(404, "Query " + queryId + " was not found on this site."));
    }

    @Operation(summary = "Status of several async queries",
            description = "Body {\"queryIds\": [\"…\", …]} (at most 100). Each id is found (with its query) or "
                    + "notFound (unknown, another integrator's or another site's).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = StatusRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "one result per id, in the order asked",
                            content = @Content(schema = @Schema(implementation = StatusResponse.class))),
                    @ApiResponse(responseCode = "400", description = "no queryIds, or more than 100"),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID")})
    @PostMapping(path = "/integrator/sites/{siteId}/queries/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public StatusResponse statuses(@Admitted Admission admission, @RequestBody(required = false) byte[] body) {
        StatusRequest request;
        try {
            request = body == null ? null : mapper.readValue(body, StatusRequest.class);
        } catch (RuntimeException e) {
            throw new Refusal(400, "The request body must be {\"queryIds\": [...]}.");
        }
        if (request == null || request.queryIds() == null || request.queryIds().isEmpty()) {
            throw new Refusal(400, "queryIds must list at least one query id.");
        }
        if (request.queryIds().size() > MAX_STATUS_IDS) {
            throw new Refusal(400, "queryIds may list at most " + MAX_STATUS_IDS + " query ids.");
        }
        return new StatusResponse(request.queryIds().stream()
                .map(id -> async.find(admission, id)
                        .map(q -> new StatusResult(id, "found", q))
                        .orElseGet(() -> new StatusResult(id, "notFound", null)))
                .toList());
    }

    @Operation(summary = "One page of an async query's result",
            description = "data is base64 of the page's JSON array of row objects; parameters (output parameters) "
                    + "when the query has any. Pages are numbered from 1.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the page",
                            headers = {
                                    @Header(name = "Size", description = "bytes of the page's JSON"),
                                    @Header(name = "Rows-Count", description = "rows in the page"),
                                    @Header(name = "Rows-Range-Start", description = "first row (from 1)"),
                                    @Header(name = "Rows-Range-End", description = "last row (inclusive)")},
                            content = @Content(schema = @Schema(implementation = PageBody.class))),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID, query or page"),
                    @ApiResponse(responseCode = "409", description = "the query has no results (not successful, or not yet)"),
                    @ApiResponse(responseCode = "410", description = "the results have expired (kept 24 h)")})
    @GetMapping(path = "/integrator/sites/{siteId}/queries/" + QUERY_ID + "/results/{pageNumber}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PageBody> page(@Admitted Admission admission, @PathVariable String queryId,
                                         @PathVariable int pageNumber) {
        AsyncQueries.FetchedPage page = async.page(admission, queryId, pageNumber);
        return ResponseEntity.ok().headers(headers(page)).body(new PageBody(page.json(), page.parameters()));
    }

    @Operation(summary = "One page of an async query's result, streamed",
            description = "The page's JSON array of row objects itself (application/json, not base64), with the same "
                    + "headers as the page.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the page's rows",
                            content = @Content(mediaType = "application/json",
                                    array = @ArraySchema(schema = @Schema(type = "object")))),
                    @ApiResponse(responseCode = "401", description = "missing or invalid subscription key"),
                    @ApiResponse(responseCode = "404", description = "unknown Halo GUID, query or page"),
                    @ApiResponse(responseCode = "409", description = "the query has no results (not successful, or not yet)"),
                    @ApiResponse(responseCode = "410", description = "the results have expired (kept 24 h)")})
    @GetMapping(path = "/integrator/sites/{siteId}/queries/" + QUERY_ID + "/results/{pageNumber}/stream")
    public void stream(@Admitted Admission admission, @PathVariable String queryId, @PathVariable int pageNumber,
                       HttpServletResponse response) throws IOException {
        AsyncQueries.FetchedPage page = async.page(admission, queryId, pageNumber);
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLengthLong(page.json().length);
        headers(page).forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        OutputStream out = response.getOutputStream();
        byte[] json = page.json();
        for (int offset = 0; offset < json.length; offset += 65_536) {
            out.write(json, offset, Math.min(65_536, json.length - offset));
        }
        out.flush();
    }

    private static HttpHeaders headers(AsyncQueries.FetchedPage page) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Size", Long.toString(page.page().size()));
        headers.add("Rows-Count", Long.toString(page.page().rowCount()));
        headers.add("Rows-Range-Start", Long.toString(page.page().rangeStart()));
        headers.add("Rows-Range-End", Long.toString(page.page().rangeEnd()));
        return headers;
    }
}
