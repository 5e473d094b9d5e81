package org.halocloud.link;

/**
 * A query that did not complete at the Link. {@link Kind#DATABASE} carries the database's own error code and
 * message (for the integrator only, never logged: it may quote values).
 */
public class LinkFailure extends Exception {

    public enum Kind {
        /** the database refused or failed the command */
        DATABASE,
        /** the execution limit passed; the statement was cancelled */
        TIMEOUT,
        /** the Link or the database cannot be reached */
        UNAVAILABLE,
        /** the Link stayed busy longer than the query's maxTimeInQueue */
        EXPIRED_IN_QUEUE
    }

    private final Kind kind;
    private final int errorCode;
    private final String sqlState;

    public LinkFailure(Kind kind, int errorCode, String message) {
        this(kind, errorCode, null, message);
    }

    /** @param sqlState the database's SQLSTATE for a {@link Kind#DATABASE} failure (tells a refused grant or a broken constraint) */
    public LinkFailure(Kind kind, int errorCode, String sqlState, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    public Kind kind() {
        return kind;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The database's SQLSTATE; null when unknown or not a database failure. */
    public String sqlState() {
        return sqlState;
    }
}
