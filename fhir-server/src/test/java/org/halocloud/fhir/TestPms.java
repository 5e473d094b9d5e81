package org.halocloud.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halocloud.mappings.fhir.DayWindow;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A small PMS for the search engine's unit tests: patients and locations in the default catalogue, practitioners
 * in another ({@code ADMIN}), appointments referring to all three, and computed slots whose windows are recorded.
 */
final class TestPms implements PmsMapping {

    static final String MEDICARE = "http://ns.electronichealth.net.au/id/medicare-number";
    static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    static final Field<Integer> PATIENT_ID = DSL.field(DSL.name("PATIENTS", "ID"), Integer.class);
    static final Field<String> SURNAME = DSL.field(DSL.name("PATIENTS", "SURNAME"), String.class);
    static final Field<String> MEDICARE_NO = DSL.field(DSL.name("PATIENTS", "MEDICARENO"), String.class);
    static final Field<Integer> DOCTOR_ID = DSL.field(DSL.name("DOCTORS", "ID"), Integer.class);
    static final Field<String> PRESCRIBER = DSL.field(DSL.name("DOCTORS", "PRESCRIBERNO"), String.class);
    static final Field<Integer> LOCATION_ID = DSL.field(DSL.name("LOCATIONS", "ID"), Integer.class);
    static final Field<Integer> APPT_ID = DSL.field(DSL.name("APPTS", "ID"), Integer.class);
    static final Field<Integer> APPT_PATIENT = DSL.field(DSL.name("APPTS", "PATIENTID"), Integer.class);
    static final Field<Integer> APPT_DOCTOR = DSL.field(DSL.name("APPTS", "DOCTORID"), Integer.class);
    static final Field<Integer> APPT_LOCATION = DSL.field(DSL.name("APPTS", "LOCATIONID"), Integer.class);
    static final Field<LocalDateTime> APPT_START = DSL.field(DSL.name("APPTS", "STARTS"), LocalDateTime.class);
    static final Field<String> SLOT_ID = DSL.field(DSL.name("SLOTS", "ID"), String.class);
    static final Field<Integer> SLOT_SCHEDULE = DSL.field(DSL.name("SLOTS", "SCHEDULEID"), Integer.class);
    static final Field<LocalDateTime> SLOT_START = DSL.field(DSL.name("SLOTS", "STARTS"), LocalDateTime.class);

    /** The windows the slots' table was built for, in order. */
    final List<DayWindow> windows = new ArrayList<>();

    final ResourceMapping<Patient, Integer> patient = ResourceMapping
            .of(Patient.class, null, PATIENT_ID, Params::integerId)
            .from(DSL.table(DSL.name("PATIENTS")), PATIENT_ID, SURNAME)
            .search("family", Params.string(SURNAME))
            .search("identifier", Params.identifier(Map.of(MEDICARE, MEDICARE_NO::eq)))
            .map(row -> {
                if ("unmappable".equals(row.text(SURNAME))) {
                    throw new IllegalStateException("unmappable");
                }
                return new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily(row.text(SURNAME)));
            });

    final ResourceMapping<Practitioner, Integer> practitioner = ResourceMapping
            .of(Practitioner.class, null, DOCTOR_ID, Params::integerId)
            .from(DSL.table(DSL.name("DOCTORS")), DOCTOR_ID, PRESCRIBER)
            .catalogue("ADMIN")
            .search("identifier", Params.identifier(Map.of("http://prescribers", PRESCRIBER::eq)))
            .map(row -> new Practitioner());

    final ResourceMapping<Location, Integer> location = ResourceMapping
            .of(Location.class, null, LOCATION_ID, Params::integerId)
            .from(DSL.table(DSL.name("LOCATIONS")), LOCATION_ID)
            .map(row -> new Location());

    final ResourceMapping<Appointment, Integer> appointment = ResourceMapping
            .of(Appointment.class, null, APPT_ID, Params::integerId)
            .from(DSL.table(DSL.name("APPTS")), APPT_ID, APPT_PATIENT, APPT_DOCTOR, APPT_LOCATION)
            .search("patient", Params.reference("Patient", APPT_PATIENT, Params::integerId))
            .search("actor", Params.references(Params.target("Practitioner", APPT_DOCTOR, Params::integerId),
                    Params.target("Location", APPT_LOCATION, Params::integerId)))
            .search("date", Params.date(APPT_START, ZONE))
            .include("patient")
            .include("actor")
            .includeContained("medication")
            .map(row -> {
                Appointment a = new Appointment();
                a.addParticipant().setActor(new Reference("Patient/" + row.text(APPT_PATIENT)));
                a.addParticipant().setActor(new Reference("Practitioner/" + row.text(APPT_DOCTOR)));
                return a;
            });

    final ResourceMapping<Slot, String> slot = ResourceMapping
            .of(Slot.class, null, SLOT_ID, id -> Optional.of(id))
            .fromWindow(new DayWindow.Source("start", 31, days -> {
                windows.add(days);
                return DSL.table(DSL.name("SLOTS"));
            }, id -> id.matches("\\d+-\\d{8}") ? Optional.of(LocalDate.parse(id.substring(id.indexOf('-') + 1),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE)) : Optional.empty()), SLOT_ID, SLOT_SCHEDULE)
            .search("schedule", Params.reference("Schedule", SLOT_SCHEDULE, Params::integerId))
            .search("start", Params.date(SLOT_START, ZONE))
            .include("schedule")
            .map(row -> new Slot());


    @Override
    public List<ResourceMapping<?, ?>> resources() {
        return List.of(patient, practitioner, location, appointment, slot);
    }

    /** A condition as SQL with its values inlined (for reading in assertions only). */
    static String sql(Condition condition) {
        return DSL.using(SQLDialect.H2, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER))
                .renderInlined(condition);
    }
}
