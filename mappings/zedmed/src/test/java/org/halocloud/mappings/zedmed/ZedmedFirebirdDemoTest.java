package org.halocloud.mappings.zedmed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.halocloud.mappings.zedmed.ZedmedDemo.ADMIN;
import static org.halocloud.mappings.zedmed.ZedmedDemo.CLINICAL;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.halocloud.mappings.demo.EnabledIfFirebird;
import org.halocloud.mappings.demo.FirebirdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Zedmed pair built on a real Firebird 3 server: the same rows as on H2, and the integrators' logins as Firebird
 * users whose grants let them read and nothing else — the database itself refuses their writes.
 */
@EnabledIfFirebird
class ZedmedFirebirdDemoTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);
    static final String PREFIX = "halo-test-zedmed-demo";
    static final DemoLogin READER = new DemoLogin("HALO_TEST_ZM_READER", "reader-p4ss'word", "Demo Integrator", true);
    static final DemoLogin OFF = new DemoLogin("HALO_TEST_ZM_OFF", "off-pass", "Other Co Reminders", false);
    static final String LOCAL = "HALO_TEST_ZM_LINK";
    static final DemoSite SITE = new DemoSite("ZM-1042", "Wattle Grove Medical Centre", 42, 120, List.of(READER, OFF));
    static final FirebirdServer SERVER = FirebirdServer.forTests();
    static Map<String, String> urls;

    @BeforeAll
    static void build() throws SQLException {
        urls = SERVER.build(new ZedmedDemo(TODAY), SITE, PREFIX, LOCAL, "local-pass");
    }

    @AfterAll
    static void drop() throws SQLException {
        // users are the server's, not a database's: drop them while a database is there to connect to
        try (Connection admin = SERVER.connect(PREFIX + "-" + ADMIN + ".fdb"); Statement s = admin.createStatement()) {
            for (String user : List.of(READER.user(), OFF.user(), LOCAL)) {
                s.execute("DROP USER " + user + " USING PLUGIN Srp");
            }
        }
        for (String catalogue : List.of(ADMIN, CLINICAL)) {
            SERVER.drop(PREFIX + "-" + catalogue + ".fdb");
        }
    }

    private static Connection as(String catalogue, String user, String password) throws SQLException {
        return DriverManager.getConnection(urls.get(catalogue), user, password);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void holdsTheSameRowsAsTheH2Build() throws SQLException {
        String[][] tables = {{ADMIN, "BRANCH"}, {ADMIN, "DOCTOR"}, {ADMIN, "DOCTOR_BRANCH"}, {ADMIN, "PATIENT"},
            {ADMIN, "ACTIVITY_TYPE"}, {ADMIN, "APPT_TYPE"}, {ADMIN, "DR_SCHEDULE"}, {ADMIN, "APPOINTMENT"},
            {ADMIN, "INTEGRATION_PARTNER"}, {CLINICAL, "CONSULT"}, {CLINICAL, "PROBLEM"}, {CLINICAL, "ALLERGY"},
            {CLINICAL, "CURRENT_MED"}, {CLINICAL, "SCRIPT"}, {CLINICAL, "IMMUNISATION"}, {CLINICAL, "MEASUREMENT"},
            {CLINICAL, "SOCIAL_HX"}};
        String people = "SELECT PATIENT_ID || '|' || TRIM(FAMILY_NAME) || '|' || COALESCE(TRIM(IHI), '-') || '|'"
                + " || CAST(DOB AS VARCHAR(10)) || '|' || IS_ACTIVE FROM PATIENT ORDER BY PATIENT_ID";
        String book = "SELECT APPT_ID || '|' || CAST(APPT_DATE AS VARCHAR(10)) || '|' || SUBSTRING(CAST(START_TIME"
                + " AS VARCHAR(13)) FROM 1 FOR 5) || '|' || STATUS FROM APPOINTMENT ORDER BY APPT_ID";
        try (DemoDatabases h2 = new DemoDatabases(new ZedmedDemo(TODAY), SITE);
             Connection admin = as(ADMIN, LOCAL, "local-pass"); Connection clinical = as(CLINICAL, LOCAL, "local-pass")) {
            for (String[] t : tables) {
                Connection c = t[0].equals(ADMIN) ? admin : clinical;
                assertThat(Long.parseLong(column(c, "SELECT COUNT(*) FROM " + t[1]).get(0))).as(t[1])
                        .isEqualTo(h2.count(t[0], "SELECT COUNT(*) FROM " + t[1])).isPositive();
            }
            assertThat(column(admin, people)).isEqualTo(h2.strings(ADMIN, people));
            assertThat(column(admin, book)).isEqualTo(h2.strings(ADMIN, book));
        }
    }

    @Test
    void isAFirebirdDatabaseInUtf8WithGeneratorsPastTheLoadedKeys() throws SQLException {
        // generators need USAGE, which only the owner has
        try (Connection admin = SERVER.connect(PREFIX + "-" + ADMIN + ".fdb")) {
            assertThat(column(admin, "SELECT TRIM(RDB$CHARACTER_SET_NAME) FROM RDB$DATABASE")).containsExactly("UTF8");
            assertThat(column(admin, "SELECT GEN_ID(GEN_APPT_ID, 0) FROM RDB$DATABASE"))
                    .isEqualTo(column(admin, "SELECT MAX(APPT_ID) FROM APPOINTMENT"));
        }
        try (Connection clinical = SERVER.connect(PREFIX + "-" + CLINICAL + ".fdb")) {
            assertThat(column(clinical, "SELECT GEN_ID(GEN_PROBLEM_ID, 0) FROM RDB$DATABASE"))
                    .isEqualTo(column(clinical, "SELECT MAX(PROBLEM_ID) FROM PROBLEM"));
        }
    }

    @Test
    void loginsReadEveryRecordTableButNotTheIntegrationSettings() throws SQLException {
        try (Connection admin = as(ADMIN, READER.user(), READER.password());
             Connection clinical = as(CLINICAL, READER.user(), READER.password())) {
            assertThat(column(admin, "SELECT COUNT(*) FROM PATIENT")).containsExactly("120");
            assertThat(column(clinical, "SELECT COUNT(*) FROM PROBLEM").get(0)).isNotEqualTo("0");
            assertThatThrownBy(() -> column(admin, "SELECT * FROM INTEGRATION_PARTNER"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no permission for SELECT access");
        }
        try (Connection admin = as(ADMIN, LOCAL, "local-pass")) {
            assertThat(column(admin, Zedmed.PMS.enabledLoginsQuery())).containsExactly(READER.user());
        }
    }

    @Test
    void theDatabaseItselfRefusesTheLoginsWritesAndDdl() throws SQLException {
        try (Connection admin = as(ADMIN, READER.user(), READER.password());
             Connection clinical = as(CLINICAL, READER.user(), READER.password())) {
            String patients = column(admin, "SELECT COUNT(*) FROM PATIENT").get(0);
            for (String[] write : new String[][] {
                    {"INSERT INTO APPOINTMENT (APPT_ID, PATIENT_ID, DR_CODE, BRANCH_ID, APPT_DATE, START_TIME,"
                        + " DURATION_MIN, STATUS) VALUES (999999, 1, 'X', 1, CURRENT_DATE, TIME '09:00:00', 15, 'BK')",
                        "no permission for INSERT access"},
                    {"UPDATE PATIENT SET FAMILY_NAME = 'CHANGED'", "no permission for UPDATE access"},
                    {"DELETE FROM PATIENT", "no permission for DELETE access"},
                    {"SELECT NEXT VALUE FOR GEN_APPT_ID FROM RDB$DATABASE", "no permission for USAGE access"},
                    {"CREATE TABLE NOTES (ID INTEGER)", "There is no privilege for this operation"},
                    {"DROP TABLE DOCTOR_BRANCH", "no permission"}}) {
                assertThatThrownBy(() -> {
                    try (Statement s = admin.createStatement()) {
                        s.execute(write[0]);
                    }
                }).as(write[0]).isInstanceOf(SQLException.class).hasMessageContaining(write[1]);
            }
            assertThatThrownBy(() -> {
                try (Statement s = clinical.createStatement()) {
                    s.execute("DELETE FROM PROBLEM");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("no permission for DELETE access");
            assertThat(column(admin, "SELECT COUNT(*) FROM PATIENT")).containsExactly(patients);
        }
        try (Connection admin = as(ADMIN, LOCAL, "local-pass")) {
            // what Firebird recorded: SELECT (S) only, on tables and views; EXECUTE (X) would be on procedures
            assertThat(column(admin, "SELECT DISTINCT TRIM(RDB$PRIVILEGE) FROM RDB$USER_PRIVILEGES"
                    + " WHERE RDB$USER = '" + READER.user() + "'")).containsExactly("S");
        }
    }
}
