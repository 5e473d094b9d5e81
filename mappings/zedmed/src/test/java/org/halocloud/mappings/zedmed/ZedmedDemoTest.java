package org.halocloud.mappings.zedmed;

import org.halocloud.mappings.demo.SyntheticAu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.halocloud.mappings.zedmed.ZedmedDemo.ADMIN;
import static org.halocloud.mappings.zedmed.ZedmedDemo.CLINICAL;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.ServiceLoader;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.halocloud.mappings.demo.DemoPmsContract;
import java.util.Map;

class ZedmedDemoTest extends DemoPmsContract {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("halo_demo", "demo-pass", "Demo Integrator", true),
            new DemoLogin("OTHER_CO", "it's-secret", "Other Co Reminders", false));
    static DemoDatabases db;

    static DemoSite site(long seed, int patients) {
        return new DemoSite("ZM-1042", "Wattle Grove Medical Centre", seed, patients, LOGINS);
    }

    @BeforeAll
    static void build() throws SQLException {
        db = new DemoDatabases(new ZedmedDemo(TODAY), site(42, 200));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DemoPms.class).stream().map(p -> p.get().pms().id())).contains("zedmed");
        assertThat(new ZedmedDemo().catalogues()).containsExactly(ADMIN, CLINICAL);
    }

    @Test
    void sameSeedGivesSameRowsAndAnotherSeedDoesNot() throws SQLException {
        try (DemoDatabases same = new DemoDatabases(new ZedmedDemo(TODAY), site(42, 200));
             DemoDatabases other = new DemoDatabases(new ZedmedDemo(TODAY), site(43, 200))) {
            for (String[] t : new String[][] {{ADMIN, "PATIENT", "PATIENT_ID"}, {ADMIN, "APPOINTMENT", "APPT_ID"},
                    {ADMIN, "DOCTOR", "DR_CODE"}, {CLINICAL, "PROBLEM", "PROBLEM_ID"},
                    {CLINICAL, "MEASUREMENT", "MEAS_ID"}, {CLINICAL, "CONSULT", "CONSULT_ID"}}) {
                assertThat(same.checksum(t[0], t[1], t[2])).as(t[1]).isEqualTo(db.checksum(t[0], t[1], t[2]));
            }
            assertThat(other.checksum(ADMIN, "PATIENT", "PATIENT_ID"))
                    .isNotEqualTo(db.checksum(ADMIN, "PATIENT", "PATIENT_ID"));
        }
    }

    @Test
    void countsScaleWithPatients() throws SQLException {
        try (DemoDatabases half = new DemoDatabases(new ZedmedDemo(TODAY), site(42, 100))) {
            assertThat(half.count(ADMIN, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(100);
            assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(200);
            for (String[] t : new String[][] {{ADMIN, "APPOINTMENT"}, {CLINICAL, "CONSULT"}, {CLINICAL, "PROBLEM"},
                    {CLINICAL, "MEASUREMENT"}, {CLINICAL, "CURRENT_MED"}, {CLINICAL, "IMMUNISATION"}}) {
                long small = half.count(t[0], "SELECT COUNT(*) FROM " + t[1]);
                long large = db.count(t[0], "SELECT COUNT(*) FROM " + t[1]);
                assertThat(small).as(t[1]).isPositive();
                assertThat((double) large / small).as(t[1]).isBetween(1.5, 2.6);
            }
        }
    }

    @Test
    void identifiersAreValid() throws SQLException {
        for (String ihi : strings(ADMIN, "SELECT IHI FROM PATIENT WHERE IHI IS NOT NULL")) {
            assertThat(ihi).startsWith(AuIdentifiers.IHI_PREFIX).matches(AuIdentifiers::isValidHealthcareIdentifier);
        }
        for (String hpii : strings(ADMIN, "SELECT HPII FROM DOCTOR")) {
            assertThat(hpii).startsWith(AuIdentifiers.HPII_PREFIX).matches(AuIdentifiers::isValidHealthcareIdentifier);
        }
        for (String hpio : strings(ADMIN, "SELECT HPIO FROM BRANCH")) {
            assertThat(hpio).startsWith(AuIdentifiers.HPIO_PREFIX).matches(AuIdentifiers::isValidHealthcareIdentifier);
        }
        assertThat(strings(ADMIN, "SELECT MEDICARE_NO FROM PATIENT WHERE MEDICARE_NO IS NOT NULL"))
                .hasSizeGreaterThan(150).allMatch(AuIdentifiers::isValidMedicareCard);
        assertThat(strings(ADMIN, "SELECT ABN FROM BRANCH UNION SELECT ABN FROM DOCTOR"))
                .allMatch(SyntheticAu::isValidAbn);
        assertThat(strings(ADMIN, "SELECT PROVIDER_NO FROM DOCTOR_BRANCH")).allMatch(n -> n.equals(
                SyntheticAu.providerNumber(n.substring(0, 6), "0123456789".indexOf(n.charAt(6)))));
        assertThat(strings(ADMIN, "SELECT DVA_NO FROM PATIENT WHERE DVA_NO IS NOT NULL")).allMatch(n -> n.matches("[A-Z]{2}\\d{6}"));
    }

    @Test
    void practiceAndAppointmentBookLookReal() throws SQLException {
        assertThat(strings(ADMIN, "SELECT BRANCH_NAME FROM BRANCH WHERE BRANCH_ID = 1"))
                .containsExactly("Wattle Grove Medical Centre");
        assertThat(strings(ADMIN, "SELECT DISTINCT STATUS FROM APPOINTMENT"))
                .contains("BK", "AR", "IC", "CO", "DN", "CX");
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_DATE > DATE '2026-03-11'")).isPositive();
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM APPOINTMENT WHERE APPT_DATE < DATE '2026-03-11'")).isPositive();
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM (SELECT DR_CODE, APPT_DATE, START_TIME FROM APPOINTMENT"
                + " WHERE STATUS <> 'CX' GROUP BY DR_CODE, APPT_DATE, START_TIME HAVING COUNT(*) > 1)")).isZero();
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM PATIENT WHERE IS_ACTIVE = 0")).isPositive();
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM DOCTOR WHERE IS_ACTIVE = 0")).isEqualTo(1);
        assertThat(strings(CLINICAL, "SELECT DISTINCT MEAS_TYPE FROM MEASUREMENT")).contains("BP", "HR", "TEMP", "WT", "HT");
        assertThat(strings(CLINICAL, "SELECT DISTINCT SMOKING FROM SOCIAL_HX")).contains("N", "X", "C");
        assertThat(db.count(CLINICAL, "SELECT COUNT(*) FROM PROBLEM WHERE SNOMED_ID IS NULL")).isZero();
        assertThat(db.count(CLINICAL, "SELECT COUNT(*) FROM PROBLEM WHERE DELETED = 1")).isPositive();
        assertThat(db.count(CLINICAL, "SELECT COUNT(*) FROM SCRIPT")).isPositive();
    }

    @Test
    void tablesLiveInTheirOwnCatalogue() throws SQLException {
        String exists = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ";
        assertThat(db.count(ADMIN, exists + "'PATIENT'")).isEqualTo(1);
        assertThat(db.count(CLINICAL, exists + "'PATIENT'")).isZero();
        assertThat(db.count(CLINICAL, exists + "'PROBLEM'")).isEqualTo(1);
        assertThat(db.count(ADMIN, exists + "'PROBLEM'")).isZero();
        assertThat(db.count(CLINICAL, exists + "'INTEGRATION_PARTNER'")).isZero();
    }

    @Override
    protected ZedmedDemo demo() {
        return new ZedmedDemo(TODAY);
    }

    @Override
    protected Map<String, String> readableCounts() {
        return Map.of(ADMIN, "SELECT COUNT(*) FROM PATIENT", CLINICAL, "SELECT COUNT(*) FROM PROBLEM");
    }

    @Override
    protected Map<String, List<String>> refused() {
        return Map.of(ADMIN, List.of("DELETE FROM PATIENT", "UPDATE PATIENT SET FAMILY_NAME = 'X'",
                        "INSERT INTO BRANCH (BRANCH_ID, BRANCH_NAME) VALUES (99, 'X')", "SELECT * FROM INTEGRATION_PARTNER",
                        "DROP TABLE APPOINTMENT"),
                CLINICAL, List.of("DELETE FROM PROBLEM", "CREATE TABLE HACK (ID INTEGER)"));
    }

    @Test
    void enabledLoginsQueryReturnsOnlyEnabledLogins() throws SQLException {
        assertThat(strings(ADMIN, new ZedmedDemo().enabledLoginsQuery())).containsExactly("halo_demo");
        assertThat(db.count(ADMIN, "SELECT COUNT(*) FROM INTEGRATION_PARTNER")).isEqualTo(2);
    }

    /** Manual timing: {@code -Ddemo.patients=20000}. */
    @Test
    @EnabledIfSystemProperty(named = "demo.patients", matches = "\\d+")
    void timeALargeBuild() throws SQLException {
        int n = Integer.parseInt(System.getProperty("demo.patients"));
        long start = System.nanoTime();
        try (DemoDatabases big = new DemoDatabases(new ZedmedDemo(TODAY), site(7, n))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = 0;
            for (String t : List.of("PATIENT", "APPOINTMENT", "DR_SCHEDULE")) {
                rows += big.count(ADMIN, "SELECT COUNT(*) FROM " + t);
            }
            for (String t : List.of("CONSULT", "PROBLEM", "ALLERGY", "CURRENT_MED", "SCRIPT", "IMMUNISATION",
                    "MEASUREMENT", "SOCIAL_HX")) {
                rows += big.count(CLINICAL, "SELECT COUNT(*) FROM " + t);
            }
            System.out.printf("zedmed: %d patients, %d rows in %.1f s (%.0f patients/s, %.0f rows/s)%n",
                    n, rows, seconds, n / seconds, rows / seconds);
        }
    }

    private static List<String> strings(String catalogue, String sql) throws SQLException {
        return db.strings(catalogue, sql);
    }
}
