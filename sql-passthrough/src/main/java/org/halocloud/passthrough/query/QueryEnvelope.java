package org.halocloud.passthrough.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.link.QueryParameter;

/** A query as Halo reports it: ids, status and timings, metrics, and the result or the reason it failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryEnvelope(UUID id, UUID integratorId, UUID siteId, String mode, String status, long maxTimeInQueue,
                            int commandSize, int requestSize, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                            OffsetDateTime completedAt, Map<String, Timing> statusTiming, Metrics metrics,
                            Result result, ErrorDetails errorDetails) {

    /** Metadata only: frameworks may log a response object, and its result and error text may quote patient data. */
    @Override
    public String toString() {
        return "QueryEnvelope[id=" + id + ", siteId=" + siteId + ", mode=" + mode + ", status=" + status + "]";
    }

    public record Timing(OffsetDateTime startTime, OffsetDateTime endTime) {
    }

    /** @param sqlExecutionDuration milliseconds from the Link sending the command to the database's answer */
    public record Metrics(Long sqlExecutionDuration) {
    }

    /**
     * @param data base64 of a JSON array of row objects keyed by column name
     * @param size bytes of that JSON
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(Long rows, Long rowsAffected, Long size, byte[] data, List<QueryParameter> parameters,
                         List<Page> pages) {

        /** An immediate query's result: the rows inline, no pages. */
        public Result(Long rows, Long rowsAffected, Long size, byte[] data, List<QueryParameter> parameters) {
            this(rows, rowsAffected, size, data, parameters, null);
        }
    }

    /**
     * One page of an async query's result, fetched with {@code GET .../queries/{id}/results/{pageNumber}}.
     *
     * @param status queued, uploading or cached (this cloud lists a page once it is stored: always cached)
     * @param size   bytes of the page's JSON array
     */
    public record Page(int pageNumber, String status, long size, PageRows rows) {
    }

    /** @param rangeStart first row of the page, counting the result's rows from 1; rangeEnd its last (inclusive) */
    public record PageRows(long count, long rangeStart, long rangeEnd) {
    }

    /** @param errorType the database family (mssql, fbsql, sybase) for its own errors, else haloLink or http */
    public record ErrorDetails(String errorType, Integer errorCode, String errorMessage) {
    }
}
