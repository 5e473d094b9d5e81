package org.halocloud.mappings.au;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.halocloud.mappings.fhir.MappedBlock;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.jooq.Field;

/**
 * An Appointment's actors, declared once: the patient, the practitioner and the location, each a {@link Ref} to
 * its mapping. Renders them as participants in that order (none for a row that holds no id), and answers the
 * reference parameters {@code patient}, {@code practitioner}, {@code location} and {@code actor} (any of the three)
 * with an {@code _include} for each. Take it with {@code ResourceMapping.Builder.with(...)}.
 *
 * <p>A participant has accepted unless {@link #declinedWhenCancelled()}; {@link #required} sets whether it must
 * attend.
 */
public final class AppointmentActors implements MappedBlock<Appointment> {

    private final Ref<?> patient;
    private final Ref<?> practitioner;
    private final Ref<?> location;
    private final ParticipantRequired required;
    private final boolean declinedWhenCancelled;

    private AppointmentActors(Ref<?> patient, Ref<?> practitioner, Ref<?> location, ParticipantRequired required,
                              boolean declinedWhenCancelled) {
        this.patient = Objects.requireNonNull(patient, "patient");
        this.practitioner = Objects.requireNonNull(practitioner, "practitioner");
        this.location = Objects.requireNonNull(location, "location");
        this.required = required;
        this.declinedWhenCancelled = declinedWhenCancelled;
    }

    /** The actors in their columns: references to the patients', practitioners' and locations' mappings. */
    public static AppointmentActors of(Ref<?> patient, Ref<?> practitioner, Ref<?> location) {
        return new AppointmentActors(patient, practitioner, location, null, false);
    }

    /** Every participant's {@code required} (none unless declared). */
    public AppointmentActors required(ParticipantRequired whether) {
        return new AppointmentActors(patient, practitioner, location, whether, declinedWhenCancelled);
    }

    /**
     * The patient and the practitioner of a cancelled appointment have declined (the location still accepts);
     * reads the status the mapping's row mapper set.
     */
    public AppointmentActors declinedWhenCancelled() {
        return new AppointmentActors(patient, practitioner, location, required, true);
    }

    private List<Ref<?>> refs() {
        return List.of(patient, practitioner, location);
    }

    @Override
    public List<Field<?>> columns() {
        List<Field<?>> all = new ArrayList<>();
        refs().forEach(ref -> all.addAll(ref.columns()));
        return all;
    }

    @Override
    public Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        search.put("patient", patient.parameter());
        search.put("practitioner", practitioner.parameter());
        search.put("location", location.parameter());
        search.put("actor", Params.references(patient.asTarget(), practitioner.asTarget(), location.asTarget()));
        return search;
    }

    @Override
    public List<String> includes() {
        return List.of("patient", "practitioner", "location", "actor");
    }

    @Override
    public List<MappedElement> elements() {
        return refs().stream().map(ref -> ref.element("Appointment.participant.actor")).toList();
    }

    @Override
    public void render(Row row, Appointment appointment) {
        boolean declined = declinedWhenCancelled
                && appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED;
        participant(appointment, patient.render(row), declined);
        participant(appointment, practitioner.render(row), declined);
        participant(appointment, location.render(row), false);
    }

    private void participant(Appointment appointment, Reference actor, boolean declined) {
        if (actor == null) {
            return;
        }
        Appointment.AppointmentParticipantComponent p = appointment.addParticipant().setActor(actor);
        if (required != null) {
            p.setRequired(required);
        }
        p.setStatus(declined ? ParticipationStatus.DECLINED : ParticipationStatus.ACCEPTED);
    }
}
