package org.halocloud.mappings.d4w.fhir;

import static org.halocloud.mappings.d4w.fhir.D4wTables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.au.AuMedication;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

/** Row mappers: each FHIR element ← its D4W column (trimmed, decoded). */
final class D4wResources {

    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    private D4wResources() {
    }

    // ---- people ----

    // ---- places ----

    /** au-core-loc-01 asks for an address, a type or an identifier: D4W's location code is that identifier. */
    static void locationCode(Row r, Location l) {
        if (!l.hasAddress() && r.text(LOC_LOCATION_CODE) != null) {
            l.addIdentifier().setSystem(D4wFhir.LOCATION_CODE_SYSTEM).setValue(r.text(LOC_LOCATION_CODE));
        }
    }

    // ---- clinical record ----

    static Procedure procedure(Row r) {
        Procedure p = new Procedure();
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        String item = r.text(TX_ITEM_CODE);
        String description = r.text(ITEM_DESCRIPTION);
        p.setCode(new CodeableConcept(new Coding(AuCodes.ADA_ITEM_SYSTEM, item, description))
                .setText(description == null ? "ADA item " + item : description));
        p.setSubject(new Reference("Patient/" + r.text(TX_PATIENT_ID)));
        LocalDate date = r.date(TX_TREATMENT_DATE);
        if (date != null) {
            p.setPerformed(new DateTimeType(date.toString()));
        }
        if (r.integer(TX_PROVIDER_ID) != null) {
            p.addPerformer().setActor(new Reference("Practitioner/" + r.text(TX_PROVIDER_ID)));
        }
        if (r.integer(TX_LOCATION_ID) != null) {
            p.setLocation(new Reference("Location/" + r.text(TX_LOCATION_ID)));
        }
        String tooth = r.text(TX_TOOTH);
        if (tooth != null) {
            // FDI tooth and surfaces as text: au-core-pro-01 wants SNOMED CT in any coded body site, and D4W holds none
            String surfaces = r.text(TX_SURFACES);
            p.addBodySite().setText("Tooth " + tooth + " (FDI)" + (surfaces == null ? "" : ", surfaces " + surfaces));
        }
        if (r.text(TX_NOTE) != null) {
            p.addNote().setText(r.text(TX_NOTE));
        }
        return p;
    }

    static Condition condition(Row r) {
        Condition c = new Condition();
        c.addCategory(new CodeableConcept(new Coding(D4wFhir.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        CodeableConcept code = new CodeableConcept().setText(r.text(MH_DESCRIPTION));
        if (r.text(MH_CONDITION_CODE) != null) {
            code.addCoding(new Coding(D4wFhir.CONDITION_CODE_SYSTEM, r.text(MH_CONDITION_CODE), r.text(MH_DESCRIPTION)));
        }
        c.setCode(code);
        CodeTable.Code status = D4wCodes.CONDITION_STATUS.decode(r);
        c.setClinicalStatus(new CodeableConcept(new Coding(D4wCodes.CONDITION_STATUS.system(), status.code(),
                status.display())));
        c.setSubject(new Reference("Patient/" + r.text(MH_PATIENT_ID)));
        LocalDate recorded = r.date(MH_DATE_RECORDED);
        if (recorded != null) {
            c.setRecordedDateElement(new DateTimeType(recorded.toString()));
        }
        if (r.flag(MH_IS_ALERT)) {
            c.addNote().setText("Medical alert");
        }
        return c;
    }

    static AllergyIntolerance allergy(Row r) {
        AllergyIntolerance a = new AllergyIntolerance();
        // D4W keeps no status: a listed allergy is current (ait-1 asks for a clinical status when none is verified)
        a.setClinicalStatus(new CodeableConcept(new Coding(D4wFhir.ALLERGY_CLINICAL, "active", "Active")));
        a.setCode(new CodeableConcept().setText(r.text(ALG_ALLERGEN)));
        a.setPatient(new Reference("Patient/" + r.text(ALG_PATIENT_ID)));
        LocalDate recorded = r.date(ALG_DATE_RECORDED);
        if (recorded != null) {
            a.setRecordedDateElement(new DateTimeType(recorded.toString()));
        }
        AllergyIntolerance.AllergyIntoleranceSeverity severity = switch (r.text(ALG_SEVERITY) == null ? "" : r.text(ALG_SEVERITY)) {
            case "M" -> AllergyIntolerance.AllergyIntoleranceSeverity.MILD;
            case "O" -> AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE;
            case "S" -> AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE;
            default -> null;
        };
        if (r.text(ALG_REACTION) != null) {
            var reaction = a.addReaction();
            reaction.addManifestation().setText(r.text(ALG_REACTION));
            reaction.setSeverity(severity);
        } else if (severity == AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE) {
            a.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        }
        return a;
    }

    static MedicationStatement medicationStatement(Row r) {
        MedicationStatement m = new MedicationStatement();
        m.setStatus(D4wCodes.MEDICATION_STATUS.decode(r));
        m.setMedication(AuMedication.contain(m, new CodeableConcept().setText(r.text(MED_MEDICATION))));
        m.setSubject(new Reference("Patient/" + r.text(MED_PATIENT_ID)));
        LocalDate recorded = r.date(MED_DATE_RECORDED);
        if (recorded != null) {
            m.setDateAssertedElement(new DateTimeType(recorded.toString()));
        }
        if (r.text(MED_DOSE_TEXT) != null) {
            m.addDosage().setText(r.text(MED_DOSE_TEXT));
        }
        return m;
    }

    // ---- appointment book ----

    static Appointment appointment(Row r) {
        Appointment a = new Appointment();
        a.setStatus(D4wCodes.APPOINTMENT_STATUS.decode(r));
        LocalDate date = r.date(APPT_APPT_DATE);
        LocalTime time = r.time(APPT_START_TIME);
        if (date != null && time != null) {
            LocalDateTime start = date.atTime(time);
            int minutes = r.integer(APPT_LENGTH_MIN) == null ? 0 : r.integer(APPT_LENGTH_MIN);
            a.setStart(Date.from(start.atZone(ZONE).toInstant()));
            a.setEnd(Date.from(start.plusMinutes(minutes).atZone(ZONE).toInstant()));
            a.setMinutesDuration(minutes);
        }
        if (r.text(APPT_APPT_TYPE) != null) {
            a.addServiceType(new CodeableConcept(new Coding(D4wFhir.APPOINTMENT_TYPE_SYSTEM, r.text(APPT_APPT_TYPE),
                    r.text(APPT_APPT_TYPE))).setText(r.text(APPT_APPT_TYPE)));
            a.setDescription(r.text(APPT_APPT_TYPE));
        }
        if (r.text(APPT_NOTE) != null) {
            a.setComment(r.text(APPT_NOTE));
        }
        LocalDateTime created = r.dateTime(APPT_DATE_CREATED);
        if (created != null) {
            a.setCreated(Date.from(created.atZone(ZONE).toInstant()));
        }
        return a; // the participants: D4wFhir's AppointmentActors
    }

    // ---- shared ----

    static Schedule schedule(Row r) {
        Schedule s = new Schedule();
        s.setActive(D4wCodes.BOOK_ACTIVE.decode(r));
        s.addActor(new Reference("Practitioner/" + r.integer(BOOK_PROVIDER_ID)));
        s.addActor(new Reference("Location/" + r.integer(BOOK_LOCATION_ID)));
        if (r.text(BOOK_CHAIR_NAME) != null) {
            s.setComment(r.text(BOOK_CHAIR_NAME));
        }
        return s;
    }
}
