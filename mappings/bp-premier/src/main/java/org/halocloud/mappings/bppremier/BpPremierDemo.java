package org.halocloud.mappings.bppremier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSql;

/**
 * The synthetic Bp Premier practice database {@code BPSPatients}: raw dbo tables, BPS_* views, BP_* procedures,
 * integrator logins with read-only grants, and the practice's INTEGRATIONS settings.
 *
 * <p>H2 has no per-user default schema and its main schema PUBLIC cannot be renamed, so the objects live in
 * {@code dbo} and PUBLIC gets a synonym for each table and view and a copy of each procedure alias: both
 * {@code PATIENTS} and {@code dbo.PATIENTS} resolve for every login, as they do on SQL Server.
 *
 * <p>{@link #h2Settings()} gives SQL Server's case-preserving, case-insensitive names; with H2's defaults everything
 * still resolves, but result columns come back upper-case.
 */
public final class BpPremierDemo implements DemoPms {

    public static final String CATALOGUE = "BPSPatients";
    /** The integrators' role: what a BPSRawData-style login may do. */
    static final String ROLE = "BP_INTEGRATION";
    private static final String SETTINGS_TABLE = "INTEGRATIONS";
    private static final List<String> BOOKING_TABLES = List.of("APPOINTMENTS", "CANCELLEDAPPOINTMENTS");

    private final LocalDate today;

    /** Dates are generated relative to the current day in Sydney. */
    public BpPremierDemo() {
        this(null);
    }

    /** Dates are generated relative to {@code today}: with the same seed the rows are identical. */
    public BpPremierDemo(LocalDate today) {
        this.today = today;
    }

    @Override
    public BpPremier pms() {
        return BpPremier.PMS;
    }

    @Override
    public String h2Settings() {
        return ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        Connection c = Objects.requireNonNull(ownerConnections.get(CATALOGUE), "no connection for " + CATALOGUE);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            DemoSql.runScript(c, BpPremierDemo.class, "/bp-premier/schema.sql");
            new BpDataGenerator(c, site, today != null ? today : LocalDate.now(ZoneId.of("Australia/Sydney"))).generate();
            DemoSql.runScript(c, BpPremierDemo.class, "/bp-premier/views.sql");
            procedures(c);
            publicSynonyms(c);
            logins(c, site);
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void procedures(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> alias : BpProcedures.ALIASES.entrySet()) {
                for (String schema : List.of(schema(c, "DBO"), schema(c, "PUBLIC"))) {
                    s.execute("CREATE ALIAS " + quote(schema) + "." + alias.getKey() + " FOR '"
                            + BpProcedures.class.getName() + "." + alias.getValue() + "'");
                }
            }
        }
    }

    private static void publicSynonyms(Connection c) throws SQLException {
        String main = schema(c, "PUBLIC");
        try (Statement s = c.createStatement()) {
            for (String[] object : dboObjects(c)) {
                s.execute("CREATE SYNONYM " + quote(main) + "." + quote(object[1]) + " FOR " + quote(object[0]) + "."
                        + quote(object[1]));
            }
        }
    }

    /**
     * One role with the vendor-like grants: SELECT on every raw table and BPS_* view except the practice's settings,
     * INSERT only where BP_AddAppointment* and BP_CancelAppointment write (H2 runs them with the caller's rights).
     * No UPDATE, DELETE or DDL. Procedures need no grant: H2 lets any user call an alias.
     */
    private static void logins(Connection c, DemoSite site) throws SQLException {
        List<String> readable = new ArrayList<>();
        for (String[] object : dboObjects(c)) {
            if (!object[1].equalsIgnoreCase(SETTINGS_TABLE)) {
                readable.add(quote(object[0]) + "." + quote(object[1]));
            }
        }
        try (Statement s = c.createStatement();
             PreparedStatement settings = c.prepareStatement("INSERT INTO dbo." + SETTINGS_TABLE + " (RECORDID, RECORDSTATUS, "
                     + "PARTNERNAME, DBLOGIN, ENABLED, ENABLEDDATE, DISABLEDDATE, CREATED, CREATEDBY) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 0)")) {
            s.execute("CREATE ROLE " + ROLE);
            s.execute("GRANT SELECT ON " + String.join(", ", readable) + " TO " + ROLE);
            s.execute("GRANT INSERT ON dbo." + String.join(", dbo.", BOOKING_TABLES) + " TO " + ROLE);
            LocalDate day = LocalDate.of(2024, 7, 1); // settings dates are fixed, so they do not depend on the clock
            int id = 0;
            for (DemoSite.DemoLogin login : site.logins()) {
                if (!login.user().matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("unsupported login name");
                }
                // H2 upper-cases the user name given at connect time, so the user is created upper-case
                s.execute("CREATE USER " + quote(login.user().toUpperCase(Locale.ROOT)) + " PASSWORD '"
                        + login.password().replace("'", "''") + "'");
                s.execute("GRANT " + ROLE + " TO " + quote(login.user().toUpperCase(Locale.ROOT)));
                if (login.writes().contains(DemoSite.Write.PATIENTS)) {
                    // what BP_AddPatient and BP_UpdatePatient write, with the caller's rights
                    s.execute("GRANT INSERT, UPDATE ON dbo.PATIENTS TO " + quote(login.user().toUpperCase(Locale.ROOT)));
                }
                settings.setInt(1, ++id);
                settings.setString(2, login.integrator());
                settings.setString(3, login.user());
                settings.setInt(4, login.enabled() ? 1 : 0);
                settings.setObject(5, day.plusDays(7L * id).atStartOfDay());
                settings.setObject(6, login.enabled() ? null : day.plusDays(7L * id + 90).atStartOfDay());
                settings.setObject(7, day.plusDays(7L * id).atStartOfDay());
                settings.executeUpdate();
            }
        }
    }

    /** (schema, name) of every table and view in dbo, as H2 stored the names. */
    private static List<String[]> dboObjects(Connection c) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE UPPER(TABLE_SCHEMA) = 'DBO' AND TABLE_TYPE IN ('BASE TABLE', 'VIEW') ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                objects.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return objects;
    }

    /** A schema's name as H2 stored it (upper-case or not, depending on the database's identifier settings). */
    private static String schema(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
