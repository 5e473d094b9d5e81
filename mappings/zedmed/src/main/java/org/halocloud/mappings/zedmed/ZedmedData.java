package org.halocloud.mappings.zedmed;

import static org.halocloud.mappings.demo.SyntheticAu.chance;
import static org.halocloud.mappings.demo.SyntheticAu.digits;
import static org.halocloud.mappings.demo.SyntheticAu.pick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoBook;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSql;
import org.halocloud.mappings.demo.SyntheticAu;

/** Generates the rows of one Zedmed practice, patient by patient (nothing accumulates in memory). */
final class ZedmedData {

    private record Med(String name, String amt, String pbs, String strength, String form, String dose, int qty,
                       boolean longTerm) {
    }

    /** kind: C chronic, A acute (resolves), H past surgical history. */
    private record Condition(String description, String snomed, String icpc2, int minAge, char kind, Med med) {
    }

    private record Allergen(String agent, String snomed, String reaction, char type) {
    }

    private record Vaccine(String name, String air, String amt, int minAge, int maxAge, int doses) {
    }

    private record Doctor(String code, int[] branchOnWeekday, boolean active) {
    }

    private static final Med PERINDOPRIL = new Med("Perindopril arginine", null, null, "5 mg", "tablet",
            "1 tablet daily", 30, true);
    private static final Med PERINDOPRIL_AMLODIPINE = new Med("Perindopril arginine + amlodipine", null, "13382H",
            null, "tablet", "1 tablet in the morning", 30, true);
    private static final Med BISOPROLOL = new Med("Bisoprolol fumarate", "23281011000036106", null, "2.5 mg",
            "tablet", "1 tablet daily", 28, true);
    private static final Med[] ANTIHYPERTENSIVES = {PERINDOPRIL, PERINDOPRIL_AMLODIPINE, BISOPROLOL};

    private static final List<Condition> CONDITIONS = List.of(
        new Condition("Hypertension", "59621000", "K86", 30, 'C', null),
        new Condition("Type 2 diabetes mellitus", "44054006", "T90", 30, 'C',
            new Med("Metformin hydrochloride", null, null, "500 mg", "tablet", "1 tablet twice daily with meals", 100, true)),
        new Condition("Asthma", "195967001", "R96", 3, 'C',
            new Med("Salbutamol", null, null, "100 microgram/dose", "inhaler", "2 puffs when required", 1, true)),
        new Condition("Hypercholesterolaemia", "13644009", "T93", 30, 'C',
            new Med("Simvastatin", "23525011000036109", null, "40 mg", "tablet", "1 tablet at night", 30, true)),
        new Condition("Gastro-oesophageal reflux disease", "235595009", "D84", 18, 'C',
            new Med("Pantoprazole", null, null, "40 mg", "tablet", "1 tablet daily before breakfast", 30, true)),
        new Condition("Depression", "35489007", "P76", 14, 'C',
            new Med("Sertraline", null, null, "50 mg", "tablet", "1 tablet daily", 30, true)),
        new Condition("Anxiety disorder", "197480006", "P74", 14, 'C', null),
        new Condition("Osteoarthritis", "396275006", "L91", 45, 'C',
            new Med("Paracetamol + codeine phosphate hemihydrate", "79115011000036100", null, "500 mg/30 mg", "tablet",
                "1-2 tablets every 4-6 hours when required (max 8 a day)", 20, false)),
        new Condition("Hypothyroidism", "40930008", "T86", 20, 'C',
            new Med("Levothyroxine sodium", null, null, "50 microgram", "tablet", "1 tablet daily", 200, true)),
        new Condition("Atrial fibrillation", "49436004", "K78", 50, 'C',
            new Med("Apixaban", null, null, "5 mg", "tablet", "1 tablet twice daily", 60, true)),
        new Condition("Chronic obstructive pulmonary disease", "13645005", "R95", 45, 'C',
            new Med("Tiotropium", null, null, "18 microgram", "inhalation capsule", "inhale 1 capsule daily", 30, true)),
        new Condition("Migraine", "37796009", "N89", 12, 'C',
            new Med("Sumatriptan", null, null, "50 mg", "tablet", "1 tablet at onset, may repeat after 2 hours", 4, false)),
        new Condition("Chronic kidney disease", "709044004", "U99", 50, 'C', null),
        new Condition("Osteoporosis", "64859006", "L95", 50, 'C',
            new Med("Alendronate", null, null, "70 mg", "tablet", "1 tablet weekly", 4, true)),
        new Condition("Atopic dermatitis", "24079001", "S87", 0, 'C',
            new Med("Mometasone furoate", null, null, "0.1%", "cream", "apply thinly once daily", 1, false)),
        new Condition("Gout", "90560007", "T92", 30, 'C',
            new Med("Allopurinol", null, null, "300 mg", "tablet", "1 tablet daily", 60, true)),
        new Condition("Obesity", "414916001", "T82", 18, 'C', null),
        new Condition("Obstructive sleep apnoea", "78275009", "P06", 30, 'C', null),
        new Condition("Upper respiratory tract infection", "54150009", "R74", 0, 'A', null),
        new Condition("Urinary tract infection", "68566005", "U71", 5, 'A',
            new Med("Trimethoprim", null, null, "300 mg", "tablet", "1 tablet at night for 3 days", 3, false)),
        new Condition("Acute otitis media", "3110003", "H71", 0, 'A',
            new Med("Amoxicillin", null, null, "500 mg", "capsule", "1 capsule three times daily for 5 days", 15, false)),
        new Condition("Appendicectomy", "80146002", null, 5, 'H', null),
        new Condition("Tonsillectomy", "173422009", null, 3, 'H', null),
        new Condition("Cholecystectomy", "38102005", null, 25, 'H', null));

    private static final List<Allergen> ALLERGENS = List.of(
        new Allergen("Penicillin", "764146007", "Urticaria", 'A'),
        new Allergen("Amoxicillin", "372687004", "Rash", 'A'),
        new Allergen("Sulfonamide", "387406002", "Rash", 'A'),
        new Allergen("Codeine", "387494007", "Nausea and vomiting", 'I'),
        new Allergen("Aspirin", "387458008", "Wheeze", 'A'),
        new Allergen("Ibuprofen", "387207008", "Gastric upset", 'I'),
        new Allergen("Morphine", "373529000", "Pruritus", 'I'),
        new Allergen("Peanut", "762952008", "Anaphylaxis", 'A'),
        new Allergen("Latex", "111088007", "Contact dermatitis", 'A'),
        new Allergen("Bee venom", "288328004", "Anaphylaxis", 'A'),
        new Allergen("Egg", "102263004", "Urticaria", 'A'));
    private static final Allergen NIL_KNOWN = new Allergen("Nil known allergies", "716186003", null, 'A');

    /** AIR and AMT codes only where they appear in AU Core examples; the rest are recorded by name only. */
    private static final List<Vaccine> VACCINES = List.of(
        new Vaccine("Comirnaty", "COMIRN", "1525011000168107", 12, 200, 3),
        new Vaccine("Fluquadri", "FQUAD", null, 0, 200, 2),
        new Vaccine("Engerix-B Paediatric", "ENGP", null, 0, 15, 3),
        new Vaccine("Boostrix", null, null, 11, 200, 1),
        new Vaccine("Shingrix", null, null, 65, 200, 2));

    private static final String[] REASONS = {"Review of results", "Medication review", "Repeat prescription",
        "Cough and cold symptoms", "Skin check", "Back pain", "Chronic disease review", "Referral", "Follow-up",
        "Sore throat", "Vaccination", "Blood pressure check", "Mental health review", "Travel advice"};
    private static final String[] CANCEL_REASONS = {"Patient unwell", "Patient request", "Doctor unavailable",
        "Booked in error", "Rescheduled"};
    private static final String[] SITES = {"Left deltoid", "Right deltoid", "Left thigh", "Right thigh"};
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final String[] RECEPTION = {"RECEP1", "RECEP2", "RECEP3"};

    /** The appointment book grid: 15-minute slots from 08:00; sessions 08:30-12:30 and 13:30-17:30. */
    private static final int SLOTS = 40;
    private static final int PAST_DAYS = 365;
    private static final int FUTURE_DAYS = 42;

    private final Connection admin;
    private final Connection clinical;
    private final DemoSite site;
    private final LocalDate today;
    private final List<Doctor> doctors = new ArrayList<>();
    private final DemoBook book = new DemoBook(PAST_DAYS, FUTURE_DAYS, SLOTS);
    private String state;
    private long apptId;
    private long consultId;
    private long problemId;
    private long allergyId;
    private long medId;
    private long scriptId;
    private long immId;
    private long measId;
    private int lastAdultId;
    private String lastAdultFamily;

    private DemoSql.Rows patients;
    private DemoSql.Rows appointments;
    private DemoSql.Rows consults;
    private DemoSql.Rows measurements;
    private DemoSql.Rows problems;
    private DemoSql.Rows allergies;
    private DemoSql.Rows meds;
    private DemoSql.Rows scripts;
    private DemoSql.Rows immunisations;
    private DemoSql.Rows socialHistory;

    ZedmedData(Connection admin, Connection clinical, DemoSite site, LocalDate today) {
        this.admin = admin;
        this.clinical = clinical;
        this.site = site;
        this.today = today;
    }

    void load() throws SQLException {
        try (DemoSql.Load load = new DemoSql.Load(admin, clinical)) {
            practice(load, new Random(site.seed()));
            patients = load.into(admin, "PATIENT", "PATIENT_ID, CHART_NO, TITLE, GIVEN_NAME, MIDDLE_NAME, FAMILY_NAME,"
                    + " PREFERRED_NAME, DOB, SEX, ADDR_LINE1, ADDR_LINE2, SUBURB, STATE, POSTCODE, HOME_PHONE,"
                    + " WORK_PHONE, MOBILE_PHONE, EMAIL, MEDICARE_NO, MEDICARE_IRN, MEDICARE_EXPIRY, DVA_NO,"
                    + " DVA_CARD_TYPE, CONCESSION_NO, CONCESSION_TYPE, IHI, IHI_STATUS, IHI_RECORD_STATUS,"
                    + " INDIGENOUS_STATUS, USUAL_DR_CODE, ACCOUNT_HOLDER_ID, DECEASED_DATE, IS_ACTIVE, CREATED_AT,"
                    + " UPDATED_AT");
            appointments = load.into(admin, "APPOINTMENT", "APPT_ID, PATIENT_ID, DR_CODE, BRANCH_ID, APPT_DATE,"
                    + " START_TIME, DURATION_MIN, APPT_TYPE_ID, STATUS, ARRIVED_AT, SEEN_AT, REASON, NOTE, SOURCE,"
                    + " CANCEL_REASON, CREATED_AT, CREATED_BY, UPDATED_AT");
            consults = load.into(clinical, "CONSULT", "CONSULT_ID, PATIENT_ID, DR_CODE, BRANCH_ID, APPT_ID,"
                    + " CONSULT_START, CONSULT_END, CONSULT_TYPE, REASON, NOTES");
            measurements = load.into(clinical, "MEASUREMENT", "MEAS_ID, PATIENT_ID, CONSULT_ID, MEAS_TYPE, VALUE1,"
                    + " VALUE2, UNITS, TAKEN_AT");
            problems = load.into(clinical, "PROBLEM", "PROBLEM_ID, PATIENT_ID, DESCRIPTION, SNOMED_ID, ICPC2,"
                    + " ONSET_DATE, RESOLVED_DATE, IS_ACTIVE, IS_PAST_HISTORY, CONSULT_ID, RECORDED_AT, DELETED");
            allergies = load.into(clinical, "ALLERGY", "ALLERGY_ID, PATIENT_ID, AGENT, AGENT_SNOMED, REACTION,"
                    + " SEVERITY, ALLERGY_TYPE, IS_ACTIVE, RECORDED_AT, DELETED");
            meds = load.into(clinical, "CURRENT_MED", "MED_ID, PATIENT_ID, DRUG_NAME, AMT_CODE, PBS_CODE, STRENGTH,"
                    + " FORM, DOSE_TEXT, LONG_TERM, START_DATE, CEASED_DATE, CEASED_REASON, PRESCRIBER_DR_CODE,"
                    + " DELETED");
            scripts = load.into(clinical, "SCRIPT", "SCRIPT_ID, MED_ID, PATIENT_ID, DR_CODE, SCRIPT_DATE, QUANTITY,"
                    + " REPEATS, PBS_TYPE, ETP_TOKEN, STATUS");
            immunisations = load.into(clinical, "IMMUNISATION", "IMM_ID, PATIENT_ID, VACCINE_NAME, AIR_CODE,"
                    + " AMT_CODE, BATCH_NO, DOSE_NO, GIVEN_DATE, SITE, ROUTE, GIVEN_ELSEWHERE, AIR_SENT_AT, DR_CODE");
            socialHistory = load.into(clinical, "SOCIAL_HX", "PATIENT_ID, SMOKING, SMOKING_UPDATED, ALCOHOL");
            load.eachPatient(site, this::patient);
        }
    }

    // ---- practice: branches, doctors, schedules ----

    private void practice(DemoSql.Load load, Random r) throws SQLException {
        state = SyntheticAu.state(r);
        String abn = SyntheticAu.abn(r);
        DemoSql.Rows branches = load.into(admin, "BRANCH", "BRANCH_ID, BRANCH_NAME, ADDR_LINE1, ADDR_LINE2, SUBURB,"
                + " STATE, POSTCODE, PHONE, HPIO, ABN, DELETED");
        for (int b = 1; b <= 3; b++) {
            SyntheticAu.Address a = SyntheticAu.address(r, state);
            String name = b == 1 ? site.practiceName() : site.practiceName() + " " + a.suburb();
            branches.add(b, name, a.line1(), a.line2(), a.suburb(), a.state(), a.postcode(),
                    SyntheticAu.landline(r, a.state()), AuIdentifiers.hpio(r), abn, b == 3 ? 1 : 0);
        }
        DemoSql.Rows doctorRows = load.into(admin, "DOCTOR", "DR_CODE, TITLE, GIVEN_NAME, FAMILY_NAME, SEX, HPII,"
                + " PRESCRIBER_NO, AHPRA_NO, ABN, SPECIALTY, IS_ACTIVE");
        DemoSql.Rows doctorBranches = load.into(admin, "DOCTOR_BRANCH", "DR_CODE, BRANCH_ID, PROVIDER_NO");
        DemoSql.Rows schedules = load.into(admin, "DR_SCHEDULE", "SCHEDULE_ID, DR_CODE, BRANCH_ID, WEEKDAY,"
                + " START_TIME, END_TIME, SLOT_MINUTES, ACTIVITY_TYPE_ID, EFFECTIVE_FROM, EFFECTIVE_TO");
        int active = 3 + site.patients() / 1000;
        int scheduleId = 0;
        for (int i = 0; i <= active; i++) {
            boolean isActive = i < active; // the last one has left the practice
            char sex = r.nextBoolean() ? 'F' : 'M';
            String given = SyntheticAu.givenName(r, sex);
            String family = SyntheticAu.familyName(r);
            String code = String.format("%c%c%02d", given.charAt(0), family.charAt(0), i + 1);
            doctorRows.add(code, "Dr", given, family, String.valueOf(sex), AuIdentifiers.hpii(r), digits(r, 7),
                    SyntheticAu.ahpra(r, "MED"), SyntheticAu.abn(r),
                    i == 1 ? "General Practice Registrar" : "General Practice", isActive ? 1 : 0);
            String stem = digits(r, 6);
            int[] branchOnWeekday = new int[8];
            for (int b = 1; b <= (i % 2 == 1 ? 2 : 1); b++) {
                doctorBranches.add(code, b, SyntheticAu.providerNumber(stem, b));
            }
            if (isActive) {
                for (int day = 1; day <= 5; day++) {
                    int branch = i % 2 == 1 && day == 3 ? 2 : 1;
                    branchOnWeekday[day] = branch;
                    schedules.add(++scheduleId, code, branch, day, LocalTime.of(8, 30), LocalTime.of(12, 30), 15, 1,
                            today.minusYears(3), null);
                    schedules.add(++scheduleId, code, branch, day, LocalTime.of(12, 30), LocalTime.of(13, 30), 60, 4,
                            today.minusYears(3), null);
                    schedules.add(++scheduleId, code, branch, day, LocalTime.of(13, 30), LocalTime.of(17, 30), 15, 1,
                            today.minusYears(3), null);
                }
                if (i == 0) {
                    branchOnWeekday[6] = 1;
                    schedules.add(++scheduleId, code, 1, 6, LocalTime.of(9, 0), LocalTime.of(12, 0), 15, 1,
                            today.minusYears(1), null);
                }
            } else {
                schedules.add(++scheduleId, code, 1, 2, LocalTime.of(8, 30), LocalTime.of(17, 30), 15, 1,
                        today.minusYears(4), today.minusYears(1));
            }
            doctors.add(new Doctor(code, branchOnWeekday, isActive));
        }
    }

    private static boolean bookable(int weekday, int slot) {
        return weekday == 6 ? slot >= 4 && slot <= 15 : slot >= 2 && slot <= 17 || slot >= 22 && slot <= 37;
    }

    // ---- patients ----

    private void patient(int id, Random r) throws SQLException {
        char sex = SyntheticAu.sex(r);
        LocalDate dob = SyntheticAu.birthDate(r, today);
        int age = Period.between(dob, today).getYears();
        boolean minor = age < 18;
        Integer accountHolder = minor && lastAdultId > 0 && chance(r, 0.7) ? lastAdultId : null;
        String family = accountHolder != null ? lastAdultFamily : SyntheticAu.familyName(r);
        String given = SyntheticAu.givenName(r, sex);
        String middle = chance(r, 0.6) ? SyntheticAu.middleName(r, sex, given) : null;
        SyntheticAu.Address a = SyntheticAu.address(r, state);
        boolean deceased = age >= 60 && chance(r, 0.03);
        LocalDate deceasedDate = deceased ? today.minusDays(1 + r.nextInt(700)) : null;
        boolean active = !deceased && !chance(r, 0.05);
        String medicare = chance(r, 0.92) ? AuIdentifiers.medicareCard(r) : null;
        boolean dva = age >= 70 && chance(r, 0.05);
        String concession = age >= 66 && chance(r, 0.6) ? "PEN" : chance(r, 0.1) ? "HCC" : null;
        String ihi = chance(r, 0.9) ? AuIdentifiers.ihi(r) : null;
        Doctor usual = pick(r, doctors);
        LocalDateTime created = today.minusDays(r.nextInt(3650)).atTime(8 + r.nextInt(9), r.nextInt(60));
        if (created.toLocalDate().isBefore(dob)) {
            created = dob.plusDays(7).atTime(10, 0);
        }
        LocalDateTime updated = created.plusDays(r.nextInt(400));
        updated = updated.toLocalDate().isAfter(today) ? created : updated;
        patients.add(id, String.valueOf(100000 + id), SyntheticAu.title(r, sex, age), given, middle, family,
                chance(r, 0.04) ? middle : null, dob, String.valueOf(sex), a.line1(), a.line2(), a.suburb(),
                a.state(), a.postcode(),
                chance(r, 0.3) ? SyntheticAu.landline(r, a.state()) : null,
                !minor && chance(r, 0.1) ? SyntheticAu.landline(r, a.state()) : null,
                age >= 12 && chance(r, 0.85) ? SyntheticAu.mobile(r) : null,
                !minor && chance(r, 0.6) ? SyntheticAu.email(r, given, family) : null,
                medicare, medicare == null ? null : String.valueOf(1 + r.nextInt(minor ? 5 : 2)),
                medicare == null ? null : today.plusMonths(r.nextInt(60) - 3).format(MONTH_YEAR),
                dva ? AuIdentifiers.dvaNumber(r) : null, dva ? (r.nextBoolean() ? "G" : "W") : null,
                concession == null ? null : digits(r, 9) + (char) ('A' + r.nextInt(26)), concession,
                ihi, ihi == null ? null : deceased ? "D" : "A",
                ihi == null ? null : pick(r, new String[] {"V", "V", "V", "V", "U", "P"}),
                pick(r, new Integer[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9, 1, 2, 3}),
                usual.code(), accountHolder, deceasedDate, active ? 1 : 0, created, updated);
        if (!minor) {
            lastAdultId = id;
            lastAdultFamily = family;
        }

        Profile p = new Profile(id, age, dob, usual, dva, r);
        clinicalHistory(p);
        int from = Math.max(-PAST_DAYS, (int) (created.toLocalDate().toEpochDay() - today.toEpochDay()));
        int to = active ? FUTURE_DAYS : deceased ? (int) (deceasedDate.toEpochDay() - today.toEpochDay()) - 1 : -120;
        int past = active ? r.nextInt(age >= 65 ? 9 : 6) : r.nextInt(3);
        for (int i = 0; i < past; i++) {
            appointment(p, from + r.nextInt(Math.max(1, Math.min(to, 0) - from)), to);
        }
        if (active && chance(r, 0.3)) {
            appointment(p, 1 + r.nextInt(FUTURE_DAYS - 7), to);
        }
        if (active && chance(r, 0.1)) {
            appointment(p, 0, to);
        }
    }

    /** What later rows of one patient need to know. */
    private record Profile(int id, int age, LocalDate dob, Doctor usual, boolean dva, Random r) {
    }

    // ---- appointments and consults ----

    private void appointment(Profile p, int offset, int lastOffset) throws SQLException {
        Random r = p.r();
        Doctor d = p.usual().active() && chance(r, 0.75) ? p.usual() : pick(r, doctors.subList(0, doctors.size() - 1));
        while (offset <= lastOffset && d.branchOnWeekday()[today.plusDays(offset).getDayOfWeek().getValue()] == 0) {
            offset++;
        }
        if (offset > lastOffset || offset < -PAST_DAYS || offset > FUTURE_DAYS) {
            return;
        }
        LocalDate date = today.plusDays(offset);
        int weekday = date.getDayOfWeek().getValue();
        int type = pick(r, new Integer[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4, 5, 5, 6, p.age() >= 75 ? 3 : 7});
        int minutes = type == 2 || type == 3 || type == 6 || type == 7 ? 30 : 15;
        int slots = minutes / 15;
        int doctorIndex = doctors.indexOf(d);
        int slot = book.freeSlot(r, doctorIndex, offset, weekday, slots, ZedmedData::bookable);
        if (slot < 0) {
            return;
        }
        String status = status(r, offset, slot);
        if (!status.equals("CX")) { // a cancelled appointment frees its slot
            book.take(doctorIndex, offset, slot, slots);
        }
        LocalDateTime startAt = date.atTime(LocalTime.of(8, 0).plusMinutes(15L * slot));
        boolean arrived = status.equals("AR") || status.equals("IC") || status.equals("CO");
        boolean seen = status.equals("IC") || status.equals("CO");
        LocalDateTime arrivedAt = arrived ? startAt.minusMinutes(r.nextInt(15)) : null;
        LocalDateTime seenAt = seen ? startAt.plusMinutes(r.nextInt(20)) : null;
        boolean online = chance(r, 0.25);
        String reason = type == 4 ? "Vaccination" : pick(r, REASONS);
        LocalDateTime created = startAt.minusDays(1 + r.nextInt(30)).withHour(9 + r.nextInt(8));
        long id = ++apptId;
        appointments.add(id, p.id(), d.code(), d.branchOnWeekday()[weekday], date, startAt.toLocalTime(), minutes,
                type, status, arrivedAt, seenAt, reason, chance(r, 0.05) ? "Interpreter required" : null,
                online ? "OLA" : "REC", status.equals("CX") ? pick(r, CANCEL_REASONS) : null, created,
                online ? "OLA" : pick(r, RECEPTION), seenAt != null ? seenAt : created);
        if (seen) {
            consult(p, d, id, seenAt, minutes, type == 5 ? "TH" : "SU", reason, d.branchOnWeekday()[weekday]);
        }
    }

    private static String status(Random r, int offset, int slot) {
        int n = r.nextInt(100);
        if (offset < 0) {
            return n < 80 ? "CO" : n < 86 ? "DN" : "CX";
        }
        if (offset > 0) {
            return n < 88 ? "BK" : "CX";
        }
        // today, as seen at noon: early morning done, late morning in the waiting room or in consult, afternoon booked
        return n < 5 ? "CX" : slot < 8 ? (n < 10 ? "DN" : "CO") : slot < 18 ? (n < 40 ? "AR" : n < 70 ? "IC" : "CO")
                : "BK";
    }

    private void consult(Profile p, Doctor d, Long apptId, LocalDateTime start, int minutes, String type,
                         String reason, Integer branch) throws SQLException {
        Random r = p.r();
        long id = ++consultId;
        consults.add(id, p.id(), d.code(), branch, apptId, start, start.plusMinutes(minutes + r.nextInt(10)), type,
                reason, "Seen for " + reason.toLowerCase() + ". History and examination unremarkable. "
                        + pick(r, new String[] {"Reviewed in 3 months.", "Continue current management.",
                            "Pathology requested.", "Advice given; return if not improving."}));
        if (!chance(r, 0.6)) {
            return;
        }
        int sys = (int) (105 + p.age() / 2.0 + r.nextGaussian() * 10);
        measure(p, id, "BP", sys, (int) (sys * 0.62 + r.nextGaussian() * 5), "mmHg", start);
        measure(p, id, "HR", 55 + r.nextInt(45), null, "/min", start);
        if (chance(r, 0.1)) {
            measure(p, id, "TEMP", 36.2 + r.nextInt(25) / 10.0, null, "Cel", start);
        }
        if (chance(r, 0.05)) {
            measure(p, id, "RR", 12 + r.nextInt(8), null, "/min", start);
        }
        if (p.age() >= 2 && chance(r, 0.3)) {
            double height = p.age() >= 18 ? 150 + (p.id() * 7919 % 45) : 75 + p.age() * 6.0;
            double weight = p.age() >= 18 ? 50 + (p.id() * 104729 % 60) + r.nextInt(30) / 10.0 : 9 + p.age() * 3.0;
            measure(p, id, "HT", height, null, "cm", start);
            measure(p, id, "WT", weight, null, "kg", start);
            measure(p, id, "BMI", weight / Math.pow(height / 100, 2), null, "kg/m2", start);
            if (p.age() >= 18 && chance(r, 0.2)) {
                measure(p, id, "WAIST", 70 + (weight - 50) * 0.8, null, "cm", start);
            }
        }
    }

    private void measure(Profile p, long consult, String type, double value1, Integer value2, String units,
                         LocalDateTime at) throws SQLException {
        measurements.add(++measId, p.id(), consult, type, BigDecimal.valueOf(value1).setScale(1, RoundingMode.HALF_UP),
                value2 == null ? null : BigDecimal.valueOf(value2), units, at.plusMinutes(3));
    }

    // ---- clinical record ----

    private void clinicalHistory(Profile p) throws SQLException {
        Random r = p.r();
        int age = p.age();
        String prescriber = p.usual().active() ? p.usual().code() : doctors.get(0).code();
        Set<Condition> chosen = new LinkedHashSet<>();
        int wanted = r.nextInt(age < 18 ? 2 : age < 50 ? 3 : 5);
        for (int tries = 0; chosen.size() < wanted && tries < 10; tries++) {
            Condition c = pick(r, CONDITIONS);
            if (age >= c.minAge()) {
                chosen.add(c);
            }
        }
        for (Condition c : chosen) {
            LocalDate onset = p.dob().plusYears(c.minAge()).plusDays(r.nextInt(Math.max(1, (age - c.minAge()) * 365 + 1)));
            onset = onset.isAfter(today) ? today.minusDays(r.nextInt(30)) : onset;
            LocalDate resolved = c.kind() == 'A' ? onset.plusDays(7 + r.nextInt(14)) : null;
            resolved = resolved != null && resolved.isAfter(today) ? null : resolved;
            problems.add(++problemId, p.id(), c.description(), c.snomed(), c.icpc2(), onset, resolved,
                    c.kind() == 'C' || c.kind() == 'A' && resolved == null ? 1 : 0, c.kind() == 'H' ? 1 : 0, null,
                    onset.atTime(11, 0), chance(r, 0.03) ? 1 : 0);
            Med med = c.description().equals("Hypertension") ? pick(r, ANTIHYPERTENSIVES) : c.med();
            if (med != null && chance(r, 0.85)) {
                medication(p, med, onset, prescriber);
            }
        }
        int n = r.nextInt(100);
        if (n < 35) {
            allergy(p, NIL_KNOWN, null);
        } else if (n >= 80) {
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
                allergy(p, pick(r, ALLERGENS), pick(r, new String[] {"M", "M", "O", "S"}));
            }
        }
        for (Vaccine v : VACCINES) {
            if (age >= v.minAge() && age <= v.maxAge() && chance(r, v.name().equals("Fluquadri") && age < 65 ? 0.4 : 0.6)) {
                LocalDate first = today.minusDays(30 + r.nextInt(365 * Math.min(4, Math.max(1, age))));
                first = first.isBefore(p.dob().plusWeeks(6)) ? p.dob().plusWeeks(6) : first;
                for (int dose = 1; dose <= v.doses() && !first.isAfter(today); dose++) {
                    boolean elsewhere = chance(r, 0.1);
                    immunisations.add(++immId, p.id(), v.name(), v.air(), v.amt(),
                            (char) ('A' + r.nextInt(26)) + digits(r, 5), dose, first,
                            SITES[(age < 2 ? 2 : 0) + r.nextInt(2)], "IM",
                            elsewhere ? 1 : 0, elsewhere ? null : first.atTime(17, 30), elsewhere ? null : prescriber);
                    first = first.plusDays(v.name().equals("Fluquadri") ? 365 : 60 + r.nextInt(120));
                }
            }
        }
        if (age >= 12) {
            socialHistory.add(p.id(), pick(r, new String[] {"N", "N", "N", "N", "N", "X", "X", "X", "C", "U"}),
                    today.minusDays(r.nextInt(900)), pick(r, new String[] {"N", "O", "O", "R", "H", "U"}));
        }
        if (chance(r, 0.05)) {
            consult(p, doctors.get(0), null, today.minusDays(1 + r.nextInt(PAST_DAYS)).atTime(16, 45), 10, "TP",
                    "Telephone advice", null);
        }
    }

    private void allergy(Profile p, Allergen a, String severity) throws SQLException {
        Random r = p.r();
        allergies.add(++allergyId, p.id(), a.agent(), a.snomed(), a.reaction(), severity, String.valueOf(a.type()),
                chance(r, 0.95) ? 1 : 0, today.minusDays(r.nextInt(3000)).atTime(10, 15), chance(r, 0.03) ? 1 : 0);
    }

    private void medication(Profile p, Med med, LocalDate onset, String prescriber) throws SQLException {
        Random r = p.r();
        LocalDate start = onset.plusDays(r.nextInt(30));
        start = start.isAfter(today) ? today : start;
        LocalDate ceased = !med.longTerm() ? start.plusDays(7 + r.nextInt(30))
                : chance(r, 0.08) ? start.plusDays(30 + r.nextInt(300)) : null;
        ceased = ceased != null && ceased.isAfter(today) ? null : ceased;
        long id = ++medId;
        meds.add(id, p.id(), med.name(), med.amt(), med.pbs(), med.strength(), med.form(), med.dose(),
                med.longTerm() ? 1 : 0, start, ceased,
                ceased == null ? null : med.longTerm() ? pick(r, new String[] {"Side effects", "No longer required",
                    "Changed to alternative"}) : "Course completed",
                prescriber, chance(r, 0.02) ? 1 : 0);
        int count = ceased == null ? 1 + r.nextInt(med.longTerm() ? 4 : 1) : 1;
        LocalDate date = ceased == null ? today.minusDays(r.nextInt(60)) : start;
        for (int i = 0; i < count && !date.isBefore(start); i++, date = date.minusDays(90 + r.nextInt(90))) {
            boolean electronic = chance(r, 0.8);
            scripts.add(++scriptId, id, p.id(), prescriber, date, med.qty(), med.longTerm() ? 5 : 0,
                    p.dva() ? "R" : chance(r, 0.95) ? "P" : "N", electronic ? token(r) : null,
                    chance(r, 0.03) ? "C" : electronic ? "E" : "P");
        }
    }

    private static String token(Random r) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder s = new StringBuilder(18);
        for (int i = 0; i < 18; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
