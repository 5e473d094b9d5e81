package org.halocloud.kernel.pipeline;

import java.util.Set;
import org.halocloud.link.LinkFailure;

/**
 * Why a practice database refused a command, read from its SQLSTATE (and, where an engine reports its own state
 * instead of the standard one, its error code): what a write answers with, so that the database's grants and
 * constraints decide and the integrator learns which without the database's own text.
 */
public enum DatabaseRefusal {

    /** the login's grants do not allow it (FHIR 403) */
    NOT_PERMITTED,
    /** a constraint held: a duplicate key, a missing parent row (FHIR 409) */
    CONSTRAINT,
    /** a value the column cannot hold: too long, out of range, not a date (FHIR 422) */
    INVALID_VALUE,
    /** anything else the database refused */
    OTHER;

    /** H2's "not enough rights" (it reports the code as its state); SQL Server's permission-denied errors. */
    private static final Set<Integer> PERMISSION_CODES = Set.of(90096, 229, 230, 262, 297, 300);

    public static DatabaseRefusal of(LinkFailure failure) {
        if (failure.kind() != LinkFailure.Kind.DATABASE) {
            return OTHER;
        }
        String state = failure.sqlState() == null ? "" : failure.sqlState();
        // 42501 is the standard's insufficient privilege (PostgreSQL); Firebird's Jaybird reports 28000
        if (state.equals("42501") || state.equals("28000") || PERMISSION_CODES.contains(failure.errorCode())) {
            return NOT_PERMITTED;
        }
        if (state.startsWith("23")) {
            return CONSTRAINT;
        }
        return state.startsWith("22") ? INVALID_VALUE : OTHER;
    }
}
