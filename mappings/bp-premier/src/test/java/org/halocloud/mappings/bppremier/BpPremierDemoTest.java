package org.halocloud.mappings.bppremier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.halocloud.mappings.demo.DemoPmsContract;

class BpPremierDemoTest extends DemoPmsContract {

    /** SQL Server-like identifiers: names keep their case and match without it. */
    private static final String OPTIONS = ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 13);
    private static final List<DemoLogin> LOGINS = List.of(new DemoLogin("halo_link", "s3cret", "Halo Connect", true),
            new DemoLogin("old_partner", "pw'2", "Old Partner Pty Ltd", false));
    private static final String CATALOGUE = BpPremierDemo.CATALOGUE;
    private static DemoDatabases shared;

    @BeforeAll
    static void buildShared() throws SQLException {
        shared = build(42, 200);
    }

    @AfterAll
    static void closeShared() throws SQLException {
        shared.close();
    }

    private static DemoSite site(long seed, int patients) {
        return new DemoSite("12345", "Harbourside Family Practice", seed, patients, LOGINS);
    }

    /** In-memory databases with the vendor's settings, as the embedded demo creates them. */
    private static DemoDatabases build(long seed, int patients) throws SQLException {
        return new DemoDatabases(new BpPremierDemo(TODAY), site(seed, patients));
    }

    private static void build(String url, long seed, int patients) throws SQLException {
        try (Connection owner = DriverManager.getConnection(url, "sa", "")) {
            new BpPremierDemo(TODAY).build(Map.of(BpPremierDemo.CATALOGUE, owner), site(seed, patients));
        }
    }

    private static Connection owner() throws SQLException {
        return shared.connectOwner(CATALOGUE);
    }

    private static Connection login() throws SQLException {
        return shared.login(CATALOGUE, "halo_link", "s3cret");
    }

    @Test
    void isFoundByServiceLoader() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(DemoPms.class).forEach(p -> found.add(p.pms().id()));
        assertThat(found).contains("bp-premier");
        assertThat(new BpPremierDemo().catalogues()).containsExactly("BPSPatients");
        assertThat(OPTIONS).startsWith(new BpPremierDemo().h2Settings());
    }

    @Test
    void sameSeedGivesIdenticalRows() throws Exception {
        try (DemoDatabases a = build(7, 150); DemoDatabases b = build(7, 150); DemoDatabases c = build(8, 150)) {
            List<String> tables = List.of("PATIENTS", "USERS", "APPOINTMENTS", "CANCELLEDAPPOINTMENTS", "VISITS",
                    "PASTHISTORY", "CURRENTRX", "IMMUNISATIONS", "OBSERVATIONS", "REPORTVALUES", "CLINICAL");
            for (String table : tables) {
                assertThat(checksum(a, table)).as(table).isEqualTo(checksum(b, table));
            }
            assertThat(checksum(c, "PATIENTS")).isNotEqualTo(checksum(a, "PATIENTS"));
        }
    }

    private static String checksum(DemoDatabases db, String table) throws SQLException {
        return db.checksum(CATALOGUE, "dbo." + table, "1, 2");
    }

    @Test
    void countsScaleWithPatients() throws SQLException {
        try (DemoDatabases small = build(3, 100); DemoDatabases large = build(3, 400)) {
            // two pseudo-patients ('DO NOT BOOK', 'CARE PLAN') come on top of the requested patients
            assertThat(count(small, "PATIENTS")).isEqualTo(102);
            assertThat(count(large, "PATIENTS")).isEqualTo(402);
            for (String table : List.of("VISITS", "OBSERVATIONS", "PASTHISTORY", "IMMUNISATIONS", "CLINICAL")) {
                double ratio = (double) count(large, table) / count(small, table);
                assertThat(ratio).as(table).isBetween(2.8, 5.5);
            }
            assertThat(count(large, "USERS")).isEqualTo(count(small, "USERS"));
        }
    }

    private static long count(DemoDatabases db, String table) throws SQLException {
        return db.count(CATALOGUE, "SELECT COUNT(*) FROM dbo." + table);
    }

    @Test
    void practiceUsersAndLocationsLookReal() throws SQLException {
        try (Connection c = owner()) {
            assertThat(strings(c, "SELECT PRACTICENAME FROM dbo.PRACTICE")).containsExactly("Harbourside Family Practice");
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.USERS WHERE APPOINTMENTS = 1")).isBetween(5L, 10L);
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.LOCATIONS")).isBetween(1L, 2L);
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.SESSIONS")).isGreaterThan(20);
            assertThat(strings(c, "SELECT PROVIDERNUMBER FROM dbo.PROVIDER_LOCATION")).allMatch(p -> p.matches("\\d{6}[0-9A-Y][A-Y]"));
        }
    }

    @Test
    void identifiersPassAuChecks() throws SQLException {
        try (Connection c = owner()) {
            List<String> ihis = strings(c, "SELECT IHI FROM dbo.PATIENTS WHERE IHI IS NOT NULL");
            assertThat(ihis).hasSizeGreaterThan(100)
                    .allMatch(v -> v.startsWith(AuIdentifiers.IHI_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
            assertThat(strings(c, "SELECT HPII FROM dbo.USERS WHERE HPII IS NOT NULL")).isNotEmpty()
                    .allMatch(v -> v.startsWith(AuIdentifiers.HPII_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
            assertThat(strings(c, "SELECT HPIO FROM dbo.PRACTICE UNION ALL SELECT HPIO FROM dbo.LOCATIONS"))
                    .allMatch(v -> v.startsWith(AuIdentifiers.HPIO_PREFIX) && AuIdentifiers.isValidHealthcareIdentifier(v));
            // MEDICARENO is char(13) and sometimes typed with spaces: a reader strips them
            assertThat(strings(c, "SELECT MEDICARENO FROM dbo.PATIENTS WHERE MEDICARENO IS NOT NULL")).hasSizeGreaterThan(100)
                    .allMatch(v -> AuIdentifiers.isValidMedicareCard(v.replace(" ", "").trim()))
                    .anyMatch(v -> v.contains(" 1"));
            assertThat(strings(c, "SELECT DVANO FROM dbo.PATIENTS WHERE DVANO IS NOT NULL")).allMatch(v -> v.trim().matches("[NVQSWT]X\\d{6}"));
        }
    }

    @Test
    void viewsDecodeCodesAndHideDeletedRows() throws SQLException {
        try (Connection c = login()) {
            assertThat(strings(c, "SELECT DISTINCT TRIM(Sex) FROM BPS_Patients")).contains("Male", "Female")
                    .isSubsetOf("Male", "Female", "Intersex", "Other", "");
            assertThat(strings(c, "SELECT DISTINCT TRIM(StatusText) FROM BPS_Patients")).contains("Active", "Inactive", "Deceased");
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Patients"))
                    .isEqualTo(longValue(c, "SELECT COUNT(*) FROM PATIENTS WHERE RECORDSTATUS = 1"))
                    .isLessThan(longValue(c, "SELECT COUNT(*) FROM PATIENTS"));
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Patients WHERE InternalID IN "
                    + "(SELECT INTERNALID FROM PATIENTS WHERE RECORDSTATUS <> 1)")).isZero();
            assertThat(strings(c, "SELECT DISTINCT TRIM(Status) FROM BPS_Appointments"))
                    .contains("Booked", "Completed", "Paid", "Cancelled");
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Appointments WHERE InternalID = 0")).isPositive();
            assertThat(strings(c, "SELECT DISTINCT Patient FROM BPS_Appointments")).contains("DO NOT BOOK");
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Users")).isLessThan(longValue(c, "SELECT COUNT(*) FROM USERS"));
            assertThat(strings(c, "SELECT DISTINCT TRIM(VisitType) FROM BPS_Visits")).contains("Surgery", "Non Visit");
            assertThat(strings(c, "SELECT DISTINCT TRIM(ObservationName) || '=' || ObservationCode FROM BPS_Observations"))
                    .contains("Systolic=3", "Diastolic=4", "Pulse=2", "Weight=8", "Height=7", "BMI=9");
            assertThat(strings(c, "SELECT DISTINCT TRIM(SNOMED) FROM BPS_History WHERE SNOMED IS NOT NULL")).contains("38341003");
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_History WHERE SNOMED IS NULL")).isPositive();
            assertThat(strings(c, "SELECT DISTINCT TRIM(SmokingStatus) FROM BPS_Tobacco")).contains("Non smoker", "Ex smoker", "Smoker");
            assertThat(strings(c, "SELECT DISTINCT TRIM(PRN) FROM BPS_CurrentRx")).contains("Yes", "No");
            assertThat(strings(c, "SELECT DISTINCT TRIM(LoincCode) FROM BPS_ReportValues")).contains("14647-2");
            for (String view : List.of("BPS_Sessions", "BPS_PracticeLocations", "BPS_Reactions", "BPS_Prescriptions",
                    "BPS_Immunisations", "BPS_CurrentRx", "BPS_ReportValues")) {
                assertThat(longValue(c, "SELECT COUNT(*) FROM " + view)).as(view).isPositive();
            }
            for (String table : List.of("OBSERVATIONS", "PASTHISTORY", "IMMUNISATIONS")) {
                String view = Map.of("OBSERVATIONS", "BPS_Observations", "PASTHISTORY", "BPS_History",
                        "IMMUNISATIONS", "BPS_Immunisations").get(table);
                assertThat(longValue(c, "SELECT COUNT(*) FROM " + view))
                        .isEqualTo(longValue(c, "SELECT COUNT(*) FROM " + table + " WHERE RECORDSTATUS = 1"))
                        .isLessThan(longValue(c, "SELECT COUNT(*) FROM " + table));
            }
        }
    }

    @Test
    void keepsVendorQuirks() throws SQLException {
        try (Connection c = login(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT Firstname, DOB FROM BPS_Patients WHERE InternalID = 3")) {
                rs.next();
                assertThat(rs.getString("Firstname")).hasSize(40).endsWith(" "); // char(40), padded
                assertThat(rs.getObject("DOB", LocalDateTime.class).toLocalTime()).isEqualTo("00:00");
            }
            assertThat(longValue(c, "SELECT COUNT(*) FROM APPOINTMENTS WHERE CAST(APPOINTMENTDATE AS TIME) <> '00:00:00'")).isZero();
            assertThat(longValue(c, "SELECT MIN(APPOINTMENTTIME) FROM APPOINTMENTS")).isEqualTo(8 * 3600);
            assertThat(longValue(c, "SELECT COUNT(*) FROM APPOINTMENTS WHERE MOD(APPOINTMENTTIME, 900) <> 0")).isZero();
            assertThat(longValue(c, "SELECT COUNT(*) FROM PATIENTS WHERE TRIM(SURNAME) = 'DO NOT BOOK'")).isOne();
            assertThat(longValue(c, "SELECT COUNT(*) FROM PATIENTS WHERE DATEOFDEATH IS NOT NULL AND PATIENTSTATUS = 3")).isPositive();
        }
    }

    @Test
    void bareAndDboNamesBothResolve() throws SQLException {
        try (Connection c = login()) {
            assertThat(longValue(c, "SELECT COUNT(*) FROM PATIENTS")).isEqualTo(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS"));
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Patients")).isEqualTo(longValue(c, "SELECT COUNT(*) FROM dbo.BPS_Patients"));
            assertThat(longValue(c, "SELECT COUNT(*) FROM bps_patients")).isPositive();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM BPS_Patients")) {
                assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("InternalID");
            }
        }
    }

    @Override
    protected BpPremierDemo demo() {
        return new BpPremierDemo(TODAY);
    }

    @Override
    protected Map<String, String> readableCounts() {
        return Map.of(CATALOGUE, "SELECT COUNT(*) FROM PATIENTS");
    }

    @Override
    protected Map<String, List<String>> refused() {
        return Map.of(CATALOGUE, List.of("DELETE FROM PATIENTS", "UPDATE PATIENTS SET SURNAME = 'X'",
                "DELETE FROM dbo.APPOINTMENTS", "UPDATE dbo.APPOINTMENTS SET APPOINTMENTCODE = 7",
                "INSERT INTO PATIENTS (INTERNALID, RECORDSTATUS, PATIENTSTATUS, TITLECODE, SEXCODE, ETHNICCODE, "
                        + "PENSIONCODE, DVACODE, USERID, CREATED, CREATEDBY) VALUES (999999, 1, 1, 0, 0, 0, 0, 0, 0, NOW(), 0)",
                "DROP TABLE dbo.PATIENTS", "CREATE TABLE dbo.X (A INT)", "ALTER TABLE dbo.PATIENTS ADD COLUMN X INT",
                "SELECT * FROM dbo.INTEGRATIONS"));
    }

    @Test
    void enabledLoginsQueryListsOnlyEnabledIntegrations() throws SQLException {
        try (Connection c = owner()) {
            assertThat(strings(c, new BpPremierDemo().enabledLoginsQuery())).containsExactly("halo_link");
            assertThat(strings(c, "SELECT PARTNERNAME FROM dbo.INTEGRATIONS ORDER BY RECORDID"))
                    .containsExactly("Halo Connect", "Old Partner Pty Ltd");
        }
        try (Connection c = shared.login(CATALOGUE, "OLD_PARTNER", "pw'2")) {
            assertThat(longValue(c, "SELECT COUNT(*) FROM BPS_Users")).isPositive(); // the database does not enforce it
        }
    }

    @Test
    void bookingProceduresWorkForALogin() throws SQLException {
        try (Connection c = login()) {
            List<Long> bookUsers = longs(c, "CALL BP_GetAppointmentBookUsers()");
            assertThat(bookUsers).hasSizeGreaterThanOrEqualTo(5);
            assertThat(longs(c, "CALL dbo.BP_GetAllUsers()")).hasSizeGreaterThan(bookUsers.size());
            long doctor = bookUsers.get(0);
            LocalDate day = workingDay(c, doctor, (LocalDate.now().isAfter(TODAY) ? LocalDate.now() : TODAY).plusDays(30));
            long patient = longValue(c, "SELECT MIN(InternalID) FROM BPS_Patients WHERE TRIM(StatusText) = 'Active' AND InternalID > 2");

            List<Long> free = freeSlots(c, doctor, day);
            assertThat(free).isNotEmpty().allMatch(t -> t % 900 == 0 && t >= 8 * 3600 && t < 17 * 3600);
            long time = free.get(free.size() / 2);

            int id;
            try (CallableStatement call = c.prepareCall("{? = call BP_AddAppointmentEx(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)}")) {
                call.registerOutParameter(1, Types.INTEGER);
                call.setString(2, day.toString().replace("-", ""));   // as SQL Server callers send N'20191204'
                call.setInt(3, (int) time);
                call.setInt(4, 8);
                call.setInt(5, 900);
                call.setInt(6, (int) doctor);
                call.setInt(7, (int) patient);
                call.setString(8, "Online booking");
                call.setInt(9, 0);
                call.setInt(10, 0);
                call.setString(11, null);
                call.execute();
                id = call.getInt(1);
            }
            assertThat(id).isGreaterThan((int) longValue(c, "SELECT MAX(RECORDID) FROM APPOINTMENTS WHERE RECORDID <> " + id));
            assertThat(freeSlots(c, doctor, day)).doesNotContain(time);
            assertThat(appointmentStatus(c, patient, day, time)).isEqualTo("Booked");
            assertThat(longs(c, "CALL BP_GetPatientAppointments(" + patient + ")")).contains((long) id);
            // the time is taken: 0, as Bp's clients read a lost race, and no second row
            assertThat(longs(c, "SELECT BP_AddAppointmentEx('" + day + "', " + time + ", 1, 900, " + doctor + ", "
                    + patient + ", NULL, 0, 0, NULL)")).containsExactly(0L);
            assertThat(longValue(c, "SELECT COUNT(*) FROM APPOINTMENTS WHERE USERID = " + doctor + " AND APPOINTMENTTIME = "
                    + time + " AND APPOINTMENTDATE = '" + day + "' AND " + "NOT EXISTS (SELECT 1 FROM CANCELLEDAPPOINTMENTS x "
                    + "WHERE x.APPOINTMENTID = APPOINTMENTS.RECORDID)")).isOne();

            try (CallableStatement call = c.prepareCall("{call BP_CancelAppointment(?)}")) {
                call.setInt(1, id);
                call.execute();
                call.execute(); // a second cancel records nothing new
            }
            assertThat(longValue(c, "SELECT COUNT(*) FROM CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = " + id)).isOne();
            assertThat(appointmentStatus(c, patient, day, time)).isEqualTo("Cancelled");
            assertThat(freeSlots(c, doctor, day)).contains(time);
            assertThat(longs(c, "CALL BP_GetPatientAppointments(" + patient + ")")).doesNotContain((long) id);

            try (CallableStatement call = c.prepareCall("{? = call BP_AddAppointment(?, ?, ?, ?, ?, ?)}")) {
                call.registerOutParameter(1, Types.INTEGER);
                call.setObject(2, day);          // a DATE parameter works too
                call.setInt(3, (int) time);
                call.setInt(4, 900);
                call.setInt(5, (int) doctor);
                call.setInt(6, (int) patient);
                call.setInt(7, 0);
                call.execute();
                assertThat(call.getInt(1)).isGreaterThan(id);
            }
        }
    }

    @Test
    void findsPatientByNameAndDob() throws SQLException {
        String first, surname;
        LocalDate dob;
        long id;
        try (Connection c = owner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT INTERNALID, FIRSTNAME, SURNAME, DOB FROM dbo.PATIENTS "
                     + "WHERE RECORDSTATUS = 1 AND INTERNALID > 2 ORDER BY INTERNALID")) {
            rs.next();
            id = rs.getLong(1);
            first = rs.getString(2).trim();
            surname = rs.getString(3).trim();
            dob = rs.getObject(4, LocalDateTime.class).toLocalDate();
        }
        try (Connection c = login(); CallableStatement call = c.prepareCall("{call BP_GetPatientByNameDOB(?, ?, ?)}")) {
            call.setString(1, first.toLowerCase());
            call.setString(2, surname.toUpperCase());
            call.setString(3, dob.toString().replace("-", ""));
            assertThat(call.execute()).isTrue();
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = call.getResultSet()) {
                while (rs.next()) {
                    ids.add(rs.getLong("InternalID"));
                }
            }
            assertThat(ids).contains(id);
        }
    }

    /**
     * What H2 2.4 does with {@code {? = call ...}}: the leading '?' is an ordinary parameter that
     * registerOutParameter sets to NULL; after execute, out parameter i is read as column i of the current row of
     * the call's result, moving to the first row if needed; only indexes up to min(parameters, result columns) can be
     * registered. A scalar function gives one row, one column, so index 1 is its return value. For a function
     * returning rows, getXxx(1) reads row 1, column 1, and the result set is left on that row.
     */
    @Test
    void h2ReadsOutParametersFromTheFirstResultRow() throws SQLException {
        try (Connection c = login(); CallableStatement call = c.prepareCall("{? = call BP_GetAppointmentBookUsers()}")) {
            call.registerOutParameter(1, Types.INTEGER);
            assertThat(call.execute()).isTrue();
            long first = call.getLong(1);
            assertThat(first).isEqualTo(longs(c, "CALL BP_GetAppointmentBookUsers()").get(0));
            ResultSet rs = call.getResultSet();
            assertThat(rs.getRow()).isEqualTo(1); // already on row 1: a caller's while (rs.next()) would skip it
        }
    }

    @Test
    void worksWithH2DefaultIdentifiersToo() throws SQLException {
        String url = "jdbc:h2:mem:bp-plain;MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        build(url, 5, 30);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bp-plain", "HALO_LINK", "s3cret")) {
            assertThat(longValue(c, "SELECT COUNT(*) FROM PATIENTS")).isEqualTo(32);
            assertThat(longValue(c, "SELECT COUNT(InternalID) FROM dbo.BPS_Patients")).isPositive();
            assertThat(longs(c, "CALL BP_GetAppointmentBookUsers()")).isNotEmpty();
            assertThatThrownBy(() -> c.createStatement().execute("DELETE FROM PATIENTS")).isInstanceOf(SQLException.class);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static LocalDate workingDay(Connection c, long doctor, LocalDate from) throws SQLException {
        List<Long> days = longs(c, "SELECT DISTINCT DAYOFWEEK FROM SESSIONS WHERE USERID = " + doctor);
        LocalDate day = from;
        while (!days.contains((long) BpDataGenerator.dayOfWeek(day))) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static List<Long> freeSlots(Connection c, long doctor, LocalDate day) throws SQLException {
        List<Long> times = new ArrayList<>();
        try (CallableStatement call = c.prepareCall("{call BP_GetFreeAppointments(?, ?)}")) {
            call.setLong(1, doctor);
            call.setObject(2, day);
            call.execute();
            try (ResultSet rs = call.getResultSet()) {
                while (rs.next()) {
                    times.add(rs.getLong("AppointmentTime"));
                }
            }
        }
        return times;
    }

    /** As Bp's SQL Server (_CI_AS): case is ignored, accents are not, and a surname prefix is an index range. */
    @Test
    void comparesTextAsBpsCollationAndServesSurnameSearchesFromTheNameIndex() throws SQLException {
        try (Connection c = owner()) {
            // a mixed-case surname (the first rows are Bp's upper-case pseudo-patients)
            String surname = strings(c, "SELECT TRIM(SURNAME) FROM dbo.PATIENTS ORDER BY INTERNALID").stream()
                    .filter(n -> !n.equals(n.toUpperCase()) && !n.equals(n.toLowerCase())).findFirst().orElseThrow();
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE TRIM(SURNAME) = '"
                    + surname.toLowerCase() + "'")).isPositive();
            assertThat(longValue(c, "SELECT CASE WHEN 'Renee' = 'Ren\u00e9e' THEN 1 ELSE 0 END")).isZero();

            org.jooq.Condition family = new org.halocloud.mappings.bppremier.fhir.BpPremierFhir().resource("Patient")
                    .orElseThrow().search().get("family").condition(null, List.of(surname.substring(0, 2).toLowerCase()), null);
            String where = org.jooq.impl.DSL.using(org.jooq.SQLDialect.H2).renderInlined(family);
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE " + where)).isEqualTo(longValue(c,
                    "SELECT COUNT(*) FROM dbo.PATIENTS WHERE UPPER(TRIM(SURNAME)) LIKE '"
                            + surname.substring(0, 2).toUpperCase() + "%'"));
            assertThat(strings(c, "EXPLAIN SELECT INTERNALID FROM dbo.PATIENTS WHERE " + where).get(0))
                    .contains("IX_PATIENTS_NAME");

            // :exact still respects case, although the collation ignores it
            long exact = longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE " + exact(surname));
            assertThat(exact).isPositive().isEqualTo(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE "
                    + "TRIM(SURNAME) = '" + surname + "'"));
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE " + exact(surname.toLowerCase()))).isZero();
            assertThat(longValue(c, "SELECT COUNT(*) FROM dbo.PATIENTS WHERE " + exact(surname.toUpperCase()))).isZero();
        }
    }

    private static String exact(String value) {
        org.jooq.Condition exact = new org.halocloud.mappings.bppremier.fhir.BpPremierFhir().resource("Patient")
                .orElseThrow().search().get("family").condition("exact", List.of(value), null);
        return org.jooq.impl.DSL.using(org.jooq.SQLDialect.H2).renderInlined(exact);
    }

    private static String appointmentStatus(Connection c, long patient, LocalDate day, long time) throws SQLException {
        return strings(c, "SELECT TRIM(Status) FROM BPS_Appointments WHERE InternalID = " + patient
                + " AND AppointmentDate = '" + day + "' AND AppointmentTime = " + time).get(0);
    }

    private static long longValue(Connection c, String sql) throws SQLException {
        return longs(c, sql).get(0);
    }

    private static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
