package org.halocloud.mappings.bppremier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.halocloud.mappings.bppremier.fhir.BpPatientWrites;
import java.util.Map;

/**
 * Bp Premier's booking procedures ({@code BP_*}) as H2 Java functions: same names and parameter order as the public
 * signatures, invented bodies. H2 binds each to {@code CREATE ALIAS} and passes the caller's own connection first,
 * so every statement here runs with the rights of the integrator's login: that is why logins hold INSERT on
 * APPOINTMENTS and CANCELLEDAPPOINTMENTS and nothing else. A cancellation is therefore a CANCELLEDAPPOINTMENTS row
 * (not an update of the appointment), and the views read it so.
 *
 * <p>Functions returning a {@link ResultSet} are plain SELECTs without side effects, because H2 may also run them
 * while preparing the call to learn the result columns. Functions that write return an int, as SQL Server's
 * procedure return value.
 */
public final class BpProcedures {

    /** Procedure name → Java method, for CREATE ALIAS. */
    static final Map<String, String> ALIASES = Map.of(
            "BP_GetAppointmentBookUsers", "getAppointmentBookUsers",
            "BP_GetAllUsers", "getAllUsers",
            "BP_GetFreeAppointments", "getFreeAppointments",
            "BP_AddAppointmentEx", "addAppointmentEx",
            "BP_AddAppointment", "addAppointment",
            "BP_CancelAppointment", "cancelAppointment",
            "BP_GetPatientAppointments", "getPatientAppointments",
            "BP_GetPatientByNameDOB", "getPatientByNameDob",
            "BP_AddPatient", "addPatient",
            "BP_UpdatePatient", "updatePatient");

    /** H2's "timeout trying to lock table" (ErrorCode.LOCK_TIMEOUT_1): another booking held the provider's book. */
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final String DISPLAY_NAME = "TRIM(TRIM(t.TITLE) || ' ' || TRIM(u.FIRSTNAME) || ' ' || TRIM(u.SURNAME))";
    private static final String NOT_CANCELLED =
            "NOT EXISTS (SELECT 1 FROM dbo.CANCELLEDAPPOINTMENTS c WHERE c.APPOINTMENTID = a.RECORDID)";

    private BpProcedures() {
    }

    /** BP_GetAppointmentBookUsers: the providers who have an appointment book. */
    public static ResultSet getAppointmentBookUsers(Connection c) throws SQLException {
        return c.createStatement().executeQuery("SELECT u.USERID AS UserID, t.TITLE AS Title, u.FIRSTNAME AS Firstname, "
                + "u.SURNAME AS Surname, u.PROVIDERNO AS ProviderNo, u.LOCATIONID AS LocationID "
                + "FROM dbo.USERS u JOIN dbo.TITLES t ON t.TITLECODE = u.TITLECODE "
                + "WHERE u.RECORDSTATUS = 1 AND u.USERSTATUS = 1 AND u.APPOINTMENTS = 1 ORDER BY u.USERID");
    }

    /** BP_GetAllUsers: every current user, with status and group. */
    public static ResultSet getAllUsers(Connection c) throws SQLException {
        return c.createStatement().executeQuery("SELECT u.USERID AS UserID, t.TITLE AS Title, u.FIRSTNAME AS Firstname, "
                + "u.SURNAME AS Surname, u.USERSTATUS AS UserStatus, g.GROUPNAME AS GroupName, u.APPOINTMENTS AS Appointments "
                + "FROM dbo.USERS u JOIN dbo.TITLES t ON t.TITLECODE = u.TITLECODE "
                + "JOIN dbo.USERGROUPS g ON g.GROUPCODE = u.GROUPCODE WHERE u.RECORDSTATUS = 1 ORDER BY u.USERID");
    }

    /**
     * BP_GetFreeAppointments(@userid, @aptdate): the provider's session slots on that date not overlapped by a live,
     * uncancelled appointment (pseudo-patient and INTERNALID 0 blocks included). AppointmentTime is in seconds.
     */
    public static ResultSet getFreeAppointments(Connection c, int userId, String aptDate) throws SQLException {
        LocalDate date = date(aptDate);
        PreparedStatement s = c.prepareStatement("SELECT s.USERID AS UserID, s.LOCATIONID AS LocationID, "
                + "s.STARTTIME + n.X * s.LENGTH AS AppointmentTime, s.LENGTH AS AppointmentLength "
                + "FROM dbo.SESSIONS s JOIN SYSTEM_RANGE(0, 287) n ON s.STARTTIME + (n.X + 1) * s.LENGTH <= s.ENDTIME "
                + "WHERE s.RECORDSTATUS = 1 AND s.USERID = ? AND s.DAYOFWEEK = ? "
                + "AND (s.STARTDATE IS NULL OR s.STARTDATE <= ?) AND (s.ENDDATE IS NULL OR s.ENDDATE >= ?) "
                + "AND NOT EXISTS (SELECT 1 FROM dbo.APPOINTMENTS a WHERE a.USERID = s.USERID AND a.APPOINTMENTDATE = ? "
                + "AND a.RECORDSTATUS = 1 AND " + NOT_CANCELLED + " "
                + "AND a.APPOINTMENTTIME < s.STARTTIME + (n.X + 1) * s.LENGTH "
                + "AND a.APPOINTMENTTIME + a.APPOINTMENTLENGTH > s.STARTTIME + n.X * s.LENGTH) "
                + "ORDER BY AppointmentTime");
        LocalDateTime midnight = date.atStartOfDay();
        s.setInt(1, userId);
        s.setInt(2, BpDataGenerator.dayOfWeek(date));
        s.setObject(3, midnight);
        s.setObject(4, midnight);
        s.setObject(5, midnight);
        return s.executeQuery();
    }

    /**
     * BP_AddAppointmentEx(@aptdate, @apttime, @appointmenttype, @aptlen, @practitionerid, @patientid, @reason,
     * @loginid, @locationid, @videourl): books a slot and returns the new APPOINTMENTS.RECORDID, or 0 when the time
     * is taken (as Bp's clients read it: someone else just booked it). The practitioner's USERS row is locked for
     * the call's transaction first, so two bookings of one provider's book are checked one after the other: of
     * simultaneous bookings of one time exactly one gets it. A booking that waits too long for that lock lost the race.
     */
    public static int addAppointmentEx(Connection c, String aptDate, int aptTime, int appointmentType, int aptLen,
                                       int practitionerId, int patientId, String reason, int loginId, int locationId,
                                       String videoUrl) throws SQLException {
        LocalDate date = date(aptDate);
        requireOne(c, "SELECT 1 FROM dbo.PATIENTS WHERE INTERNALID = ? AND RECORDSTATUS = 1", patientId, "patient");
        try (PreparedStatement lock = c.prepareStatement("SELECT USERID FROM dbo.USERS WHERE USERID = ? FOR UPDATE")) {
            lock.setInt(1, practitionerId);
            lock.executeQuery().close();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_LOCK_TIMEOUT) {
                return 0;
            }
            throw e;
        }
        int location = locationId > 0 ? locationId
                : requireOne(c, "SELECT LOCATIONID FROM dbo.USERS WHERE USERID = ? AND RECORDSTATUS = 1 AND APPOINTMENTS = 1",
                practitionerId, "practitioner");
        try (PreparedStatement busy = c.prepareStatement("SELECT 1 FROM dbo.APPOINTMENTS a WHERE a.USERID = ? "
                + "AND a.APPOINTMENTDATE = ? AND a.RECORDSTATUS = 1 AND " + NOT_CANCELLED + " "
                + "AND a.APPOINTMENTTIME < ? AND a.APPOINTMENTTIME + a.APPOINTMENTLENGTH > ?")) {
            busy.setInt(1, practitionerId);
            busy.setObject(2, date.atStartOfDay());
            busy.setInt(3, aptTime + aptLen);
            busy.setInt(4, aptTime);
            if (busy.executeQuery().next()) {
                return 0;
            }
        }
        LocalDateTime now = localNow(c);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO dbo.APPOINTMENTS (INTERNALID, RECORDSTATUS, USERID, "
                + "LOCATIONID, APPOINTMENTDATE, APPOINTMENTTIME, APPOINTMENTLENGTH, APPOINTMENTCODE, APPOINTMENTTYPE, REASON, "
                + "BOOKEDBY, CREATED, CREATEDBY, VIDEOURL) VALUES (?, 1, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, patientId);
            insert.setInt(2, practitionerId);
            insert.setInt(3, location);
            insert.setObject(4, date.atStartOfDay());
            insert.setInt(5, aptTime);
            insert.setInt(6, aptLen);
            insert.setInt(7, appointmentType);
            insert.setString(8, reason);
            insert.setInt(9, loginId);
            insert.setObject(10, now);
            insert.setInt(11, loginId);
            insert.setString(12, videoUrl);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    /** BP_AddAppointment(@aptdate, @apttime, @aptlen, @practitionerid, @patientid, @locationid): a standard booking. */
    public static int addAppointment(Connection c, String aptDate, int aptTime, int aptLen, int practitionerId,
                                     int patientId, int locationId) throws SQLException {
        return addAppointment(c, aptDate, aptTime, aptLen, practitionerId, patientId, locationId, 0);
    }

    /** The seven-argument form some integrations call, with the booking login last. */
    public static int addAppointment(Connection c, String aptDate, int aptTime, int aptLen, int practitionerId,
                                     int patientId, int locationId, int loginId) throws SQLException {
        return addAppointmentEx(c, aptDate, aptTime, 1, aptLen, practitionerId, patientId, null, loginId, locationId, null);
    }

    /** BP_CancelAppointment(@aptid): records the cancellation once; returns 0. */
    public static int cancelAppointment(Connection c, int aptId) throws SQLException {
        requireOne(c, "SELECT 1 FROM dbo.APPOINTMENTS WHERE RECORDID = ? AND RECORDSTATUS = 1", aptId, "appointment");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO dbo.CANCELLEDAPPOINTMENTS "
                + "(APPOINTMENTID, CANCELLEDBY, CANCELLEDDATE, CANCELLEDTIME, REASON) SELECT ?, 0, ?, ?, 'Cancelled online' "
                + "WHERE NOT EXISTS (SELECT 1 FROM dbo.CANCELLEDAPPOINTMENTS WHERE APPOINTMENTID = ?)")) {
            LocalDateTime now = localNow(c);
            insert.setInt(1, aptId);
            insert.setObject(2, now.toLocalDate().atStartOfDay());
            insert.setInt(3, now.toLocalTime().toSecondOfDay());
            insert.setInt(4, aptId);
            insert.executeUpdate();
        }
        return 0;
    }

    /**
     * BP_AddPatient(@titlecode, @firstname, … as {@link BpPatientWrites#ADD_PATIENT} lists them): a new live patient;
     * returns its INTERNALID. Writes with the caller's rights, so a login without INSERT on PATIENTS is refused.
     * The arguments arrive as text (H2 converts a variable argument list to no other object type); the columns
     * convert them back as SQL Server's implicit conversions would.
     */
    public static int addPatient(Connection c, String... args) throws SQLException {
        List<BpPatientWrites.Arg> declared = BpPatientWrites.ADD_PATIENT;
        if (args.length != declared.size()) {
            throw new SQLException("BP_AddPatient takes " + declared.size() + " arguments", "07001");
        }
        StringBuilder columns = new StringBuilder("INTERNALID, RECORDSTATUS, PATIENTSTATUS, USERID, PENSIONCODE, "
                + "CREATED, CREATEDBY");
        StringBuilder marks = new StringBuilder("NEXT VALUE FOR dbo.PATIENTIDS, 1, 1, 0, ?, ?, 0");
        List<Object> values = new ArrayList<>(List.of(argument(args, "@pensioncode", 0), localNow(c)));
        for (int i = 0; i < declared.size(); i++) {
            String column = declared.get(i).column() == null ? null : declared.get(i).column().getName();
            if (column != null) {
                columns.append(", ").append(column);
                marks.append(", ?");
                values.add(args[i]);
            }
        }
        columns.append(", TITLECODE");
        marks.append(", ?");
        values.add(argument(args, "@titlecode", 0));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO dbo.PATIENTS (" + columns + ") VALUES (" + marks + ")",
                new String[] {"INTERNALID"})) {
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    /**
     * BP_UpdatePatient(@patientid, @version, then {@link BpPatientWrites#UPDATE_PATIENT}) [inferred]: updates a live
     * patient whose version (UPDATED, else CREATED) is still @version; returns 1, or 0 when it changed or is gone.
     */
    public static int updatePatient(Connection c, int patientId, java.sql.Timestamp version, String... args)
            throws SQLException {
        List<BpPatientWrites.Arg> declared = BpPatientWrites.UPDATE_PATIENT;
        if (args.length != declared.size()) {
            throw new SQLException("BP_UpdatePatient takes " + (declared.size() + 2) + " arguments", "07001");
        }
        StringBuilder set = new StringBuilder("UPDATED = ?, UPDATEDBY = 0");
        for (BpPatientWrites.Arg a : declared) {
            set.append(", ").append(a.column().getName()).append(" = ?");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE dbo.PATIENTS SET " + set + " WHERE INTERNALID = ? "
                + "AND RECORDSTATUS = 1 AND COALESCE(UPDATED, CREATED) = ?")) {
            int i = 1;
            update.setObject(i++, localNow(c));
            for (Object arg : args) {
                update.setObject(i++, arg);
            }
            update.setInt(i++, patientId);
            update.setTimestamp(i, version);
            return update.executeUpdate();
        }
    }

    /** BP_GetPatientAppointments(@patientid): the patient's upcoming, uncancelled appointments. */
    public static ResultSet getPatientAppointments(Connection c, int patientId) throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT a.RECORDID AS AppointmentID, a.APPOINTMENTDATE AS AppointmentDate, "
                + "a.APPOINTMENTTIME AS AppointmentTime, a.APPOINTMENTLENGTH AS AppointmentLength, a.USERID AS PractitionerID, "
                + DISPLAY_NAME + " AS Provider, a.LOCATIONID AS LocationID, ty.DESCRIPTION AS AppointmentType, "
                + "ac.DESCRIPTION AS Status FROM dbo.APPOINTMENTS a "
                + "JOIN dbo.USERS u ON u.USERID = a.USERID JOIN dbo.TITLES t ON t.TITLECODE = u.TITLECODE "
                + "JOIN dbo.APPOINTMENTCODES ac ON ac.APPOINTMENTCODE = a.APPOINTMENTCODE "
                + "LEFT JOIN dbo.APPOINTMENTTYPES ty ON ty.APPOINTMENTCODE = a.APPOINTMENTTYPE "
                + "WHERE a.INTERNALID = ? AND a.RECORDSTATUS = 1 AND a.APPOINTMENTDATE >= ? AND " + NOT_CANCELLED + " "
                + "ORDER BY a.APPOINTMENTDATE, a.APPOINTMENTTIME");
        s.setInt(1, patientId);
        s.setObject(2, LocalDate.now().atStartOfDay());
        return s.executeQuery();
    }

    /** BP_GetPatientByNameDOB(@firstname, @surname, @dob): live patients matching, names compared without case. */
    public static ResultSet getPatientByNameDob(Connection c, String firstName, String surname, String dob)
            throws SQLException {
        PreparedStatement s = c.prepareStatement("SELECT p.INTERNALID AS InternalID, t.TITLE AS Title, "
                + "p.FIRSTNAME AS Firstname, p.SURNAME AS Surname, p.DOB AS DOB, x.SEX AS Sex, p.MEDICARENO AS MedicareNo, "
                + "p.MOBILEPHONE AS MobilePhone FROM dbo.PATIENTS p JOIN dbo.TITLES t ON t.TITLECODE = p.TITLECODE "
                + "JOIN dbo.SEX x ON x.SEXCODE = p.SEXCODE WHERE p.RECORDSTATUS = 1 AND UPPER(TRIM(p.FIRSTNAME)) = ? "
                + "AND UPPER(TRIM(p.SURNAME)) = ? AND p.DOB = ? ORDER BY p.INTERNALID");
        s.setString(1, firstName == null ? "" : firstName.trim().toUpperCase(Locale.ROOT));
        s.setString(2, surname == null ? "" : surname.trim().toUpperCase(Locale.ROOT));
        s.setObject(3, date(dob).atStartOfDay());
        return s.executeQuery();
    }

    /**
     * Dates arrive as SQL Server integrations send them ('20191204') or as H2 renders a DATE ('2019-12-04 ...').
     * NULL becomes a day with no data: H2 calls the row-returning functions with NULL arguments while preparing a
     * call, to learn their columns.
     */
    static LocalDate date(String value) {
        if (value == null) {
            return LocalDate.EPOCH;
        }
        String v = value.trim();
        return v.length() == 8 && v.chars().allMatch(Character::isDigit)
                ? LocalDate.parse(v, DateTimeFormatter.BASIC_ISO_DATE)
                : LocalDate.parse(v.substring(0, 10));
    }

    /** BP_AddPatient's argument of that name (as {@link BpPatientWrites#ADD_PATIENT} orders them), or {@code otherwise}. */
    private static Object argument(String[] args, String name, Object otherwise) {
        for (int i = 0; i < BpPatientWrites.ADD_PATIENT.size(); i++) {
            if (BpPatientWrites.ADD_PATIENT.get(i).name().equals(name)) {
                return args[i] == null ? otherwise : args[i];
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The database's own clock (the practice server's local time, as Bp stamps rows), not this JVM's. */
    private static LocalDateTime localNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT LOCALTIMESTAMP")) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    private static int requireOne(Connection c, String sql, int id, String what) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("No such " + what + ": " + id, "45000");
                }
                return rs.getInt(1);
            }
        }
    }
}
