package org.halocloud.kernel.pipeline;

import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.link.LinkFailure;

/**
 * The one table from a failed query to what every API says about it: the HTTP status (immediate SQL; FHIR's differs
 * only where the failing SQL is the gateway's own, not the integrator's), Halo's
 * status word (the immediate envelope, async and registered queries, the query log), the {@code errorType} and
 * {@code errorCode} of Halo's {@code errorDetails}, and the FHIR OperationOutcome issue type.
 */
public enum QueryFailure {

    /** the database refused or failed the command: errorType is the PMS's database family, errorCode its own code */
    DATABASE(400, 502, "executionFailed", "processing"),
    /** the execution limit passed; the statement was cancelled */
    TIMEOUT(504, 504, "executionFailed", "timeout"),
    /** the Link or the database could not be reached, or dropped during the query */
    UNAVAILABLE(503, 503, "executionFailed", "transient"),
    /** the Link stayed busy longer than the query's maxTimeInQueue */
    EXPIRED_IN_QUEUE(503, 503, "expiredInQueue", "transient"),
    /** the result outgrew the mode's limit; the cloud stopped the query */
    TOO_LARGE(413, 413, "executionFailed", "too-costly"),
    /** the rows arrived but could not be stored (async pages) */
    UPLOAD_FAILED(507, 507, "uploadFailed", "exception"),
    /** anything unexpected: the caller answers with an {@link Incident}, never the exception's message */
    INTERNAL(500, 500, "executionFailed", "exception");

    /** Halo's errorType for every failure that is not the database's own. */
    public static final String HALO_LINK = "haloLink";

    private final int httpStatus;
    private final int fhirStatus;
    private final String status;
    private final String fhirIssue;

    QueryFailure(int httpStatus, int fhirStatus, String status, String fhirIssue) {
        this.httpStatus = httpStatus;
        this.fhirStatus = fhirStatus;
        this.status = status;
        this.fhirIssue = fhirIssue;
    }

    public static QueryFailure of(LinkFailure.Kind kind) {
        return switch (kind) {
            case DATABASE -> DATABASE;
            case TIMEOUT -> TIMEOUT;
            case UNAVAILABLE -> UNAVAILABLE;
            case EXPIRED_IN_QUEUE -> EXPIRED_IN_QUEUE;
        };
    }

    /** What ended a query: a Link's failure by its kind, a {@link Raised} failure as raised, anything else INTERNAL. */
    public static QueryFailure of(Throwable thrown) {
        if (thrown instanceof LinkFailure link) {
            return of(link.kind());
        }
        return thrown instanceof Raised raised ? raised.failure() : INTERNAL;
    }

    /** The status of the SQL Passthrough API's answer: a database error is the integrator's SQL refused (400). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The status of the FHIR API's answer: a database error there is on SQL the gateway wrote, a bad gateway (502). */
    public int fhirStatus() {
        return fhirStatus;
    }

    /** Halo's status word for the query: executionFailed, expiredInQueue or uploadFailed. */
    public String status() {
        return status;
    }

    /** The FHIR IssueType code of the OperationOutcome's issue. */
    public String fhirIssue() {
        return fhirIssue;
    }

    /** Halo's errorType: the PMS's database family (mssql, fbsql, sybase) for the database's own errors, else haloLink. */
    public String errorType(PmsDatabase database) {
        return this == DATABASE ? database.pms().errorType() : HALO_LINK;
    }

    /** Halo's errorCode: the database's own code for its errors, else the HTTP status. */
    public int errorCode(LinkFailure failure) {
        return this == DATABASE && failure != null ? failure.errorCode() : httpStatus;
    }

    /**
     * Raised by the cloud's side of a query (a sink, the caller's completion) to end it with one of these failures.
     * It carries no message: the caller words the answer; a message could quote rows.
     */
    public static class Raised extends RuntimeException {

        private final QueryFailure failure;

        public Raised(QueryFailure failure, Throwable cause) {
            super(null, cause, false, false);
            this.failure = failure;
        }

        public QueryFailure failure() {
            return failure;
        }
    }
}
