package org.halocloud.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.halocloud.link.SqlDbTypes;
import org.halocloud.mappings.au.AuIdentifiers;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.write.Booking;
import org.halocloud.mappings.fhir.write.Statements;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.jooq.Query;
import org.jooq.Select;

/**
 * Section 4, FHIR writes at the Bp Premier site: {@code POST Patient} and {@code POST Appointment} (booking a free
 * Slot) through the API vs the same procedure call — {@code BP_AddPatient}, {@code BP_AddAppointmentEx}, with the
 * very arguments the gateway's write path passes — over raw JDBC as the integrator's own login, per concurrency
 * (p50, p99, req/s, ratios). Every booking takes a free slot of its own: the slots are found before anything is
 * timed, spread over the providers' books and weeks ahead, and each cell gets its share.
 */
final class WriteScenario implements Scenario {

    static final String PATIENT_CREATE = "POST Patient";
    static final String APPOINTMENT_BOOK = "POST Appointment";
    private static final int PATIENT_BODIES = 256;
    private static final int BOOKING_PATIENTS = 64;
    private static final int MAX_DAYS_AHEAD = 3 * 365;
    private static final DateTimeFormatter SLOT_MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final DateTimeFormatter BP_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A procedure call as the write path makes it: its name and arguments in order. */
    record Call(String procedure, List<Statements.Argument> arguments) {
    }

    /** A free slot of a provider's book: the Slot id is {@code <USERID>-<yyyyMMddHHmm>} (practice-local start). */
    record FreeSlot(int user, LocalDateTime start, int minutes) {
        String id() {
            return user + "-" + start.format(SLOT_MINUTE);
        }
    }

    @Override
    public void run(Harness h) throws Exception {
        Report report = h.report();
        HaloApp app = h.app();
        RawJdbc raw = h.raw();
        Options o = h.options();
        int[] concurrency = o.concurrency();
        int budget = o.writes();
        ZoneId zone = app.admission().database().pms().zone();

        // Patient create: 256 different patients, each body with the arguments the write path derives from it
        ResourceMapping<?, ?> patientMapping = raw.resource("Patient");
        var patientWrites = patientMapping.writes().orElseThrow();
        List<String> patientBodies = new ArrayList<>();
        List<Call> patientCalls = new ArrayList<>();
        Random random = new Random(13);
        for (int i = 0; i < PATIENT_BODIES; i++) {
            Patient p = patient(i, random);
            patientBodies.add(Bench.FHIR.newJsonParser().encodeResourceToString(p));
            Capture capture = new Capture();
            patientWrites.path().create(patientWrites.columnsOf(p), capture);
            patientCalls.add(capture.only());
        }

        // Appointment book: free slots for every booking cell and warm-up, of existing patients
        List<Integer> patients = livePatients(raw);
        int bookingCells = 2 + 2 * concurrency.length; // a warm-up and a cell per concurrency, on each path
        List<FreeSlot> slots = freeSlots(raw, zone, bookingCells * budget + BOOKING_PATIENTS); // and a few to read
        var bookingPath = raw.resource("Appointment").bookings().orElseThrow();
        String firstSlot = slotStatus(app, slots.get(0));

        String url = app.fhirBase();
        report.line("## 4. FHIR writes (Bp Premier): through the API vs the same procedure call over raw JDBC");
        report.line("");
        report.line("API: `POST " + "Patient` (" + PATIENT_BODIES + " different AU Core patients — official and usual "
                + "names, a mobile, gender, birth date, an address, a Medicare card — sent in rotation) and `POST "
                + "Appointment` (`status: booked`, one free `Slot`, a `Patient` participant of " + patients.size()
                + " in rotation, a comment), from the load client's JVM with the Acme Health key, answered 201. The "
                + "API's write is the whole of what a client gets: HTTP, front door, HAPI parsing, the write path "
                + "(the Patient read backwards through the mapping and checked; the Slot and the Patient read, for a "
                + "booking), the procedure through the Link as the integrator's login, and the written row read back "
                + "for the 201's body, `ETag` and `Location` (a Patient create is 2 statements at the database, a "
                + "booking 4). Raw: in the benchmark's JVM, the same procedure call (`{? = call BP_AddPatient(…33)}`, "
                + "`{? = call BP_AddAppointmentEx(…10)}`) with the very arguments the gateway's write path passes "
                + "(captured from it before timing, bound as the Link binds them), over JDBC as the same integrator's "
                + "login, one kept connection per client; a booking must return a new id. Each booking takes a free "
                + "slot of its own, found beforehand with `BP_GetFreeAppointments` over the providers' books from "
                + slots.get(0).start().toLocalDate() + " to " + slots.get(slots.size() - 1).start().toLocalDate()
                + " (taken in turn across providers; " + slots.size() + " slots, Slot/" + slots.get(0).id() + " reads "
                + firstSlot + " through the API before the run), at most " + String.format("%,d", budget)
                + " per cell (`--writes`): a cell ends after " + o.seconds() + " s or when its slots run out, and `n` "
                + "says how many it wrote. The rate limit is off in the benchmark (`halo.rate-limit.enabled=false`, as "
                + "for every scenario), so one key serves all clients and the limit (15 per 5 s per key) is not what "
                + "is measured; its in-memory count would add microseconds.");
        report.line("");
        report.line("| write | clients | API p50 ms | API p99 ms | API req/s | API n | raw p50 ms | raw p99 ms | raw req/s | "
                + "raw n | p50 API/raw | req/s raw/API |");
        report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.flush();

        Map<String, String> headers = Map.of("Ocp-Apim-Subscription-Key", app.key(),
                "Content-Type", "application/fhir+json", "Accept", "application/fhir+json");
        LoadClientProcess load = h.load();
        double seconds = o.seconds();
        double warmup = o.warmup();

        // Patient create: bodies rotate (a patient may be created twice)
        Measure.Op rawCreate = i -> {
            int id = call(raw, patientCalls.get(i % patientCalls.size()));
            if (id <= 0) {
                throw new IllegalStateException("BP_AddPatient returned " + id);
            }
            return id;
        };
        load.post(url + "/Patient", patientBodies, headers, 201, false, 8, warmup);
        Measure.measure(rawCreate, 8, warmup);
        for (int c : concurrency) {
            Stats a = load.post(url + "/Patient", patientBodies, headers, 201, false, c, seconds);
            Stats r = Measure.measure(rawCreate, c, seconds);
            row(h, PATIENT_CREATE, c, a, r);
        }

        // Appointment book: every request a slot of its own
        int[] next = {0};
        java.util.function.Supplier<List<FreeSlot>> take = () -> {
            List<FreeSlot> part = slots.subList(next[0], Math.min(slots.size(), next[0] + budget));
            next[0] += part.size();
            return part;
        };
        List<FreeSlot> apiWarm = take.get();
        load.post(url + "/Appointment", bookings(apiWarm, patients), headers, 201, true, 8, warmup);
        List<FreeSlot> rawWarm = take.get();
        Measure.measure(rawBook(raw, bookingPath, rawWarm, patients), 8, warmup, rawWarm.size());
        for (int c : concurrency) {
            List<FreeSlot> apiSlots = take.get();
            Stats a = load.post(url + "/Appointment", bookings(apiSlots, patients), headers, 201, true, c, seconds);
            List<FreeSlot> rawSlots = take.get();
            Stats r = Measure.measure(rawBook(raw, bookingPath, rawSlots, patients), c, seconds, rawSlots.size());
            row(h, APPOINTMENT_BOOK, c, a, r);
        }
        report.line("");
        reads(h, slots.subList(next[0], slots.size()), patients);
    }

    /**
     * Where a booking's time goes: the two reads the API makes before the procedure (the Slot and the Patient by id),
     * alone, at 1 client (GETs from the load client, over slots no cell booked and the booking's patients).
     */
    private static void reads(Harness h, List<FreeSlot> slots, List<Integer> patients) throws Exception {
        Report report = h.report();
        String base = h.app().fhirBase();
        Map<String, String> headers = Map.of("Ocp-Apim-Subscription-Key", h.app().key(), "Accept", "application/fhir+json");
        List<String> slotUrls = slots.stream().limit(BOOKING_PATIENTS).map(s -> base + "/Slot/" + s.id()).toList();
        List<String> patientUrls = patients.stream().map(p -> base + "/Patient/" + p).toList();
        report.line("What a booking reads through the API before its procedure call, alone (1 client, " + h.options().seconds()
                + " s each after " + h.options().warmup() + " s warm-up):");
        report.line("");
        report.line("| read | p50 ms | p99 ms | req/s |");
        report.line("|---|---:|---:|---:|");
        for (var read : List.of(Map.entry("GET Slot/{id}", slotUrls), Map.entry("GET Patient/{id}", patientUrls))) {
            if (read.getValue().isEmpty()) {
                continue;
            }
            h.load().load(read.getValue(), headers, 1, h.options().warmup());
            Stats s = h.load().load(read.getValue(), headers, 1, h.options().seconds());
            report.line("| `" + read.getKey() + "` | " + s.p50() + " | " + s.p99() + " | " + s.rps() + " |");
            report.flush();
        }
        report.line("");
        report.flush();
    }

    private static void row(Harness h, String write, int clients, Stats a, Stats r) {
        h.results().writes.add(new Results.WriteCell(write, clients, a, r));
        h.report().line("| `" + write + "` | " + clients + " | " + a.p50() + " | " + a.p99() + " | " + a.rps() + " | "
                + a.count() + " | " + r.p50() + " | " + r.p99() + " | " + r.rps() + " | " + r.count() + " | "
                + Report.ratio(a.p50ns(), r.p50ns()) + " | " + Report.ratio(r.rate(), a.rate()) + " |");
        h.report().flush();
    }

    /** An AU Core patient Bp's BP_AddPatient can hold whole (no IHI, usual GP or date of death). */
    static Patient patient(int i, Random random) {
        String family = "Benchwrite" + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
        Patient p = new Patient();
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(i % 2 == 0 ? "Ada" : "Ben").addGiven("Mary");
        p.addName().setUse(HumanName.NameUse.USUAL).setFamily(family).addGiven(i % 2 == 0 ? "Addy" : "Benny");
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue(String.format("0412 %03d %03d", i / 1000, i % 1000));
        p.setGender(i % 2 == 0 ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        p.setBirthDateElement(new DateType(LocalDate.of(1950, 1, 1).plusDays(97L * i).toString()));
        p.addAddress().addLine((i + 1) + " Wattle St").setCity("Glebe").setPostalCode("2037").setCountry("AU");
        p.addIdentifier().setSystem(AuIdentifiers.MEDICARE_SYSTEM).setValue(AuIdentifiers.medicareCard(random));
        return p;
    }

    private static List<String> bookings(List<FreeSlot> slots, List<Integer> patients) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Appointment a = new Appointment();
            a.setStatus(Appointment.AppointmentStatus.BOOKED);
            a.addSlot(new Reference("Slot/" + slots.get(i).id()));
            a.addParticipant().setActor(new Reference("Patient/" + patients.get(i % patients.size())))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
            a.setComment("Online booking");
            bodies.add(Bench.FHIR.newJsonParser().encodeResourceToString(a));
        }
        return bodies;
    }

    /** The raw booking of slot i: BP_AddAppointmentEx with the booking path's own arguments; must return a new id. */
    private static Measure.Op rawBook(RawJdbc raw, org.halocloud.mappings.fhir.write.BookingPath path,
                                      List<FreeSlot> slots, List<Integer> patients) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            FreeSlot s = slots.get(i);
            Capture capture = new Capture();
            path.book(new Booking(s.user(), s.start(), s.minutes(), patients.get(i % patients.size()), "Online booking"), capture);
            calls.add(capture.only());
        }
        return i -> {
            int id = call(raw, calls.get(i));
            if (id <= 0) {
                throw new IllegalStateException("BP_AddAppointmentEx returned " + id + " for Slot/" + slots.get(i).id());
            }
            return id;
        };
    }

    /**
     * Calls a procedure as the Link does ({@code HaloLink.callProcedure}): {@code {? = call name(?, …)}}, the RETURN
     * value registered first, each argument as {@code SiteStatements} sends it (text unless a number or null) bound
     * through its type's {@link SqlDbTypes} conversion, a query timeout and fetch size; its RETURN value.
     */
    static int call(RawJdbc raw, Call c) throws SQLException {
        String sql = "{? = call " + c.procedure() + "("
                + String.join(", ", Collections.nCopies(c.arguments().size(), "?")) + ")}";
        try (CallableStatement st = raw.connection().prepareCall(sql)) {
            st.setQueryTimeout(60);
            st.setFetchSize(500);
            st.registerOutParameter(1, Types.INTEGER);
            for (int i = 0; i < c.arguments().size(); i++) {
                Statements.Argument a = c.arguments().get(i);
                SqlDbTypes.Binding binding = SqlDbTypes.of(type(a.type()));
                Object v = a.value();
                Object sent = v == null || v instanceof Number || v instanceof Boolean ? v : v.toString();
                Object bound = sent == null ? null : binding.convert().apply(sent);
                if (bound == null) {
                    st.setNull(i + 2, binding.jdbcType());
                } else {
                    st.setObject(i + 2, bound);
                }
            }
            st.execute();
            return st.getInt(1);
        }
    }

    /** As SiteStatements names an argument's type. */
    private static String type(Class<?> type) {
        return type == Integer.class ? "Int" : type == LocalDateTime.class ? "DateTime" : "NVarChar";
    }

    /** Live patients to book for (not Bp's pseudo-patients). */
    private static List<Integer> livePatients(RawJdbc raw) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = raw.connection().prepareStatement("SELECT INTERNALID FROM dbo.PATIENTS "
                + "WHERE RECORDSTATUS = 1 AND INTERNALID >= 3 ORDER BY INTERNALID FETCH FIRST " + BOOKING_PATIENTS + " ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the Bp demo has no live patients");
        }
        return ids;
    }

    /**
     * At least {@code needed} free slots from the day after tomorrow on (practice-local), through Bp's own
     * {@code BP_GetFreeAppointments} per provider and weekday; each day's taken in turn across the providers, so
     * that simultaneous bookings mostly lock different books.
     */
    static List<FreeSlot> freeSlots(RawJdbc raw, ZoneId zone, int needed) throws SQLException {
        List<Integer> users = new ArrayList<>();
        try (PreparedStatement ps = raw.connection().prepareStatement("{call BP_GetAppointmentBookUsers()}");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(rs.getInt(1));
            }
        }
        List<FreeSlot> found = new ArrayList<>();
        LocalDate day = LocalDate.now(zone).plusDays(2);
        for (int d = 0; d < MAX_DAYS_AHEAD && found.size() < needed; d++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            List<List<FreeSlot>> perUser = new ArrayList<>();
            for (int user : users) {
                List<FreeSlot> free = new ArrayList<>();
                try (PreparedStatement ps = raw.connection().prepareStatement("{call BP_GetFreeAppointments(?, ?)}")) {
                    ps.setInt(1, user);
                    ps.setString(2, day.format(BP_DATE));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            free.add(new FreeSlot(user, day.atStartOfDay().plusSeconds(rs.getInt("AppointmentTime")),
                                    rs.getInt("AppointmentLength") / 60));
                        }
                    }
                }
                perUser.add(free);
            }
            for (int k = 0; ; k++) {
                boolean any = false;
                for (List<FreeSlot> free : perUser) {
                    if (k < free.size()) {
                        found.add(free.get(k));
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }
        if (found.size() < needed) {
            throw new IllegalStateException("only " + found.size() + " free slots in " + MAX_DAYS_AHEAD
                    + " days; ask for fewer writes per cell (--writes)");
        }
        return found;
    }

    /** The slot's status as the API reads it (the id scheme checked once before the run). */
    private static String slotStatus(HaloApp app, FreeSlot slot) throws Exception {
        HttpResponse<byte[]> r = app.get(app.fhirBase() + "/Slot/" + slot.id());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Slot/" + slot.id() + " → " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        String status = Bench.JSON.readTree(r.body()).get("status").asString();
        if (!status.equals("free")) {
            throw new IllegalStateException("Slot/" + slot.id() + " reads " + status + " through the API, not free");
        }
        return status;
    }

    /** Statements that run nothing: they record the one procedure call a write path makes. */
    private static final class Capture implements Statements {
        private final List<Call> calls = new ArrayList<>();

        @Override
        public Object scalar(String catalogue, Select<?> query) {
            throw new UnsupportedOperationException("the write path ran a query: " + query);
        }

        @Override
        public long execute(String catalogue, Query query) {
            throw new UnsupportedOperationException("the write path ran a statement: " + query);
        }

        @Override
        public Object call(String catalogue, String procedure, List<Argument> arguments) {
            calls.add(new Call(procedure, List.copyOf(arguments)));
            return 1;
        }

        Call only() {
            if (calls.size() != 1) {
                throw new IllegalStateException("expected one procedure call, the write path made " + calls.size());
            }
            return calls.get(0);
        }
    }
}
