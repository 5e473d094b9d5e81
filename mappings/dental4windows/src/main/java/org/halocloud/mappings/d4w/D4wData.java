package org.halocloud.mappings.d4w;

import static org.halocloud.mappings.demo.SyntheticAu.chance;
import static org.halocloud.mappings.demo.SyntheticAu.digits;
import static org.halocloud.mappings.demo.SyntheticAu.pick;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.demo.DemoBook;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSql;
import org.halocloud.mappings.demo.SyntheticAu;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;

/** Builds one D4W / D4Web database and generates its rows patient by patient (nothing accumulates in memory). */
final class D4wData {

    static final String ENABLED_LOGINS = "SELECT DB_LOGIN FROM THIRD_PARTY_ACCESS WHERE ENABLED = 1 ORDER BY DB_LOGIN";

    /** An appointment type: name, length, provider types that do it, the ADA items it plans. */
    private record ApptType(String name, int minutes, String providerTypes, String... items) {
    }

    private record Provider(int id, String type, int location, boolean saturday) {
    }

    private record Condition(String code, String description, boolean alert, String medication) {
    }

    private static final List<ApptType> TYPES = List.of(
        new ApptType("Exam & Clean", 45, "DE HY OH", "012", "114", "121"),
        new ApptType("Exam & Clean", 45, "DE HY OH", "012", "022", "114", "121"),
        new ApptType("New patient exam", 60, "DE", "011", "022", "114", "141"),
        new ApptType("Filling", 30, "DE OH", "531"),
        new ApptType("Filling", 30, "DE", "532"),
        new ApptType("Filling", 45, "DE", "533"),
        new ApptType("Filling", 30, "DE OH", "521"),
        new ApptType("Root canal", 60, "DE", "415", "417"),
        new ApptType("Crown prep", 60, "DE", "615"),
        new ApptType("Extraction", 30, "DE", "311"),
        new ApptType("Emergency", 15, "DE", "013", "022"),
        new ApptType("Child check", 30, "OH DE", "012", "121", "161"));

    private static final List<Condition> CONDITIONS = List.of(
        new Condition("HBP", "High blood pressure", false, "Perindopril 5 mg daily"),
        new Condition("DIAB", "Diabetes", true, "Metformin 500 mg twice daily"),
        new Condition("ASTH", "Asthma", false, "Salbutamol inhaler when required"),
        new Condition("ANTIC", "Anticoagulant therapy", true, "Apixaban 5 mg twice daily"),
        new Condition("BISPH", "Bisphosphonate therapy", true, "Alendronate 70 mg weekly"),
        new Condition("CARD", "Heart condition", true, "Aspirin 100 mg daily"),
        new Condition("ENDO", "Endocarditis risk - antibiotic cover required", true, null),
        new Condition("EPIL", "Epilepsy", true, "Levetiracetam 500 mg twice daily"),
        new Condition("JOINT", "Joint replacement", false, null),
        new Condition("GORD", "Reflux", false, "Pantoprazole 40 mg daily"),
        new Condition("THYR", "Thyroid condition", false, "Levothyroxine 50 microgram daily"),
        new Condition("SMOK", "Smoker", false, null));

    private static final String[][] ALLERGIES = {{"Penicillin", "Hives"}, {"Amoxicillin", "Rash"},
        {"Latex", "Contact dermatitis"}, {"Codeine", "Nausea"}, {"Aspirin", "Wheeze"}, {"Ibuprofen", "Gastric upset"},
        {"Erythromycin", "Nausea"}, {"Chlorhexidine", "Anaphylaxis"}, {"Metronidazole", "Rash"}};
    private static final String[] FUNDS = {"BUP", "MBP", "HCF", "NIB", "AHM", "HBF", "TUH", "GMH", "RTE"};
    private static final String[] STAFF = {"RECEPT", "FRONTDSK", "MGR"};

    /** The book grid: 15-minute slots from 08:00 to 17:00; sessions 08:00-12:00 and 13:00-17:00. */
    private static final int SLOTS = 36;
    private static final int PAST_DAYS = 540;
    private static final int FUTURE_DAYS = 90;

    private final Connection db;
    private final DemoSite site;
    private final LocalDate today;
    private final List<Provider> providers = new ArrayList<>();
    private final Map<String, BigDecimal> fees = new HashMap<>();
    private final Set<String> toothItems = new HashSet<>();
    private final Set<String> surfaceItems = new HashSet<>();
    private final DemoBook book = new DemoBook(PAST_DAYS, FUTURE_DAYS, SLOTS);
    private String state;
    private int apptId;
    private int treatmentId;
    private int planId;
    private int mhId;
    private int allergyId;
    private int medicationId;
    private int noteId;
    private int familyId;
    private String familySurname;
    private SyntheticAu.Address familyAddress;

    private DemoSql.Rows patients;
    private DemoSql.Rows appointments;
    private DemoSql.Rows treatments;
    private DemoSql.Rows plans;
    private DemoSql.Rows history;
    private DemoSql.Rows allergies;
    private DemoSql.Rows medications;
    private DemoSql.Rows notes;

    private D4wData(Connection db, DemoSite site, LocalDate today) {
        this.db = db;
        this.site = site;
        this.today = today;
    }

    static void build(Connection db, DemoSite site, LocalDate today, boolean tenant) throws SQLException {
        DemoSql.runScript(db, D4wData.class, "d4w.sql");
        if (tenant) {
            DemoSql.runScript(db, D4wData.class, "d4web-tenant.sql");
        }
        new D4wData(db, site, today).load(tenant);
        DemoSql.createReadOnlyLogins(db, site.logins(), Set.of("THIRD_PARTY_ACCESS"));
        DemoSql.grantWrites(db, site.logins(), Map.of(DemoSite.Write.PATIENTS, List.of("PATIENT"),
                DemoSite.Write.BOOKINGS, List.of("APPOINTMENT")));
        try (DemoSql.Load load = new DemoSql.Load(db)) {
            DemoSql.Rows access = load.into(db, "THIRD_PARTY_ACCESS",
                    "ACCESS_ID, PARTNER_NAME, DB_LOGIN, ENABLED, DATE_ENABLED, DATE_DISABLED, MODIFIED_BY");
            int id = 0;
            for (DemoLogin login : site.logins()) {
                access.add(++id, login.integrator(), login.user(), login.enabled(), today.minusMonths(2),
                        login.enabled() ? null : today.minusMonths(1), "MGR");
            }
        }
    }

    private void load(boolean tenant) throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT ITEM_CODE, DEFAULT_FEE, TOOTH_REQUIRED, SURFACE_REQUIRED FROM ITEM")) {
            while (rs.next()) {
                fees.put(rs.getString(1), rs.getBigDecimal(2));
                if (rs.getBoolean(3)) {
                    toothItems.add(rs.getString(1));
                }
                if (rs.getBoolean(4)) {
                    surfaceItems.add(rs.getString(1));
                }
            }
        }
        try (DemoSql.Load load = new DemoSql.Load(db)) {
            Random r = new Random(site.seed());
            practice(load, r);
            if (tenant) {
                load.into(db, "TENANT", "CRN, TENANT_NAME, PARENT_CRN, CLUSTER_NODE, DATE_CREATED, IS_ACTIVE")
                        .add(site.pmsId(), site.practiceName(), null, "d4web-au-" + (1 + r.nextInt(8)),
                                today.minusYears(2).atTime(9, 0), true);
            }
            patients = load.into(db, "PATIENT", "PATIENT_ID, CARD_NO, TITLE, FIRST_NAME, MIDDLE_NAME, SURNAME,"
                    + " PREFERRED_NAME, DOB, GENDER, ADDRESS1, ADDRESS2, SUBURB, STATE, POSTCODE, HOME_PH, WORK_PH,"
                    + " MOBILE_PH, EMAIL, MEDICARE_NO, MEDICARE_REF, MEDICARE_EXP, DVA_NO, DVA_CARD, HEALTH_FUND_CODE,"
                    + " HEALTH_FUND_MEMBER_NO, IHI, ATSI_STATUS, MAIN_PROVIDER_ID, LOCATION_ID, FAMILY_ID,"
                    + " ACCOUNT_HOLDER_ID, RECALL_DATE, IS_ACTIVE, DATE_CREATED");
            appointments = load.into(db, "APPOINTMENT", "APPT_ID, BOOK_ID, PATIENT_ID, PROVIDER_ID, LOCATION_ID,"
                    + " APPT_DATE, START_TIME, LENGTH_MIN, APPT_TYPE, STATUS, NOTE, PLANNED_ITEMS, DATE_CREATED,"
                    + " CREATED_BY");
            treatments = load.into(db, "TREATMENT", "TREATMENT_ID, PATIENT_ID, PROVIDER_ID, LOCATION_ID, APPT_ID,"
                    + " ITEM_CODE, TOOTH, SURFACES, STATUS, PLAN_ID, TREATMENT_DATE, FEE, NOTE");
            plans = load.into(db, "TREATMENT_PLAN", "PLAN_ID, PATIENT_ID, PROVIDER_ID, CREATED, STATUS, DESCRIPTION");
            history = load.into(db, "MEDICAL_HISTORY", "MH_ID, PATIENT_ID, CONDITION_CODE, DESCRIPTION, IS_ALERT,"
                    + " DATE_RECORDED, IS_ACTIVE");
            allergies = load.into(db, "PATIENT_ALLERGY", "ALLERGY_ID, PATIENT_ID, ALLERGEN, REACTION, SEVERITY,"
                    + " DATE_RECORDED");
            medications = load.into(db, "PATIENT_MEDICATION", "PM_ID, PATIENT_ID, MEDICATION, DOSE_TEXT,"
                    + " DATE_RECORDED, IS_CURRENT");
            notes = load.into(db, "CLINICAL_NOTE", "NOTE_ID, PATIENT_ID, PROVIDER_ID, APPT_ID, NOTE_DATE, NOTE_TEXT");
            load.eachPatient(site, this::patient);
        }
    }

    // ---- practice: locations, providers, appointment books ----

    private void practice(DemoSql.Load load, Random r) throws SQLException {
        state = SyntheticAu.state(r);
        String abn = SyntheticAu.abn(r);
        DemoSql.Rows locations = load.into(db, "LOCATION", "LOCATION_ID, LOCATION_CODE, NAME, ADDRESS1, ADDRESS2,"
                + " SUBURB, STATE, POSTCODE, PHONE, EMAIL, HPIO, ABN, CRN, IS_ACTIVE");
        for (int l = 1; l <= 2; l++) {
            SyntheticAu.Address a = SyntheticAu.address(r, state);
            String code = a.suburb().replaceAll("[^A-Za-z]", "").toUpperCase();
            locations.add(l, code.substring(0, Math.min(6, code.length())),
                    l == 1 ? site.practiceName() : site.practiceName() + " " + a.suburb(), a.line1(), a.line2(),
                    a.suburb(), a.state(), a.postcode(), SyntheticAu.landline(r, a.state()),
                    "reception" + l + "@example.com.au", AuIdentifiers.hpio(r), abn,
                    l == 1 ? site.pmsId() : digits(r, 6), true);
        }
        DemoSql.Rows providerRows = load.into(db, "PROVIDER", "PROVIDER_ID, PRV_CODE, TITLE, FIRST_NAME, SURNAME,"
                + " PROVIDER_TYPE, AHPRA_NO, HPII, MEDICARE_PROVIDER_NO, HICAPS_MERCHANT_ID, ABN, LOCATION_ID, IS_ACTIVE");
        DemoSql.Rows books = load.into(db, "APPT_BOOK", "BOOK_ID, PROVIDER_ID, LOCATION_ID, CHAIR_NAME, IS_ACTIVE");
        DemoSql.Rows templates = load.into(db, "APPT_TEMPLATE", "TEMPLATE_ID, BOOK_ID, DAY_OF_WEEK, START_TIME,"
                + " END_TIME, SLOT_MIN, BOOKABLE_ONLINE");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < 2 + site.patients() / 1500; i++) {
            types.add("DE");
        }
        for (int i = 0; i < 1 + site.patients() / 4000; i++) {
            types.add("HY");
        }
        types.add("OH");
        types.add("DE"); // has left the practice
        int templateId = 0;
        for (int i = 0; i < types.size(); i++) {
            int id = i + 1;
            boolean active = i < types.size() - 1;
            String type = types.get(i);
            char sex = r.nextBoolean() ? 'F' : 'M';
            String first = SyntheticAu.givenName(r, sex);
            String surname = SyntheticAu.familyName(r);
            int location = i % 3 == 2 ? 2 : 1;
            boolean dentist = type.equals("DE");
            providerRows.add(id, String.format("%c%c%02d", first.charAt(0), surname.charAt(0), id),
                    dentist ? "Dr" : SyntheticAu.title(r, sex, 40), first, surname, type,
                    SyntheticAu.ahpra(r, dentist ? "DEN" : "OHP"), AuIdentifiers.hpii(r),
                    dentist ? SyntheticAu.providerNumber(digits(r, 6), location) : null, digits(r, 8),
                    SyntheticAu.abn(r), location, active);
            books.add(id, id, location, "Chair " + id, active);
            for (int day = 1; day <= (i == 0 ? 6 : 5) && active; day++) {
                templates.add(++templateId, id, day, LocalTime.of(8, 0), LocalTime.of(12, 0), 15, dentist);
                if (day < 6) {
                    templates.add(++templateId, id, day, LocalTime.of(13, 0), LocalTime.of(17, 0), 15, dentist);
                }
            }
            if (active) {
                providers.add(new Provider(id, type, location, i == 0));
            }
        }
    }

    private static boolean bookable(Provider p, int weekday, int slot) {
        return weekday <= 5 ? slot < 16 || slot >= 20 && slot < SLOTS : weekday == 6 && p.saturday() && slot < 16;
    }

    // ---- patients ----

    private void patient(int id, Random r) throws SQLException {
        char sex = SyntheticAu.sex(r);
        LocalDate dob = SyntheticAu.birthDate(r, today);
        int age = Period.between(dob, today).getYears();
        boolean joinsFamily = familyId > 0 && chance(r, age < 18 ? 0.7 : 0.2);
        if (!joinsFamily) {
            familyId = id;
            familySurname = SyntheticAu.familyName(r);
            familyAddress = SyntheticAu.address(r, state);
        }
        String first = SyntheticAu.givenName(r, sex);
        boolean active = !chance(r, 0.08);
        String medicare = chance(r, 0.85) ? AuIdentifiers.medicareCard(r) : null;
        boolean dva = age >= 70 && chance(r, 0.05);
        String fund = age >= 18 && chance(r, 0.55) || joinsFamily && chance(r, 0.5) ? pick(r, FUNDS) : null;
        List<Provider> dentists = providers.stream().filter(p -> p.type().equals("DE")).toList();
        Provider main = pick(r, dentists);
        LocalDateTime created = today.minusDays(r.nextInt(3650)).atTime(8 + r.nextInt(9), r.nextInt(60));
        created = created.toLocalDate().isBefore(dob) ? dob.plusMonths(18).atTime(9, 0) : created;
        created = created.toLocalDate().isAfter(today) ? today.atTime(8, 0) : created;
        String letters = familySurname.replaceAll("[^A-Za-z]", "").toUpperCase();
        SyntheticAu.Address a = familyAddress;

        // appointments first: they decide the recall date
        LocalDate lastExam = null;
        int from = Math.max(-PAST_DAYS, (int) (created.toLocalDate().toEpochDay() - today.toEpochDay()));
        int to = active ? FUTURE_DAYS : -180;
        int past = active ? r.nextInt(5) : r.nextInt(2);
        Visit v = new Visit(id, age, main, r);
        for (int i = 0; i < past; i++) {
            LocalDate exam = appointment(v, from + r.nextInt(Math.max(1, Math.min(to, 0) - from)), to);
            lastExam = exam != null && (lastExam == null || exam.isAfter(lastExam)) ? exam : lastExam;
        }
        if (active && chance(r, 0.4)) {
            appointment(v, 1 + r.nextInt(FUTURE_DAYS - 7), to);
        }
        if (active && chance(r, 0.15)) {
            appointment(v, 0, to);
        }

        patients.add(id, letters.substring(0, Math.min(3, letters.length())) + id,
                SyntheticAu.title(r, sex, age), first, chance(r, 0.5) ? SyntheticAu.middleName(r, sex, first) : null,
                familySurname, null, dob, String.valueOf(sex), a.line1(), a.line2(), a.suburb(), a.state(),
                a.postcode(), chance(r, 0.25) ? SyntheticAu.landline(r, a.state()) : null,
                age >= 18 && chance(r, 0.1) ? SyntheticAu.landline(r, a.state()) : null,
                age >= 12 && chance(r, 0.9) ? SyntheticAu.mobile(r) : null,
                age >= 16 && chance(r, 0.7) ? SyntheticAu.email(r, first, familySurname) : null,
                medicare, medicare == null ? null : String.valueOf(1 + r.nextInt(age < 18 ? 5 : 2)),
                medicare == null ? null : today.plusMonths(r.nextInt(60) - 3).withDayOfMonth(1).plusMonths(1).minusDays(1),
                dva ? AuIdentifiers.dvaNumber(r) : null, dva ? (r.nextBoolean() ? "G" : "W") : null,
                fund, fund == null ? null : digits(r, 8 + r.nextInt(3)),
                chance(r, 0.6) ? AuIdentifiers.ihi(r) : null,
                pick(r, new Integer[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9, 9, 1, 2, 3}),
                main.id(), chance(r, 0.8) ? 1 : 2, familyId, age < 18 && joinsFamily ? familyId : null,
                active && lastExam != null ? lastExam.plusMonths(6) : null, active, created);

        medicalHistory(id, age, created.toLocalDate(), r);
        if (active && chance(r, 0.2)) {
            treatmentPlan(v);
        }
    }

    private record Visit(int patient, int age, Provider main, Random r) {
    }

    /** Books one appointment near {@code offset} days from today; returns its date when it was a completed exam. */
    private LocalDate appointment(Visit v, int offset, int lastOffset) throws SQLException {
        Random r = v.r();
        ApptType type = v.age() < 12 && chance(r, 0.5) ? TYPES.get(TYPES.size() - 1) : pick(r, TYPES);
        List<Provider> able = providers.stream().filter(p -> type.providerTypes().contains(p.type())).toList();
        Provider p = able.contains(v.main()) && chance(r, 0.7) ? v.main() : pick(r, able);
        while (offset <= lastOffset && !bookable(p, today.plusDays(offset).getDayOfWeek().getValue(), 0)) {
            offset++;
        }
        if (offset > lastOffset || offset > FUTURE_DAYS) {
            return null;
        }
        LocalDate date = today.plusDays(offset);
        int weekday = date.getDayOfWeek().getValue();
        int slots = type.minutes() / 15;
        int slot = book.freeSlot(r, p.id() - 1, offset, weekday, slots, (day, s) -> bookable(p, day, s));
        if (slot < 0) {
            return null;
        }
        int status = status(r, offset, slot);
        if (status != 6) {
            book.take(p.id() - 1, offset, slot, slots);
        }
        LocalTime start = LocalTime.of(8, 0).plusMinutes(15L * slot);
        String items = String.join(" ", type.items());
        int id = ++apptId;
        appointments.add(id, p.id(), v.patient(), p.id(), p.location(), date, start, type.minutes(), type.name(),
                status, status == 5 ? "FTA - SMS sent" : status == 6 ? "Cancelled by patient" : null, items,
                date.minusDays(1 + r.nextInt(60)).atTime(9 + r.nextInt(8), 15 * r.nextInt(4)),
                chance(r, 0.2) ? "ONLINE" : pick(r, STAFF));
        if (status != 4) {
            return null;
        }
        String tooth = tooth(r, v.age(), type);
        for (String item : type.items()) {
            treatments.add(++treatmentId, v.patient(), p.id(), p.location(), id, item,
                    toothItems.contains(item) ? tooth : null,
                    surfaceItems.contains(item) ? surfaces(r, item) : null, "C", null, date, fees.get(item), null);
        }
        notes.add(++noteId, v.patient(), p.id(), id, date.atTime(start.plusMinutes(type.minutes())),
                type.name() + " completed (items " + items + "). " + pick(r, new String[] {
                    "Patient tolerated procedure well.", "OHI given, flossing encouraged.",
                    "Local anaesthetic: articaine 4% 1 carpule.", "No complications. Post-op instructions given."}));
        return type.name().contains("xam") ? date : null;
    }

    private static int status(Random r, int offset, int slot) {
        int n = r.nextInt(100);
        if (offset < 0) {
            return n < 78 ? 4 : n < 85 ? 5 : 6;
        }
        if (offset > 0) {
            return n < 60 ? 0 : n < 88 ? 1 : 6;
        }
        // today, as seen at noon: morning done, late morning in the waiting room or the chair, afternoon confirmed
        return n < 5 ? 6 : slot < 8 ? (n < 12 ? 5 : 4) : slot < 16 ? (n < 40 ? 2 : n < 70 ? 3 : 4) : 1;
    }

    /** An FDI tooth: deciduous (quadrants 5-8) for young children, anterior or posterior as the item needs. */
    private static String tooth(Random r, int age, ApptType type) {
        boolean anterior = type.items()[0].startsWith("52");
        if (age < 6) {
            return (5 + r.nextInt(4)) + String.valueOf(anterior ? 1 + r.nextInt(3) : 4 + r.nextInt(2));
        }
        int position = anterior ? 1 + r.nextInt(3) : type.name().equals("Extraction") ? 4 + r.nextInt(5) : 4 + r.nextInt(4);
        return (1 + r.nextInt(4)) + String.valueOf(position);
    }

    private static String surfaces(Random r, String item) {
        return switch (item) {
            case "521" -> pick(r, new String[] {"M", "D", "B", "L", "I"});
            case "522" -> pick(r, new String[] {"MI", "DI", "MB", "DL"});
            case "531" -> pick(r, new String[] {"O", "B", "M", "D", "L"});
            case "532" -> pick(r, new String[] {"MO", "DO", "OB", "OL"});
            default -> pick(r, new String[] {"MOD", "MOB", "DOL", "MOL"});
        };
    }

    // ---- clinical record ----

    private void medicalHistory(int patient, int age, LocalDate since, Random r) throws SQLException {
        Set<Condition> chosen = new LinkedHashSet<>();
        for (int i = r.nextInt(age < 18 ? 2 : age < 50 ? 3 : 5); i > 0; i--) {
            chosen.add(pick(r, CONDITIONS));
        }
        for (Condition c : chosen) {
            LocalDate recorded = since.plusDays(r.nextInt((int) Math.max(1, today.toEpochDay() - since.toEpochDay() + 1)));
            boolean current = chance(r, 0.9);
            history.add(++mhId, patient, c.code(), c.description(), c.alert(), recorded, current);
            if (c.medication() != null) {
                int space = c.medication().indexOf(' ');
                medications.add(++medicationId, patient, c.medication().substring(0, space),
                        c.medication().substring(space + 1), recorded, current);
            }
        }
        if (chance(r, 0.15)) {
            String[] a = pick(r, ALLERGIES);
            allergies.add(++allergyId, patient, a[0], a[1], pick(r, new String[] {"M", "M", "O", "S"}), since);
        }
    }

    private void treatmentPlan(Visit v) throws SQLException {
        Random r = v.r();
        int id = ++planId;
        LocalDate created = today.minusDays(r.nextInt(120));
        String status = pick(r, new String[] {"A", "A", "P", "P", "X"});
        plans.add(id, v.patient(), v.main().id(), created, status, "Restorative treatment plan");
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            ApptType type = TYPES.get(3 + r.nextInt(6)); // fillings, root canal, crown
            String tooth = tooth(r, v.age(), type);
            for (String item : type.items()) {
                treatments.add(++treatmentId, v.patient(), v.main().id(), v.main().location(), null, item,
                        tooth, surfaceItems.contains(item) ? surfaces(r, item) : null, "P", id,
                        null, fees.get(item), null);
            }
        }
    }
}
