package org.halocloud.mappings.bppremier;

import static org.halocloud.mappings.bppremier.BpCatalogue.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSql;
import org.halocloud.mappings.demo.SyntheticAu;

/**
 * Fills the Bp tables with deterministic synthetic rows: one {@link Random} seeded from the site, consumed in a fixed
 * order, and every date relative to {@code today}; so the same seed and day give the same rows. Patients are written
 * one at a time with all their records, in JDBC batches committed every {@link #CHUNK} patients.
 */
final class BpDataGenerator {

    static final int DO_NOT_BOOK_ID = 1;
    static final int CARE_PLAN_ID = 2;
    static final int FIRST_PATIENT_ID = 3;

    private static final int CHUNK = 500;
    private static final int SLOT = 900;                 // 15-minute slots, in seconds as Bp stores them
    private static final int MORNING = 8 * 3600;         // sessions 08:00-12:00 and 13:00-17:00
    private static final int AFTERNOON = 13 * 3600;
    private static final int SLOTS = 32;
    private static final int SURGERY = 1, TELEPHONE = 5, NON_VISIT = 12, TELEHEALTH = 13;
    private static final int BOOKED = 1, WAITING = 2, WITH_DOCTOR = 3, AT_BILLING = 4, INVOICED = 5, PAID = 6, COMPLETED = 7;

    /** A Bp user; {@code days[DAYOFWEEK]} is the location worked that day (0 = not working). */
    record User(int id, int title, String first, String surname, int group, boolean bookable, int location, int[] days) {
        String display() {
            return (title == 5 ? "Dr " : "") + first + " " + surname;
        }
    }

    private final Connection connection;
    private final DemoSite site;
    private final LocalDate today;
    private final Random r;
    private DemoSql.Load load;
    private DemoSql.Rows patients, email, appointments, cancelled, visits, history, reactions, currentRx,
            prescriptions, scriptItems, immunisations, observations, reportValues, clinical, tobacco;

    private final List<User> doctors = new ArrayList<>();
    private User nurse, receptionist, retired;
    private int locationCount;
    private final Set<Long> futureBooked = new HashSet<>(); // keeps future bookings from colliding
    private int appointmentId, visitId, historyId, reactionId, rxId, scriptId, scriptItemId, immunisationId,
            observationId, reportLineId, reportId, emailId, clinicalId, tobaccoId;

    BpDataGenerator(Connection connection, DemoSite site, LocalDate today) {
        this.connection = connection;
        this.site = site;
        this.today = today;
        this.r = new Random(site.seed());
    }

    void generate() throws SQLException {
        try (DemoSql.Load l = new DemoSql.Load(connection)) {
            load = l;
            catalogue();
            practice();
            patientTables();
            pseudoPatientsAndBlocks();
            for (int i = 0; i < site.patients(); i++) {
                patient(FIRST_PATIENT_ID + i);
                if ((i + 1) % CHUNK == 0) {
                    load.commit();
                }
            }
        } finally {
            load = null;
        }
        try (Statement s = connection.createStatement()) {
            // later bookings (BP_AddAppointment*) continue after the generated ids
            s.execute("ALTER TABLE dbo.APPOINTMENTS ALTER COLUMN RECORDID RESTART WITH " + (appointmentId + 1));
        }
    }

    /** The tables written patient by patient, opened after the reference tables they point to. */
    private void patientTables() throws SQLException {
        patients = writer("PATIENTS", "INTERNALID", "RECORDSTATUS", "EXTERNALID", "IHI", "IHISTATUS", "IHIRECORDSTATUS",
                "IHISOURCE", "PATIENTSTATUS", "DATEOFDEATH", "TITLECODE", "FIRSTNAME", "MIDDLENAME", "SURNAME",
                "PREFERREDNAME", "ADDRESS1", "ADDRESS2", "CITY", "POSTCODE", "POSTALADDRESS", "POSTALCITY", "POSTALPOSTCODE",
                "DOB", "SEXCODE", "ETHNICCODE", "HOMEPHONE", "WORKPHONE", "MOBILEPHONE", "MEDICARENO", "MEDICARELINENO",
                "MEDICAREEXPIRY", "PENSIONCODE", "PENSIONNO", "PENSIONEXPIRY", "DVACODE", "DVANO", "RECORDNO",
                "HEALTHFUNDNO", "HEALTHFUNDNAME", "USERID", "CONSENTSMSREMINDER", "CREATED", "CREATEDBY", "COUNTRY",
                "IHIVALIDATED");
        email = writer("EMAIL", "RECORDID", "RECORDSTATUS", "INTERNALID", "EMAILCODE", "EMAIL", "CREATED", "CREATEDBY");
        appointments = writer("APPOINTMENTS", "RECORDID", "INTERNALID", "RECORDSTATUS", "USERID", "LOCATIONID", "VISITID",
                "APPOINTMENTDATE", "APPOINTMENTTIME", "APPOINTMENTLENGTH", "APPOINTMENTCODE", "APPOINTMENTTYPE", "URGENT",
                "REASON", "ARRIVALTIME", "CONSULTATIONTIME", "BOOKEDBY", "CREATED", "CREATEDBY", "VIDEOURL");
        cancelled = writer("CANCELLEDAPPOINTMENTS", "APPOINTMENTID", "CANCELLEDBY", "CANCELLEDDATE", "CANCELLEDTIME", "REASON");
        visits = writer("VISITS", "VISITID", "INTERNALID", "USERID", "RECORDSTATUS", "VISITCODE", "DRNAME", "VISITDATE",
                "RECORDEDDATE", "STARTTIME", "ENDTIME", "DURATION", "LOCATION", "CONFIDENTIAL", "VISITNOTES", "CREATED",
                "CREATEDBY");
        history = writer("PASTHISTORY", "RECORDID", "RECORDSTATUS", "INTERNALID", "USERID", "\"YEAR\"", "\"MONTH\"", "\"DAY\"",
                "ITEMTEXT", "ITEMCODE", "STATUSCODE", "SEVERITYCODE", "ACUTECODE", "SUMMARYCODE", "CREATED", "CREATEDBY");
        reactions = writer("REACTIONS", "RECORDID", "INTERNALID", "USERID", "RECORDSTATUS", "ITEMTYPE", "ITEMCODE",
                "ITEMNAME", "REACTION", "SEVERITY", "CREATED", "CREATEDBY");
        currentRx = writer("CURRENTRX", "RECORDID", "INTERNALID", "RECORDSTATUS", "PRODUCTID", "DRUGNAME", "RXSTATUS",
                "DOSE", "FREQUENCY", "FOOD", "ROUTE", "PRN", "QUANTITY", "PRODUCTUNIT", "REPEATS", "FIRSTDATE", "LASTDATE",
                "INDICATION", "CREATED", "CREATEDBY");
        prescriptions = writer("PRESCRIPTIONS", "SCRIPTID", "INTERNALID", "USERID", "LOCATIONID", "RECORDSTATUS",
                "SCRIPTDATE", "PRINTDATE", "CREATED", "CREATEDBY");
        scriptItems = writer("SCRIPTITEMS", "RECORDID", "SCRIPTID", "RECORDSTATUS", "INTERNALID", "PRODUCTID", "DRUGNAME",
                "DESCRIPTION", "DOSE", "FREQUENCY", "FOOD", "ROUTE", "PRN", "QUANTITY", "PRODUCTUNIT", "REPEATS",
                "CREATED", "CREATEDBY");
        immunisations = writer("IMMUNISATIONS", "RECORDID", "RECORDSTATUS", "INTERNALID", "NOTGIVENHERE", "USERID",
                "ADMINISTEREDBY", "GIVENDATE", "VACCINENAME", "VACCINEID", "BATCHNUMBER", "SEQUENCE", "CONSENTCODE",
                "SITECODE", "ROUTE", "ACIR", "ACIRTRANSMITTED", "CREATED", "CREATEDBY");
        observations = writer("OBSERVATIONS", "RECORDID", "RECORDSTATUS", "INTERNALID", "USERID", "OBSDATE", "OBSTIME",
                "DATANAME", "DATACODE", "DATAVALUE", "MODIFIER", "CREATED", "CREATEDBY");
        reportValues = writer("REPORTVALUES", "RECORDID", "RECORDSTATUS", "INTERNALID", "REPORTID", "REPORTDATE",
                "DATATYPE", "LOINCCODE", "BPCODE", "RESULTNAME", "RESULTVALUE", "UNITS", "\"RANGE\"", "ABNORMALFLAG",
                "CREATED", "CREATEDBY");
        clinical = writer("CLINICAL", "RECORDID", "RECORDSTATUS", "INTERNALID", "KNOWNALLERGIES", "SMOKINGSTATUS",
                "ALCOHOLSTATUS", "CREATED", "CREATEDBY");
        tobacco = writer("TOBACCO", "RECORDID", "RECORDSTATUS", "INTERNALID", "SMOKINGTYPE", "SMOKESPERDAY", "YEARSTARTED",
                "PASTSMOKINGSTATUS", "PASTSMOKESPERDAY", "PASTSTARTED", "PASTSTOPPED", "CREATED", "CREATEDBY");
    }

    // ------------------------------------------------------------------ reference rows

    private void catalogue() throws SQLException {
        DemoSql.Rows vaccines = writer("VACCINES", "VACCINEID", "VACCINENAME", "ACIRCODE", "CHILDHOOD", "GENERIC");
        DemoSql.Rows batches = writer("VACCINEBATCH", "RECORDID", "VACCINEID", "BATCHNUMBER", "CREATED", "CREATEDBY", "EXPIRYDATE");
        DemoSql.Rows snomed = writer("CONDITIONS_SNOMED", "ITEMCODE", "SNOMEDCODE");
        for (Vaccine v : VACCINES) {
            vaccines.add(v.vaccineId(), v.name(), v.acirCode(), v.childhood() ? 1 : 0, v.generic());
            for (int b = 0; b < 2; b++) {
                batches.add(v.vaccineId() * 10 + b, v.vaccineId(), batchNumber(v, b), at(today.minusYears(1)), 0,
                        at(today.plusYears(1)));
            }
        }
        for (Condition c : CONDITIONS) {
            if (c.snomed() != null) {
                snomed.add(c.itemCode(), c.snomed());
            }
        }
    }

    private static String batchNumber(Vaccine v, int b) {
        return v.acirCode().substring(0, 2) + (4711 + 37 * v.vaccineId() + b);
    }

    private void practice() throws SQLException {
        LocalDateTime opened = at(today.minusYears(8));
        locationCount = r.nextInt(3) == 0 ? 1 : 2;
        DemoSql.Rows practice = writer("PRACTICE", "PRACTICEID", "RECORDSTATUS", "PRACTICENAME", "HPIO", "ABN",
                "SERIALNUMBER", "CREATED", "CREATEDBY");
        DemoSql.Rows locations = writer("LOCATIONS", "LOCATIONID", "RECORDSTATUS", "LOCATIONCODE", "LOCATIONNAME",
                "ADDRESS1", "ADDRESS2", "CITY", "POSTCODE", "HPIO", "PHONE", "AHPHONE", "FAX", "EMAIL", "CREATED",
                "CREATEDBY", "ABN");
        DemoSql.Rows users = writer("USERS", "USERID", "RECORDSTATUS", "USERSTATUS", "LOCATIONID", "HPII", "GROUPCODE",
                "TITLECODE", "SURNAME", "FIRSTNAME", "REGISTRATIONNO", "PRESCRIBERNO", "PROVIDERNO", "PHONE",
                "MOBILEPHONE", "EMAIL", "ABN", "INACTIVEDATE", "APPOINTMENTS", "CREATED", "CREATEDBY", "HPIIVALIDATED");
        DemoSql.Rows providerLocations = writer("PROVIDER_LOCATION", "RECORDID", "RECORDSTATUS", "USERID",
                "LOCATIONID", "PROVIDERNUMBER", "CREATED", "CREATEDBY");
        DemoSql.Rows sessions = writer("SESSIONS", "SESSIONID", "RECORDSTATUS", "USERID", "LOCATIONID", "DAYOFWEEK",
                "STARTTIME", "ENDTIME", "LENGTH", "LABEL", "STARTDATE", "ENDDATE", "CREATED", "CREATEDBY");
        String practiceAbn = abn();
        String pmsId = site.pmsId() != null && site.pmsId().length() <= 12 ? site.pmsId() : null;
        practice.add(1, 1, site.practiceName(), AuIdentifiers.hpio(r), practiceAbn, pmsId, opened, 0);
        for (int l = 1; l <= locationCount; l++) {
            Suburb suburb = pick(SUBURBS);
            String name = l == 1 ? site.practiceName() : site.practiceName() + " - " + titleCase(suburb.name());
            locations.add(l, 1, l, name, (10 + r.nextInt(200)) + " " + pick(STREETS), null, suburb.name(),
                    suburb.postcode(), AuIdentifiers.hpio(r), landline(), "(02) 5550 0000", landline(),
                    "reception" + l + "@practice.example.com", opened, 0, practiceAbn);
        }

        int doctorCount = 4 + r.nextInt(3);
        List<User> all = new ArrayList<>();
        for (int i = 0; i < doctorCount; i++) {
            all.add(new User(i + 1, 5, firstName(r.nextBoolean()), pick(SURNAMES), i == 0 ? 1 : i == doctorCount - 1 ? 3 : 2,
                    true, 1, workingDays(i == 0)));
        }
        doctors.addAll(all);
        boolean nurseMale = r.nextInt(8) == 0;
        nurse = new User(doctorCount + 1, nurseMale ? 1 : 3, firstName(nurseMale), pick(SURNAMES), 4, true, 1, workingDays(true));
        receptionist = new User(doctorCount + 2, 3, firstName(false), pick(SURNAMES), 5, false, 1, new int[8]);
        retired = new User(doctorCount + 3, 5, firstName(true), pick(SURNAMES), 2, false, 1, new int[8]);
        all.addAll(List.of(nurse, receptionist, retired));

        int providerLocationId = 0, sessionId = 0;
        for (User u : all) {
            boolean doctor = u.title() == 5;
            String stem = String.format("%06d", 200000 + r.nextInt(700000));
            String hpii = u.group() <= 4 ? AuIdentifiers.hpii(r) : null;
            users.add(u.id(), 1, u == retired ? 2 : 1, u.location(), hpii, u.group(), u.title(), u.surname(), u.first(),
                    u.group() <= 4 ? (doctor ? "MED" : "NMW") + String.format("%010d", r.nextInt(1_000_000_000)) : null,
                    doctor ? String.format("%07d", 1_000_000 + r.nextInt(9_000_000)) : null,
                    doctor ? SyntheticAu.providerNumber(stem, 1) : null, landline(), mobile(),
                    (u.first() + "." + u.surname()).toLowerCase(Locale.ROOT).replace("'", "") + "@practice.example.com",
                    doctor ? abn() : null, u == retired ? at(today.minusDays(400 + r.nextInt(400))) : null,
                    u.bookable() ? 1 : 0, opened, 0, hpii == null ? null : at(today.minusDays(r.nextInt(700))));
            for (int l = 1; l <= locationCount && doctor; l++) {
                providerLocations.add(++providerLocationId, 1, u.id(), l, SyntheticAu.providerNumber(stem, l), opened, 0);
            }
            for (int day = 2; day <= 6; day++) {
                if (u.days()[day] != 0) {
                    sessions.add(++sessionId, 1, u.id(), u.days()[day], day, MORNING, MORNING + 16 * SLOT, SLOT,
                            "Morning", at(today.minusYears(4)), null, opened, 0);
                    sessions.add(++sessionId, 1, u.id(), u.days()[day], day, AFTERNOON, AFTERNOON + 16 * SLOT, SLOT,
                            "Afternoon", at(today.minusYears(4)), null, opened, 0);
                }
            }
        }
    }

    /** Weekdays (DAYOFWEEK 2..6) worked and where: most have a day off, some work one day at the branch. */
    private int[] workingDays(boolean fullTime) {
        int[] days = new int[8];
        int dayOff = fullTime || r.nextInt(3) == 0 ? 0 : 2 + r.nextInt(5);
        int branchDay = locationCount > 1 && r.nextBoolean() ? 2 + r.nextInt(5) : 0;
        for (int day = 2; day <= 6; day++) {
            days[day] = day == dayOff ? 0 : day == branchDay ? 2 : 1;
        }
        return days;
    }

    /** The 'DO NOT BOOK' and 'CARE PLAN' pseudo-patients and the slots practices block with them and with INTERNALID 0. */
    private void pseudoPatientsAndBlocks() throws SQLException {
        LocalDateTime created = at(today.minusYears(8));
        for (int id : new int[] {DO_NOT_BOOK_ID, CARE_PLAN_ID}) {
            patients.add(id, 1, null, null, 0, 0, 0, 1, null, 0, "", null, id == DO_NOT_BOOK_ID ? "DO NOT BOOK" : "CARE PLAN",
                    null, null, null, null, null, null, null, null, null, 0, 0, null, null, null, null, null, null, 0, null,
                    null, 0, null, String.valueOf(id), null, null, 0, 0, created, 0, null, null);
        }
        for (int week = -4; week <= 8; week++) {
            LocalDate monday = today.with(DayOfWeek.MONDAY).plusWeeks(week);
            for (User u : doctors) {
                LocalDate day = monday;
                while (u.days()[dayOfWeek(day)] == 0) {
                    day = day.plusDays(1);
                }
                // a dummy row (no patient) for the weekly meeting, and an afternoon the doctor keeps free
                block(0, u, day, MORNING, 2 * SLOT, "Practice meeting");
                block(DO_NOT_BOOK_ID, u, day, AFTERNOON + 12 * SLOT, 4 * SLOT, "Admin time");
            }
            LocalDate thursday = monday.plusDays(3);
            if (nurse.days()[dayOfWeek(thursday)] != 0) {
                block(CARE_PLAN_ID, nurse, thursday, MORNING + 4 * SLOT, 4 * SLOT, "Care plan clinic");
            }
        }
    }

    private void block(int patientId, User u, LocalDate day, int time, int length, String reason) throws SQLException {
        appointment(patientId, 1, u, day, time, length, BOOKED, 1, reason, 0, 0, 0, null);
        for (int t = time; t < time + length; t += SLOT) {
            futureBooked.add(slotKey(u, day, t));
        }
    }

    // ------------------------------------------------------------------ one patient and their record

    private void patient(int id) throws SQLException {
        int sex = weighted(0, 1, 485, 2, 495, 3, 5, 4, 5, 0, 10);
        boolean male = sex == 1 || (sex != 2 && r.nextBoolean());
        int age = ageOf();
        LocalDate dob = today.minusYears(age).minusDays(r.nextInt(365));
        int recordStatus = r.nextInt(100) == 0 ? 0 : 1;
        LocalDate registered = today.minusDays(r.nextInt(Math.min(age * 365 + 30, 3650)));
        double deceasedChance = age > 75 ? 0.15 : age > 50 ? 0.03 : 0.002;
        LocalDate died = age > 0 && r.nextDouble() < deceasedChance ? latest(registered, today.minusDays(1 + r.nextInt(900))) : null;
        int status = died != null ? 3 : r.nextInt(10) == 0 ? 2 : 1;
        LocalDate lastSeen = died != null ? died : status == 2 ? latest(registered, today.minusDays(200 + r.nextInt(700))) : today;

        String first = firstName(male);
        String surname = pick(SURNAMES);
        int title = age < 16 ? (male ? 6 : 4) : r.nextInt(60) == 0 ? 5 : sex >= 3 ? 8 : male ? 1 : 2 + r.nextInt(3);
        Suburb suburb = pick(SUBURBS);
        boolean poBox = r.nextInt(12) == 0;
        boolean hasIhi = r.nextInt(100) < 85;
        String medicare = r.nextInt(100) < 92 ? AuIdentifiers.medicareCard(r) : null;
        if (medicare != null && r.nextInt(10) == 0) {
            medicare = medicare.substring(0, 4) + " " + medicare.substring(4, 9) + " " + medicare.substring(9); // as typed
        }
        int pension = age >= 66 && r.nextBoolean() ? 1 : r.nextInt(100) < 8 ? 3 + r.nextInt(2) : 0;
        int dva = age >= 60 && r.nextInt(40) == 0 ? 1 + r.nextInt(3) : 0;
        String fund = age >= 18 && r.nextInt(100) < 45 ? pick(HEALTH_FUNDS) : null;
        User usual = r.nextInt(10) == 0 ? retired : pick(doctors);
        LocalDateTime created = at(registered, MORNING + r.nextInt(SLOTS) * SLOT);

        patients.add(id, recordStatus, null, hasIhi ? AuIdentifiers.ihi(r) : null, hasIhi ? (died != null ? 2 : 1) : 0,
                hasIhi ? (r.nextInt(20) == 0 ? 2 : 1) : 0, hasIhi ? 1 : 0, status, died == null ? null : at(died), title,
                first, r.nextInt(10) < 6 ? firstName(male) : null, surname, r.nextInt(20) == 0 ? firstName(male) : null,
                (1 + r.nextInt(180)) + " " + pick(STREETS), r.nextInt(10) == 0 ? "Unit " + (1 + r.nextInt(20)) : null,
                suburb.name(), suburb.postcode(), poBox ? "PO Box " + (100 + r.nextInt(900)) : null,
                poBox ? suburb.name() : null, poBox ? suburb.postcode() : null, at(dob), sex,
                weighted(0, 1, 25, 2, 4, 3, 6, 4, 700, 0, 265), r.nextInt(10) < 3 ? landline() : null,
                age >= 18 && r.nextInt(10) == 0 ? landline() : null, age >= 12 && r.nextInt(100) < 88 ? mobile() : null,
                medicare, medicare == null ? null : String.valueOf(1 + r.nextInt(5)),
                medicare == null ? null : String.format("%02d/%d", 1 + r.nextInt(12), today.getYear() + r.nextInt(5) - (r.nextInt(15) == 0 ? 5 : 0)),
                pension, pension == 0 ? null : String.format("%09d%c", r.nextInt(1_000_000_000), (char) ('A' + r.nextInt(26))),
                pension == 0 ? null : at(today.plusDays(30 + r.nextInt(700))), dva, dva == 0 ? null : AuIdentifiers.dvaNumber(r),
                String.valueOf(id), fund == null ? null : String.format("%08d", r.nextInt(100_000_000)), fund, usual.id(),
                r.nextInt(10) < 7 ? 1 : 0, created, receptionist.id(), "Australia", hasIhi ? created : null);
        if (recordStatus == 0) {
            return; // a merged or deleted record keeps its row but nothing else
        }
        if (age >= 16 && r.nextInt(100) < 60) {
            email.add(++emailId, 1, id, 1, (first + "." + surname + (r.nextInt(90) + 10)).toLowerCase(Locale.ROOT)
                    .replace("'", "") + "@example.com", created, receptionist.id());
        }
        clinicalRecord(id, age, male, dob, usual.bookable() ? usual : pick(doctors), registered, lastSeen, status == 1);
    }

    /** {@code gp} is the patient's current doctor (a patient of the retired doctor is now seen by another). */
    private void clinicalRecord(int id, int age, boolean male, LocalDate dob, User gp, LocalDate registered,
                                LocalDate lastSeen, boolean active) throws SQLException {
        User usual = gp;
        LocalDate from = latest(registered, today.minusYears(3));
        boolean diabetic = false;
        Set<Condition> had = new HashSet<>();
        for (int n = r.nextInt(2 + age / 20); n > 0; n--) {
            Condition c = pickCondition(age);
            if (c != null && had.add(c)) {
                diabetic |= c.itemCode() == 778 || c.itemCode() == 775;
                condition(id, c, age, dob, usual, from, lastSeen);
            }
        }
        if (r.nextInt(10) == 0 && !from.isAfter(lastSeen)) {
            medication(id, AMOXICILLIN, usual, dateBetween(from, lastSeen), false);
        }
        int allergies = r.nextInt(100) < 15 ? 1 + r.nextInt(2) : 0;
        for (int a = 0; a < allergies; a++) {
            Allergen allergen = pick(ALLERGENS);
            reactions.add(++reactionId, id, usual.id(), live(), allergen.itemType(), allergen.itemCode(), allergen.name(),
                    pick(REACTIONS), 1 + r.nextInt(3), at(registered), usual.id());
        }
        int smoking = age < 15 ? r.nextInt(2) : weighted(1, 1, 60, 2, 20, 3, 13, 0, 7);
        clinical.add(++clinicalId, 1, id, allergies > 0 ? 2 : r.nextInt(3) == 0 ? 0 : 1, smoking,
                age < 15 ? 0 : r.nextInt(5), at(registered), usual.id());
        if (smoking >= 2) {
            int started = dob.getYear() + 15 + r.nextInt(6);
            tobacco.add(++tobaccoId, 1, id, "Cigarettes", smoking == 3 ? 5 + r.nextInt(20) : 0, started,
                    smoking == 2 ? 3 : 0, smoking == 2 ? 5 + r.nextInt(20) : 0, smoking == 2 ? started : 0,
                    smoking == 2 ? Math.min(today.getYear(), started + 5 + r.nextInt(20)) : 0, at(registered), usual.id());
        }
        visitsAndAppointments(id, age, male, usual, from, lastSeen, diabetic);
        immunisations(id, age, dob, usual, from, lastSeen);
        if (active) {
            futureAppointments(id, usual);
        }
    }

    private void condition(int id, Condition c, int age, LocalDate dob, User usual, LocalDate from, LocalDate lastSeen)
            throws SQLException {
        int year = Math.min(today.getYear(), dob.getYear() + c.minAge() + r.nextInt(Math.max(1, age - c.minAge() + 1)));
        boolean chronic = c.itemCode() != 0 && c.drug() != null;
        boolean activeCondition = c.ongoing() && r.nextInt(10) < 9;
        int month = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(12);   // 0 = not recorded, as doctors often leave it
        history.add(++historyId, live(), id, usual.id(), year, month, month == 0 ? 0 : 1 + r.nextInt(28), c.text(),
                c.itemCode(), activeCondition ? 1 : 2, r.nextInt(5) == 0 ? 1 + r.nextInt(3) : 0, chronic ? 0 : r.nextInt(2),
                activeCondition ? 1 : 0, at(from), usual.id());
        if (activeCondition && c.drug() != null && r.nextInt(4) != 0 && !from.isAfter(lastSeen)) {
            medication(id, c.drug(), usual, dateBetween(from, lastSeen), true);
        }
    }

    /** A current medication and the scripts written for it. */
    private void medication(int id, Drug d, User doctor, LocalDate first, boolean longTerm) throws SQLException {
        int scripts = longTerm ? 1 + r.nextInt(3) : 1;
        LocalDate last = weekdayBefore(first);
        for (int s = 0; s < scripts; s++) {
            LocalDate next = last.plusDays(60 + r.nextInt(120));
            if (s > 0 && next.isAfter(today)) {
                break;
            }
            last = s == 0 ? last : weekdayBefore(next);
            int script = ++scriptId;
            int status = live();
            LocalDateTime written = at(last, MORNING + r.nextInt(SLOTS) * SLOT);
            prescriptions.add(script, id, doctor.id(), doctor.location(), status, at(last), written, written, doctor.id());
            scriptItems.add(++scriptItemId, script, status, id, d.productId(), d.name(), d.description(), d.dose(),
                    d.frequency(), d.food(), route(d), d.prn(), d.quantity(), d.unit(), d.repeats(), written, doctor.id());
        }
        currentRx.add(++rxId, id, live(), d.productId(), d.name(), longTerm ? 1 : 2, d.dose(), d.frequency(), d.food(),
                route(d), d.prn(), d.quantity(), d.unit(), d.repeats(), at(first), at(last), d.indication(), at(first),
                doctor.id());
    }

    private static int route(Drug d) {
        return d.unit().equals("inhaler") || d.name().contains("inhalation") ? 2 : 1; // PROPOSAL: 1 oral, 2 inhaled
    }

    private void visitsAndAppointments(int id, int age, boolean male, User usual, LocalDate from, LocalDate lastSeen,
                                       boolean diabetic) throws SQLException {
        if (from.isAfter(lastSeen)) {
            return;
        }
        double heightCm = age < 18 ? 75 + 5.8 * age : (male ? 176 : 163) + r.nextGaussian() * 8;
        double weightKg = age < 18 ? 9 + 2.6 * age : heightCm - 100 + r.nextGaussian() * 12;
        int systolic = 108 + age / 2 + r.nextInt(15);
        for (int n = r.nextInt(3 + Math.min(age, 80) / 8); n > 0; n--) {
            LocalDate date = dateBetween(from, lastSeen);
            User doctor = date.isBefore(today.minusYears(2)) && r.nextInt(4) == 0 ? retired
                    : r.nextInt(10) < 7 ? usual : pick(doctors);
            date = doctor.bookable() ? workingDayOnOrBefore(doctor, date) : weekdayBefore(date);
            int time = slotTime(r.nextInt(SLOTS));
            int kind = weighted(SURGERY, SURGERY, 80, TELEHEALTH, 7, TELEPHONE, 6, NON_VISIT, 7);
            if (date.isAfter(today) || date.isBefore(from)) {
                continue;
            }
            int roll = r.nextInt(100);
            if (kind != NON_VISIT && roll < 4) { // did not attend: booked, never arrived, no visit
                appointment(id, 1, doctor, date, time, SLOT, BOOKED, 1, pick(APPOINTMENT_REASONS), 0, 0, 0, null);
                continue;
            }
            if (kind != NON_VISIT && roll < 9) { // cancelled ahead of the day
                int apt = appointment(id, 1, doctor, date, time, SLOT, BOOKED, 1, pick(APPOINTMENT_REASONS), 0, 0, 0, null);
                cancelled.add(apt, receptionist.id(), at(date.minusDays(1 + r.nextInt(5))), MORNING + r.nextInt(30000),
                        pick(List.of("Patient cancelled", "Doctor unavailable", "Rescheduled")));
                continue;
            }
            int duration = 600 + 60 * r.nextInt(15);
            int visit = ++visitId;
            visits.add(visit, id, doctor.id(), live(), kind, doctor.display(), at(date, time), at(date, time + duration),
                    time, time + duration, duration, doctor.location(), r.nextInt(50) == 0 ? 1 : 0, pick(VISIT_NOTES),
                    at(date, time), doctor.id());
            if (kind == SURGERY || kind == TELEHEALTH) {
                int code = date.equals(today) ? todaysStatus(time) : weighted(COMPLETED, COMPLETED, 60, PAID, 30, INVOICED, 10);
                int arrival = code == BOOKED ? 0 : time - 60 * r.nextInt(15);
                int consult = code == BOOKED || code == WAITING ? 0 : time + 60 * r.nextInt(10);
                appointment(id, r.nextInt(100) == 0 ? 0 : 1, doctor, date, time, duration > 900 ? 1800 : SLOT, code,
                        kind == TELEHEALTH ? 4 : duration > 900 ? 2 : 1, pick(APPOINTMENT_REASONS), arrival, consult, visit,
                        kind == TELEHEALTH ? "https://video.example.org/" + Integer.toHexString(r.nextInt()) : null);
            }
            if (kind == SURGERY) {
                vitals(id, age, doctor, date, time, heightCm, weightKg, systolic, diabetic);
            }
            if ((age >= 40 || diabetic) && r.nextInt(4) == 0) {
                pathology(id, date, diabetic);
            }
        }
    }

    private void vitals(int id, int age, User u, LocalDate d, int time, double heightCm, double weightKg, int systolic,
                        boolean diabetic) throws SQLException {
        if (age >= 16 && r.nextInt(10) < 5) {
            int sys = systolic + (int) (r.nextGaussian() * 8);
            observation(id, u, d, time, 3, "Systolic", String.valueOf(sys));
            observation(id, u, d, time, 4, "Diastolic", String.valueOf(sys * 6 / 10 + r.nextInt(10)));
            observation(id, u, d, time, 2, "Pulse", String.valueOf(60 + r.nextInt(35)));
        }
        if (r.nextInt(10) < 3) {
            double weight = weightKg + r.nextGaussian() * 1.5;
            observation(id, u, d, time, 8, "Weight", decimal(weight, 1));
            if (r.nextBoolean()) {
                observation(id, u, d, time, 7, "Height", decimal(heightCm, 0));
                observation(id, u, d, time, 9, "BMI", decimal(weight / Math.pow(heightCm / 100, 2), 1));
            }
        }
        if (r.nextInt(10) == 0) {
            observation(id, u, d, time, 1, "Temperature", decimal(36.3 + r.nextDouble() * 1.4, 1));
        }
        if (diabetic && r.nextInt(3) == 0) {
            observation(id, u, d, time, 6, "BSL", decimal(5.5 + r.nextDouble() * 5, 1));
        }
    }

    private void observation(int id, User u, LocalDate d, int time, int code, String name, String value) throws SQLException {
        observations.add(++observationId, live(), id, u.id(), at(d), time, name, code, value, 0, at(d, time), u.id());
    }

    private void pathology(int id, LocalDate visit, boolean diabetic) throws SQLException {
        LocalDate reported = visit.plusDays(2 + r.nextInt(5));
        if (reported.isAfter(today)) {
            return;
        }
        int report = ++reportId;
        List<LabTest> tests = new ArrayList<>(LIPIDS);
        tests.addAll(KIDNEY);
        if (diabetic) {
            tests.add(HBA1C);
        }
        for (LabTest t : tests) {
            double value = Math.max(0.1, t.mean() + r.nextGaussian() * t.spread());
            reportValues.add(++reportLineId, 1, id, report, at(reported), "NM", t.loinc(), t.bpCode(), t.name(),
                    decimal(value, t.decimals()), t.units(), t.range(), value > t.high() ? "H" : null, at(reported), 0);
        }
    }

    private void immunisations(int id, int age, LocalDate dob, User usual, LocalDate from, LocalDate lastSeen)
            throws SQLException {
        if (age < 2) {
            for (int dose = 1; dose <= 3; dose++) {
                vaccination(id, INFANRIX_HEXA, dose, dob.plusMonths(2L * dose), usual, from, lastSeen);
            }
            vaccination(id, PREVENAR_13, 1, dob.plusMonths(2), usual, from, lastSeen);
            vaccination(id, PRIORIX, 1, dob.plusMonths(12), usual, from, lastSeen);
        }
        if (age >= 12 && age <= 15 && r.nextBoolean()) {
            vaccination(id, GARDASIL_9, 1, dob.plusYears(12).plusMonths(r.nextInt(12)), usual, from, lastSeen);
        }
        for (int season = 0; season < 3; season++) {
            if (r.nextInt(100) < (age >= 65 ? 70 : 25)) {
                vaccination(id, FLU, 1, LocalDate.of(today.getYear() - season, 4, 1).plusDays(r.nextInt(60)), usual, from, lastSeen);
            }
        }
        if (age >= 18 && r.nextInt(10) < 3) {
            vaccination(id, COMIRNATY, 1 + r.nextInt(4), dateBetween(from, lastSeen), usual, from, lastSeen);
        }
        if (age >= 18 && r.nextInt(10) == 0) {
            vaccination(id, BOOSTRIX, 1, dateBetween(from, lastSeen), usual, from, lastSeen);
        }
        if (age >= 65 && r.nextInt(4) == 0) {
            LocalDate first = dateBetween(from, lastSeen);
            vaccination(id, SHINGRIX, 1, first, usual, from, lastSeen);
            vaccination(id, SHINGRIX, 2, first.plusMonths(2 + r.nextInt(4)), usual, from, lastSeen);
        }
    }

    private void vaccination(int id, Vaccine v, int dose, LocalDate date, User usual, LocalDate from, LocalDate lastSeen)
            throws SQLException {
        boolean elsewhere = r.nextInt(100) < 15;
        if (date.isBefore(from) || date.isAfter(lastSeen)) {
            return;
        }
        date = weekdayBefore(date);
        User giver = r.nextInt(10) < 7 ? nurse : usual;
        immunisations.add(++immunisationId, live(), id, elsewhere ? 1 : 0, usual.id(), elsewhere ? 0 : giver.id(), at(date),
                v.name(), v.vaccineId(), elsewhere ? null : batchNumber(v, r.nextInt(2)), dose, 1,
                v.childhood() && v != GARDASIL_9 ? 3 + r.nextInt(2) : 1 + r.nextInt(2), 1, elsewhere ? 0 : 1,
                elsewhere ? null : at(date.plusDays(1)), at(date, MORNING + r.nextInt(SLOTS) * SLOT), giver.id());
    }

    /** Up to two bookings in the next eight weeks, some cancelled since. */
    private void futureAppointments(int id, User usual) throws SQLException {
        for (int n = weighted(0, 0, 55, 1, 35, 2, 10); n > 0; n--) {
            User doctor = r.nextInt(10) < 7 ? usual : pick(doctors);
            LocalDate date = workingDayOnOrAfter(doctor, today.plusDays(r.nextInt(57)));
            for (int attempt = 0; attempt < 6; attempt++) {
                int time = slotTime(r.nextInt(SLOTS));
                if (futureBooked.add(slotKey(doctor, date, time))) {
                    boolean online = r.nextInt(5) == 0;
                    int code = date.equals(today) ? todaysStatus(time) : BOOKED;
                    int apt = appointment(id, 1, doctor, date, time, SLOT, code, online ? 8 : r.nextInt(8) == 0 ? 4 : 1,
                            pick(APPOINTMENT_REASONS), code == BOOKED ? 0 : time - 300, code >= WITH_DOCTOR ? time : 0, 0, null);
                    if (code == BOOKED && r.nextInt(12) == 0) {
                        cancelled.add(apt, receptionist.id(), at(today), MORNING + r.nextInt(30000), "Patient cancelled");
                        futureBooked.remove(slotKey(doctor, date, time));
                    }
                    break;
                }
            }
        }
    }

    /** The day's book as of the demo: morning seen, late morning in progress, afternoon still to come. */
    private int todaysStatus(int time) {
        return time < MORNING + 8 * SLOT ? COMPLETED : time < AFTERNOON ? pick(List.of(WAITING, WITH_DOCTOR, AT_BILLING)) : BOOKED;
    }

    private int appointment(int patientId, int recordStatus, User u, LocalDate date, int time, int length, int code,
                            int type, String reason, int arrival, int consult, int visit, String videoUrl) throws SQLException {
        int id = ++appointmentId;
        LocalDate bookedOn = date.minusDays(r.nextInt(21));
        appointments.add(id, patientId, recordStatus, u.id(), u.days()[dayOfWeek(date)] == 0 ? u.location() : u.days()[dayOfWeek(date)],
                visit, at(date), time, length, code, type, r.nextInt(40) == 0 ? 1 : 0, reason, arrival, consult,
                receptionist.id(), at(bookedOn.isAfter(today) ? today : bookedOn, MORNING + r.nextInt(30000)),
                receptionist.id(), videoUrl);
        return id;
    }

    // ------------------------------------------------------------------ small helpers

    /** A batched insert into a dbo table; rows are sent parents first, as the tables were opened. */
    private DemoSql.Rows writer(String table, String... columns) throws SQLException {
        return load.into(connection, "dbo." + table, String.join(", ", columns));
    }

    /** Clinical rows are occasionally deleted in Bp, which keeps them with RECORDSTATUS 0. */
    private int live() {
        return r.nextInt(50) == 0 ? 0 : 1;
    }

    private int ageOf() {
        int band = r.nextInt(100);
        return band < 6 ? r.nextInt(5) : band < 20 ? 5 + r.nextInt(13) : band < 75 ? 18 + r.nextInt(47) : 65 + r.nextInt(31);
    }

    private Condition pickCondition(int age) {
        int total = 0;
        for (Condition c : CONDITIONS) {
            total += c.minAge() <= age ? c.weight() : 0;
        }
        int roll = r.nextInt(Math.max(total, 1));
        for (Condition c : CONDITIONS) {
            if (c.minAge() <= age && (roll -= c.weight()) < 0) {
                return c;
            }
        }
        return null;
    }

    /** {@code weighted(default, value1, weight1, value2, weight2, ...)}: weights are relative. */
    private int weighted(int fallback, int... valueWeightPairs) {
        int total = 0;
        for (int i = 1; i < valueWeightPairs.length; i += 2) {
            total += valueWeightPairs[i];
        }
        int roll = r.nextInt(total);
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            if ((roll -= valueWeightPairs[i + 1]) < 0) {
                return valueWeightPairs[i];
            }
        }
        return fallback;
    }

    private <T> T pick(List<T> values) {
        return SyntheticAu.pick(r, values);
    }

    private String firstName(boolean male) {
        return pick(male ? MALE_NAMES : FEMALE_NAMES);
    }

    /** Numbers in ranges kept for fiction: mobiles 0491 57x xxx, landlines (02) 5550 xxxx. */
    /** Only ACMA's numbers reserved for fiction: never a number someone could own. */
    private String mobile() {
        return SyntheticAu.mobile(r);
    }

    private String landline() {
        return SyntheticAu.landline(r, "NSW");
    }

    /** A check-digit-valid ABN, spaced as Bp's char(14) column holds it ({@code 51 824 753 556}). */
    private String abn() {
        while (true) {
            String abn = (1 + r.nextInt(9)) + SyntheticAu.digits(r, 10);
            if (SyntheticAu.isValidAbn(abn)) {
                return abn.substring(0, 2) + " " + abn.substring(2, 5) + " " + abn.substring(5, 8) + " "
                        + abn.substring(8);
            }
        }
    }

    private static String titleCase(String s) {
        return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static int slotTime(int slot) {
        return slot < 16 ? MORNING + slot * SLOT : AFTERNOON + (slot - 16) * SLOT;
    }

    private static long slotKey(User u, LocalDate date, int time) {
        return ((long) u.id() << 40) | (date.toEpochDay() << 17) | time;
    }

    /** Bp's DAYOFWEEK: 1 = Sunday .. 7 = Saturday. */
    static int dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    private LocalDate dateBetween(LocalDate from, LocalDate to) {
        long span = Math.max(0, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(span == 0 ? 0 : r.nextInt((int) span + 1));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate weekdayBefore(LocalDate d) {
        int dow = dayOfWeek(d);
        return dow == 1 ? d.minusDays(2) : dow == 7 ? d.minusDays(1) : d;
    }

    private static LocalDate workingDayOnOrBefore(User u, LocalDate d) {
        while (u.days()[dayOfWeek(d)] == 0) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static LocalDate workingDayOnOrAfter(User u, LocalDate d) {
        while (u.days()[dayOfWeek(d)] == 0) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDateTime at(LocalDate date) {
        return date.atStartOfDay();
    }

    private static LocalDateTime at(LocalDate date, int secondsSinceMidnight) {
        return date.atStartOfDay().plusSeconds(secondsSinceMidnight);
    }
}
