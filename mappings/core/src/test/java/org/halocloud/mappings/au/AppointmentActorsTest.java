package org.halocloud.mappings.au;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** An Appointment's actors are declared once: participants, the reference searches and their includes. */
class AppointmentActorsTest {

    private static final Field<Integer> PERSON_ID = field("PEOPLE", "ID", Integer.class);
    private static final Field<String> DOCTOR_CODE = field("DOCTORS", "CODE", String.class);
    private static final Field<Integer> ROOM_ID = field("ROOMS", "ID", Integer.class);

    private static final ResourceMapping<Patient, Integer> PATIENTS = ResourceMapping
            .of(Patient.class, null, PERSON_ID, Params::integerId).from(DSL.table(DSL.name("PEOPLE"))).map(r -> new Patient());
    private static final ResourceMapping<Practitioner, String> DOCTORS = ResourceMapping
            .of(Practitioner.class, null, DOCTOR_CODE, id -> id.matches("[A-Z]{1,3}") ? java.util.Optional.of(id)
                    : java.util.Optional.empty())
            .from(DSL.table(DSL.name("DOCTORS"))).map(r -> new Practitioner());
    private static final ResourceMapping<Location, Integer> ROOMS = ResourceMapping
            .of(Location.class, null, ROOM_ID, Params::integerId).from(DSL.table(DSL.name("ROOMS"))).map(r -> new Location());

    private static final Table<?> BOOKINGS = DSL.table(DSL.name("BOOKINGS"));
    private static final Field<Integer> BOOKING_ID = field("BOOKINGS", "ID", Integer.class);
    private static final Field<Integer> WHO = field("BOOKINGS", "WHO", Integer.class);
    private static final Field<String> WITH = field("BOOKINGS", "WITH_DR", String.class);
    private static final Field<Integer> ROOM = field("BOOKINGS", "ROOM", Integer.class);
    private static final Field<String> STATE = field("BOOKINGS", "STATE", String.class);

    private static final AppointmentActors ACTORS = AppointmentActors.of(Ref.to(PATIENTS, WHO), Ref.to(DOCTORS, WITH),
            Ref.to(ROOMS, ROOM));

    private static ResourceMapping<Appointment, Integer> bookings(AppointmentActors actors) {
        return ResourceMapping.of(Appointment.class, null, BOOKING_ID, Params::integerId)
                .from(BOOKINGS, BOOKING_ID, STATE)
                .with(actors)
                .search("status", Params.token("http://hl7.org/fhir/appointmentstatus", Map.of("cancelled", STATE.eq("X"))))
                .map(r -> new Appointment().setStatus("X".equals(r.text(STATE))
                        ? Appointment.AppointmentStatus.CANCELLED : Appointment.AppointmentStatus.BOOKED));
    }

    private static final ResourceMapping<Appointment, Integer> BOOKED = bookings(ACTORS);

    @Test
    void theActorsJoinTheSelectListTheSearchesAndTheIncludes() {
        assertThat(BOOKED.columns()).extracting(Field::getName).containsExactly("ID", "STATE", "WHO", "WITH_DR", "ROOM");
        assertThat(BOOKED.search().keySet()).containsExactly("_id", "patient", "practitioner", "location", "actor", "status");
        assertThat(BOOKED.includes()).containsExactly("Appointment:patient", "Appointment:practitioner",
                "Appointment:location", "Appointment:actor");
        assertThat(BOOKED.search().get("actor").targets()).containsExactly("Location", "Patient", "Practitioner");
        assertThat(BOOKED.elements()).extracting(MappedElement::path).containsOnly("Appointment.participant.actor");
        assertThat(BOOKED.elements()).extracting(MappedElement::qualifier)
                .containsExactly("Patient", "Practitioner", "Location");
    }

    @Test
    void eachSearchParsesIdsAsItsTargetMappingDoes() {
        assertThat(where("patient", "Patient/12")).isEqualTo("BOOKINGS.WHO = 12");
        assertThat(where("practitioner", "ABC")).isEqualTo("BOOKINGS.WITH_DR = 'ABC'");
        assertThat(where("practitioner", "12")).as("not a doctor's code").isEqualTo("(1 = 0)");
        assertThat(where("location", "Location/3")).isEqualTo("BOOKINGS.ROOM = 3");
        assertThat(where("actor", "Location/3")).contains("BOOKINGS.ROOM = 3").doesNotContain("WHO");
        assertThat(where("actor", "7")).contains("BOOKINGS.WHO = 7", "BOOKINGS.ROOM = 7").doesNotContain("WITH_DR");
    }

    @Test
    void theActorsRenderAsAcceptedParticipantsInOrderAfterTheRowMapper() {
        Appointment a = BOOKED.map(row(Map.of("ID", 1, "WHO", 5, "WITH_DR", "ABC", "ROOM", 2, "STATE", "X")));

        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/5", "Practitioner/ABC", "Location/2");
        assertThat(a.getParticipant()).extracting(AppointmentParticipantComponent::getStatus)
                .containsOnly(Appointment.ParticipationStatus.ACCEPTED);
        assertThat(a.getParticipant()).allMatch(p -> !p.hasRequired());
    }

    @Test
    void aRowWithoutAnActorRendersNoParticipantForIt() {
        Appointment a = BOOKED.map(row(Map.of("ID", 1, "WHO", 5, "ROOM", 0)));

        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference()).containsExactly("Patient/5");
    }

    @Test
    void theSwitchesSetRequiredAndDeclineThePeople() {
        ResourceMapping<Appointment, Integer> strict = bookings(ACTORS.required(Appointment.ParticipantRequired.REQUIRED)
                .declinedWhenCancelled());

        Appointment cancelled = strict.map(row(Map.of("ID", 1, "WHO", 5, "WITH_DR", "ABC", "ROOM", 2, "STATE", "X")));
        assertThat(cancelled.getParticipant()).extracting(AppointmentParticipantComponent::getStatus).containsExactly(
                Appointment.ParticipationStatus.DECLINED, Appointment.ParticipationStatus.DECLINED,
                Appointment.ParticipationStatus.ACCEPTED);
        assertThat(cancelled.getParticipant()).extracting(AppointmentParticipantComponent::getRequired)
                .containsOnly(Appointment.ParticipantRequired.REQUIRED);

        Appointment booked = strict.map(row(Map.of("ID", 2, "WHO", 5, "WITH_DR", "ABC", "ROOM", 2, "STATE", "B")));
        assertThat(booked.getParticipant()).extracting(AppointmentParticipantComponent::getStatus)
                .containsOnly(Appointment.ParticipationStatus.ACCEPTED);
    }

    private static String where(String parameter, String value) {
        return DSL.using(SQLDialect.H2, new org.jooq.conf.Settings()
                        .withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER))
                .renderInlined(BOOKED.search().get(parameter).condition(null, List.of(value), null));
    }

    private static Row row(Map<String, Object> values) {
        return TestRows.of(List.of("ID", "STATE", "WHO", "WITH_DR", "ROOM"), values);
    }

    private static <T> Field<T> field(String table, String column, Class<T> type) {
        return DSL.field(DSL.name(table, column), type);
    }
}
