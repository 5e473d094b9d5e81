package org.halocloud.mappings.d4w;

import org.halocloud.mappings.demo.SyntheticAu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.ServiceLoader;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.halocloud.mappings.demo.DemoPmsContract;
import java.util.Map;

/** What both D4W flavours must do; each subclass names its {@link DemoPms}. */
abstract class D4wDemoContract extends DemoPmsContract {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("halo_demo", "demo-pass", "Demo Integrator", true),
            new DemoLogin("OTHER_CO", "it's-secret", "Other Co Recalls", false));

    DemoDatabases db;
    String catalogue;

    @Override
    protected abstract DemoPms demo();

    static DemoSite site(long seed, int patients) {
        return new DemoSite("504231", "Harbourside Dental", seed, patients, LOGINS);
    }

    @BeforeEach
    void build() throws SQLException {
        db = new DemoDatabases(demo(), site(42, 200));
        catalogue = demo().catalogues().get(0);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DemoPms.class).stream().map(p -> p.get().pms())).contains(demo().pms());
    }

    @Test
    void sameSeedGivesSameRowsAndAnotherSeedDoesNot() throws SQLException {
        try (DemoDatabases same = new DemoDatabases(demo(), site(42, 200));
             DemoDatabases other = new DemoDatabases(demo(), site(43, 200))) {
            for (String[] t : new String[][] {{"PATIENT", "PATIENT_ID"}, {"APPOINTMENT", "APPT_ID"},
                    {"PROVIDER", "PROVIDER_ID"}, {"TREATMENT", "TREATMENT_ID"}, {"CLINICAL_NOTE", "NOTE_ID"}}) {
                assertThat(same.checksum(catalogue, t[0], t[1])).as(t[0]).isEqualTo(db.checksum(catalogue, t[0], t[1]));
            }
            assertThat(other.checksum(catalogue, "PATIENT", "PATIENT_ID"))
                    .isNotEqualTo(db.checksum(catalogue, "PATIENT", "PATIENT_ID"));
        }
    }

    @Test
    void countsScaleWithPatients() throws SQLException {
        try (DemoDatabases half = new DemoDatabases(demo(), site(42, 100))) {
            assertThat(half.count(catalogue, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(100);
            assertThat(db.count(catalogue, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(200);
            for (String t : List.of("APPOINTMENT", "TREATMENT", "CLINICAL_NOTE", "MEDICAL_HISTORY")) {
                long small = half.count(catalogue, "SELECT COUNT(*) FROM " + t);
                long large = db.count(catalogue, "SELECT COUNT(*) FROM " + t);
                assertThat(small).as(t).isPositive();
                assertThat((double) large / small).as(t).isBetween(1.5, 2.6);
            }
        }
    }

    @Test
    void identifiersAreValid() throws SQLException {
        assertThat(strings("SELECT IHI FROM PATIENT WHERE IHI IS NOT NULL")).isNotEmpty()
                .allMatch(v -> v.startsWith(AuIdentifiers.IHI_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
        assertThat(strings("SELECT HPII FROM PROVIDER")).isNotEmpty()
                .allMatch(v -> v.startsWith(AuIdentifiers.HPII_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
        assertThat(strings("SELECT HPIO FROM LOCATION")).hasSize(2)
                .allMatch(v -> v.startsWith(AuIdentifiers.HPIO_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
        assertThat(strings("SELECT MEDICARE_NO FROM PATIENT WHERE MEDICARE_NO IS NOT NULL")).hasSizeGreaterThan(140)
                .allMatch(AuIdentifiers::isValidMedicareCard);
        assertThat(strings("SELECT ABN FROM LOCATION UNION SELECT ABN FROM PROVIDER")).allMatch(SyntheticAu::isValidAbn);
        assertThat(strings("SELECT MEDICARE_PROVIDER_NO FROM PROVIDER WHERE MEDICARE_PROVIDER_NO IS NOT NULL"))
                .isNotEmpty().allMatch(n -> n.equals(SyntheticAu.providerNumber(n.substring(0, 6), n.charAt(6) - '0')));
        assertThat(db.count(catalogue, "SELECT COUNT(DISTINCT CARD_NO) FROM PATIENT")).isEqualTo(200);
    }

    @Test
    void practiceBookAndDentistryLookReal() throws SQLException {
        assertThat(strings("SELECT NAME FROM LOCATION WHERE LOCATION_ID = 1")).containsExactly("Harbourside Dental");
        assertThat(strings("SELECT CRN FROM LOCATION WHERE LOCATION_ID = 1")).containsExactly("504231");
        assertThat(strings("SELECT DISTINCT STATUS FROM APPOINTMENT")).contains("0", "1", "2", "3", "4", "5", "6");
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM (SELECT BOOK_ID, APPT_DATE, START_TIME FROM APPOINTMENT"
                + " WHERE STATUS <> 6 GROUP BY BOOK_ID, APPT_DATE, START_TIME HAVING COUNT(*) > 1) X")).isZero();
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM TREATMENT T JOIN ITEM I ON I.ITEM_CODE = T.ITEM_CODE"
                + " WHERE I.TOOTH_REQUIRED = 1 AND (T.TOOTH IS NULL OR NOT REGEXP_LIKE(T.TOOTH, '^[1-8][1-8]$'))")).isZero();
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM TREATMENT T JOIN ITEM I ON I.ITEM_CODE = T.ITEM_CODE"
                + " WHERE I.SURFACE_REQUIRED = 1 AND T.SURFACES IS NULL")).isZero();
        assertThat(strings("SELECT DISTINCT STATUS FROM TREATMENT")).contains("P", "C");
        assertThat(strings("SELECT DISTINCT ITEM_CODE FROM TREATMENT")).contains("012", "114", "531");
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM PATIENT WHERE IS_ACTIVE = 0")).isPositive();
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM PROVIDER WHERE IS_ACTIVE = 0")).isEqualTo(1);
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM PATIENT_ALLERGY")).isPositive();
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM PATIENT_MEDICATION")).isPositive();
    }

    @Override
    protected Map<String, String> readableCounts() {
        return Map.of(demo().catalogues().get(0), "SELECT COUNT(*) FROM PATIENT");
    }

    @Override
    protected Map<String, List<String>> refused() {
        return Map.of(demo().catalogues().get(0), List.of("DELETE FROM PATIENT", "UPDATE PATIENT SET SURNAME = 'X'",
                "INSERT INTO ITEM (ITEM_CODE, DESCRIPTION) VALUES ('999', 'X')", "SELECT * FROM THIRD_PARTY_ACCESS",
                "DROP TABLE APPOINTMENT", "CREATE TABLE HACK (ID INTEGER)"));
    }

    @Test
    void enabledLoginsQueryReturnsOnlyEnabledLogins() throws SQLException {
        assertThat(strings(demo().enabledLoginsQuery())).containsExactly("halo_demo");
        assertThat(db.count(catalogue, "SELECT COUNT(*) FROM THIRD_PARTY_ACCESS")).isEqualTo(2);
    }

    /** Manual timing: {@code -Ddemo.patients=20000}. */
    @Test
    @EnabledIfSystemProperty(named = "demo.patients", matches = "\\d+")
    void timeALargeBuild() throws SQLException {
        int n = Integer.parseInt(System.getProperty("demo.patients"));
        long start = System.nanoTime();
        try (DemoDatabases big = new DemoDatabases(demo(), site(7, n))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = 0;
            for (String t : List.of("PATIENT", "APPOINTMENT", "TREATMENT", "TREATMENT_PLAN", "MEDICAL_HISTORY",
                    "PATIENT_ALLERGY", "PATIENT_MEDICATION", "CLINICAL_NOTE")) {
                rows += big.count(catalogue, "SELECT COUNT(*) FROM " + t);
            }
            System.out.printf("%s: %d patients, %d rows in %.1f s (%.0f patients/s, %.0f rows/s)%n",
                    demo().pms(), n, rows, seconds, n / seconds, rows / seconds);
        }
    }

    static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(90096));
    }

    List<String> strings(String sql) throws SQLException {
        return db.strings(catalogue, sql);
    }
}
