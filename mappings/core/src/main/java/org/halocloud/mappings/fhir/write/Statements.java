package org.halocloud.mappings.fhir.write;

import java.util.List;
import org.jooq.Query;
import org.jooq.Select;

/**
 * What a write path may run at the practice database: the gateway runs each as the integrator's own login on the
 * site's Link, so the database's grants decide. A statement the database refuses ends the write with its reason.
 */
public interface Statements {

    /** The first column of the first row {@code query} returns; null when it returns none. */
    Object scalar(String catalogue, Select<?> query);

    /** Runs a data change; the rows it touched. */
    long execute(String catalogue, Query query);

    /** Calls a stored procedure with its arguments in order; its RETURN value. */
    Object call(String catalogue, String procedure, List<Argument> arguments);

    /** One argument of a procedure call: its name (as the vendor documents it), value and SQL type's Java class. */
    record Argument(String name, Object value, Class<?> type) {

        public static Argument of(String name, Object value, Class<?> type) {
            return new Argument(name, value, type);
        }
    }
}
