package org.halocloud.mappings.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.halocloud.pms.PmsDescriptor;

/**
 * Builds one vendor-faithful synthetic PMS database for the embedded demo and the tests.
 *
 * <p>Each vendor module ships one implementation (found with {@link java.util.ServiceLoader}). The caller creates
 * one empty H2 database per catalogue (with {@link #h2Settings()}), connects as its owner and hands the connections in;
 * the implementation creates the vendor's tables, views and procedures, loads deterministic data, creates one
 * database user per integrator with the vendor's grants, and records in the vendor's own settings table whether
 * the practice enables each integration.
 */
public interface DemoPms {

    /** The PMS whose database this builds. */
    PmsDescriptor pms();

    /** The catalogues (databases) of one practice; the first is the default. */
    default List<String> catalogues() {
        return pms().catalogues();
    }

    /**
     * The H2 database settings closest to the vendor's engine, as URL options set once by the owner when the
     * database is created (e.g. {@code ;MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE}
     * for SQL Server's case-preserving, case-insensitive names); empty for H2's defaults.
     */
    String h2Settings();

    /** The practice's enabled integrations, as the PMS keeps them ({@link PmsDescriptor#enabledLoginsQuery()}). */
    default String enabledLoginsQuery() {
        return pms().enabledLoginsQuery();
    }

    /** Creates schema, data, logins and enablement in the given catalogues (keyed as in {@link #catalogues()}). */
    void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException;

    /** The embedded default engine: H2 with {@link #h2Settings()}. */
    String H2 = "h2";
    /** A real Firebird 3 server ({@link FirebirdServer}). */
    String FIREBIRD = "firebird";

    /** The database engines this demo can be built on: H2 always, and the vendor's real engine where it has one. */
    default Set<String> engines() {
        return Set.of(H2);
    }

    /**
     * Builds on {@code engine} (one of {@link #engines()}): the given connections are to empty databases of that
     * engine, one per catalogue, as their owner — on a server engine, its administrator, who can also create the
     * logins.
     */
    default void build(String engine, Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        if (!H2.equals(engine)) {
            throw new IllegalArgumentException(pms().id() + "'s demo is not built on " + engine);
        }
        build(ownerConnections, site);
    }
}
