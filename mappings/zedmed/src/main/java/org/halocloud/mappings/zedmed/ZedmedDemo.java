package org.halocloud.mappings.zedmed;

import org.halocloud.mappings.demo.DemoSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.FirebirdServer;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import java.time.ZoneId;

/**
 * The synthetic Zedmed practice: a pair of databases, {@code ZEDMED_ADMIN} (practice, people, appointment book,
 * integration settings) and {@code ZEDMED_CLINICAL} (the clinical record). Zedmed runs on Firebird, and so can the
 * demo ({@link DemoPms#FIREBIRD}: {@code firebird/*.sql}, Firebird users and grants); H2 has no Firebird mode, and
 * its {@code Regular} mode is the closest (standard SQL, sequences, {@code ||}) for the embedded default.
 *
 * <p>Dates are relative to {@code today} (the build date unless given), so the appointment book always has past
 * and future entries; the same seed and the same day give identical rows.
 */
public final class ZedmedDemo implements DemoPms {

    public static final String ADMIN = "ZEDMED_ADMIN";
    public static final String CLINICAL = "ZEDMED_CLINICAL";

    private final LocalDate today;

    public ZedmedDemo() {
        this(LocalDate.now(ZoneId.of("Australia/Sydney"))); // the practice's today, as the FHIR API reads its dates
    }

    public ZedmedDemo(LocalDate today) {
        this.today = Objects.requireNonNull(today);
    }

    @Override
    public Zedmed pms() {
        return Zedmed.PMS;
    }

    @Override
    public String h2Settings() {
        return "";
    }

    @Override
    public Set<String> engines() {
        return Set.of(H2, FIREBIRD);
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        build(H2, ownerConnections, site);
    }

    /**
     * On H2 (Regular mode) the scripts beside this class; on Firebird those under {@code firebird/}, with the logins
     * as Firebird users holding Firebird's grants and the generators moved past the loaded keys.
     */
    @Override
    public void build(String engine, Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        boolean firebird = switch (engine) {
            case H2 -> false;
            case FIREBIRD -> true;
            default -> throw new IllegalArgumentException("Zedmed's demo is not built on " + engine);
        };
        Connection admin = Objects.requireNonNull(ownerConnections.get(ADMIN), ADMIN);
        Connection clinical = Objects.requireNonNull(ownerConnections.get(CLINICAL), CLINICAL);
        String scripts = firebird ? "firebird/" : "";
        DemoSql.runScript(admin, ZedmedDemo.class, scripts + "admin.sql");
        DemoSql.runScript(clinical, ZedmedDemo.class, scripts + "clinical.sql");
        new ZedmedData(admin, clinical, site, today).load();
        if (firebird) {
            FirebirdServer.createReadOnlyLogins(admin, site.logins(), Set.of("INTEGRATION_PARTNER"));
            for (DemoLogin login : site.logins()) {
                FirebirdServer.grantRead(clinical, login.user(), Set.of()); // users are the server's, grants each database's
            }
        } else {
            DemoSql.createReadOnlyLogins(admin, site.logins(), Set.of("INTEGRATION_PARTNER"));
            DemoSql.createReadOnlyLogins(clinical, site.logins(), Set.of());
            DemoSql.grantWrites(admin, site.logins(), Map.of(DemoSite.Write.PATIENTS, List.of("PATIENT"),
                    DemoSite.Write.BOOKINGS, List.of("APPOINTMENT")));
        }
        partners(admin, site);
        if (firebird) {
            restartGenerators(admin, ADMIN_KEYS);
            restartGenerators(clinical, CLINICAL_KEYS);
        }
    }

    /** Generator → the table and key column it numbers (firebird/*.sql). */
    private static final Map<String, String> ADMIN_KEYS = Map.of("GEN_BRANCH_ID", "BRANCH.BRANCH_ID",
            "GEN_PATIENT_ID", "PATIENT.PATIENT_ID", "GEN_DR_SCHEDULE_ID", "DR_SCHEDULE.SCHEDULE_ID",
            "GEN_APPT_ID", "APPOINTMENT.APPT_ID", "GEN_PARTNER_ID", "INTEGRATION_PARTNER.PARTNER_ID");
    private static final Map<String, String> CLINICAL_KEYS = Map.of("GEN_CONSULT_ID", "CONSULT.CONSULT_ID",
            "GEN_PROBLEM_ID", "PROBLEM.PROBLEM_ID", "GEN_ALLERGY_ID", "ALLERGY.ALLERGY_ID",
            "GEN_MED_ID", "CURRENT_MED.MED_ID", "GEN_SCRIPT_ID", "SCRIPT.SCRIPT_ID", "GEN_IMM_ID", "IMMUNISATION.IMM_ID",
            "GEN_MEAS_ID", "MEASUREMENT.MEAS_ID");

    private static void restartGenerators(Connection c, Map<String, String> keys) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : keys.entrySet()) {
                String[] key = e.getValue().split("\\.");
                long max;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + key[1] + "), 0) FROM " + key[0])) {
                    rs.next();
                    max = rs.getLong(1);
                }
                s.execute("ALTER SEQUENCE " + e.getKey() + " RESTART WITH " + max);
            }
        }
    }

    private void partners(Connection admin, DemoSite site) throws SQLException {
        try (DemoSql.Load load = new DemoSql.Load(admin)) {
            DemoSql.Rows partners = load.into(admin, "INTEGRATION_PARTNER",
                    "PARTNER_ID, PARTNER_NAME, DB_LOGIN, ENABLED, ENABLED_AT, DISABLED_AT, UPDATED_BY");
            LocalDateTime since = today.minusMonths(3).atTime(10, 30);
            int id = 0;
            for (DemoLogin login : site.logins()) {
                partners.add(++id, login.integrator(), login.user(), login.enabled() ? 1 : 0,
                        since, login.enabled() ? null : since.plusDays(30), "PRACTICE_MGR");
            }
        }
    }
}
