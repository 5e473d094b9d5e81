package org.halocloud.mappings.zedmed.fhir;

import org.halocloud.mappings.fhir.Elements;
import static org.halocloud.mappings.zedmed.fhir.ZedmedFhir.*;
import static org.halocloud.mappings.zedmed.fhir.ZedmedTables.*;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.au.AuMedication;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;

/** Row mappers: each FHIR element ← its Zedmed column (trimmed, decoded). */
final class ZedmedResources {

    static final String MEDICATION_LONG_TERM = "http://hl7.org.au/fhir/StructureDefinition/medication-long-term";
    static final String NO_KNOWN_ALLERGY = "716186003";

    private ZedmedResources() {
    }

    // ------------------------------------------------------------------ people and places

    /** A Centrelink concession card of the type CONCESSION_TYPE names (PEN, HCC, CSH); null for none or another. */
    static Identifier concessionCard(Row r) {
        String concession = r.text(CONCESSION_NO);
        if (concession == null) {
            return null;
        }
        return switch (String.valueOf(r.text(CONCESSION_TYPE))) {
            case "PEN" -> AuCodes.pensionerConcessionCard(concession);
            case "HCC" -> AuCodes.healthCareCard(concession);
            case "CSH" -> AuCodes.seniorsHealthCard(concession);
            default -> null;
        };
    }

    /** Zedmed records a death the HI Service reported as the IHI's status: deceased, without a date. */
    static void deceasedByIhi(Row r, Patient p) {
        if (!p.hasDeceased() && ZedmedCodes.IHI_STATUS.decode(r) == ZedmedCodes.IHI_DECEASED) {
            p.setDeceased(new BooleanType(true));
        }
    }

    /** A doctor's SPECIALTY as the role's code and specialty: text, coded when it is general practice. */
    static void specialty(Row r, PractitionerRole role) {
        String specialty = r.text(ROLE_SPECIALTY);
        if (specialty != null) {
            boolean gp = specialty.toUpperCase().startsWith("GENERAL PRACTICE");
            CodeableConcept code = new CodeableConcept().setText(specialty);
            CodeableConcept field = new CodeableConcept().setText(specialty);
            if (gp) {
                code.addCoding(new Coding(ANZSCO, "253111", "General Practitioner"));
                field.addCoding(new Coding(SNOMED, "394814009", "General practice (specialty)"));
            }
            role.addCode(code);
            role.addSpecialty(field);
        }
    }

    static Appointment appointment(Row r) {
        Appointment a = new Appointment();
        a.setStatus(ZedmedCodes.APPOINTMENT_STATUS.decode(r));
        if (r.text(CANCEL_REASON) != null) {
            a.setCancelationReason(new CodeableConcept().setText(r.text(CANCEL_REASON)));
        }
        if (r.text(APPT_TYPE_NAME) != null) {
            a.setAppointmentType(new CodeableConcept().setText(r.text(APPT_TYPE_NAME)));
        }
        if (r.integer(APPT_ACTIVITY_ID) != null) {
            a.addServiceType(new CodeableConcept(new Coding(ZedmedFhir.ACTIVITY_TYPE_SYSTEM,
                    r.text(APPT_ACTIVITY_ID), r.text(APPT_ACTIVITY_NAME))).setText(r.text(APPT_ACTIVITY_NAME)));
        }
        a.setDescription(r.text(APPT_REASON));
        a.setComment(r.text(APPT_NOTE));
        LocalDateTime start = r.dateTime(APPT_START);
        if (start != null) {
            a.setStartElement(instant(start));
            Integer minutes = r.integer(DURATION_MIN);
            if (minutes != null) {
                a.setEndElement(instant(start.plusMinutes(minutes)));
                a.setMinutesDuration(minutes);
            }
        }
        if (r.dateTime(APPT_CREATED_AT) != null) {
            a.setCreatedElement(dateTime(r.dateTime(APPT_CREATED_AT)));
        }
        return a; // the participants: ZedmedFhir's AppointmentActors
    }

    // ------------------------------------------------------------------ clinical record

    static Encounter encounter(Row r) {
        Encounter e = new Encounter();
        LocalDateTime end = r.dateTime(CONSULT_END);
        e.setStatus(end == null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        CodeTable.Code consultClass = ZedmedCodes.CONSULT_CLASS.decode(r);
        e.setClass_(new Coding(ACT_CODE, consultClass.code(), consultClass.display()));
        e.setSubject(patient(r.text(CONSULT_PATIENT_ID)));
        Period period = e.getPeriod();
        period.setStartElement(dateTime(r.dateTime(CONSULT_START)));
        if (end != null) {
            period.setEndElement(dateTime(end));
        }
        String branch = r.text(CONSULT_BRANCH_ID);
        String doctor = r.text(CONSULT_DR_CODE);
        if (doctor != null) {
            e.addParticipant()
                    .addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                            "PPRF", "primary performer")))
                    .setIndividual(new Reference(branch != null ? "PractitionerRole/" + doctor + "-" + branch
                            : "Practitioner/" + doctor));
        }
        if (r.text(CONSULT_REASON) != null) {
            e.addReasonCode().setText(r.text(CONSULT_REASON));
        }
        if (branch != null) {
            e.addLocation().setLocation(new Reference("Location/" + branch));
            e.setServiceProvider(new Reference("Organization/" + branch));
        }
        if (r.text(CONSULT_APPT_ID) != null) {
            e.addAppointment(new Reference("Appointment/" + r.text(CONSULT_APPT_ID)));
        }
        return e;
    }

    static Condition condition(Row r) {
        Condition c = new Condition();
        boolean resolved = r.dateTime(RESOLVED_DATE) != null
                || r.integer(PROBLEM_IS_ACTIVE) == 0 && r.integer(IS_PAST_HISTORY) == 1;
        String status = resolved ? "resolved" : r.integer(PROBLEM_IS_ACTIVE) == 1 ? "active" : "inactive";
        c.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, status, null)));
        c.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
        c.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        CodeableConcept code = new CodeableConcept().setText(r.text(PROBLEM_DESCRIPTION));
        if (r.text(SNOMED_ID) != null) {
            code.addCoding(new Coding(SNOMED, r.text(SNOMED_ID), null));
        }
        c.setCode(code);
        c.setSubject(patient(r.text(PROBLEM_PATIENT_ID)));
        if (r.date(ONSET_DATE) != null) {
            c.setOnset(date(r.date(ONSET_DATE)));
        }
        if (r.date(RESOLVED_DATE) != null) {
            c.setAbatement(date(r.date(RESOLVED_DATE)));
        }
        if (r.dateTime(PROBLEM_RECORDED_AT) != null) {
            c.setRecordedDateElement(dateTime(r.dateTime(PROBLEM_RECORDED_AT)));
        }
        if (r.text(PROBLEM_CONSULT_ID) != null) {
            c.setEncounter(new Reference("Encounter/" + r.text(PROBLEM_CONSULT_ID)));
        }
        return c;
    }

    static AllergyIntolerance allergy(Row r) {
        AllergyIntolerance a = new AllergyIntolerance();
        CodeTable.Code status = ZedmedCodes.ALLERGY_STATUS.decode(r);
        a.setClinicalStatus(new CodeableConcept(new Coding(ALLERGY_CLINICAL, status.code(), status.display())));
        a.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed")));
        a.setPatient(patient(r.text(ALLERGY_PATIENT_ID)));
        String agent = r.text(AGENT);
        String snomed = r.text(AGENT_SNOMED);
        if (NO_KNOWN_ALLERGY.equals(snomed) || snomed == null && agent != null
                && agent.toUpperCase().matches("(NIL|NO) KNOWN( DRUG)? ALLERG.*|NKDA|NKA")) {
            // AU Core: a statement that the patient has no known allergies is this SNOMED concept, nothing more
            a.setCode(new CodeableConcept(new Coding(SNOMED, NO_KNOWN_ALLERGY, "No known allergy")).setText(agent));
        } else {
            CodeableConcept code = new CodeableConcept().setText(agent);
            if (snomed != null) {
                code.addCoding(new Coding(SNOMED, snomed, null));
            }
            a.setCode(code);
            String type = r.text(ALLERGY_TYPE);
            if ("A".equals(type)) {
                a.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
            } else if ("I".equals(type)) {
                a.setType(AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);
            }
            if (r.text(REACTION) != null) {
                var reaction = a.addReaction();
                reaction.addManifestation().setText(r.text(REACTION));
                String severity = r.text(SEVERITY);
                if (severity != null) {
                    switch (severity) {
                        case "M" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
                        case "O" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
                        case "S" -> reaction.setSeverity(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
                        default -> {
                        }
                    }
                }
            }
        }
        if (r.dateTime(ALLERGY_RECORDED_AT) != null) {
            a.setRecordedDateElement(dateTime(r.dateTime(ALLERGY_RECORDED_AT)));
        }
        return a;
    }

    static MedicationStatement medicationStatement(Row r) {
        MedicationStatement m = new MedicationStatement();
        LocalDate ceased = r.date(CEASED_DATE);
        boolean longTerm = r.integer(LONG_TERM) != 0;
        m.setStatus(ceased == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : longTerm ? MedicationStatement.MedicationStatementStatus.STOPPED
                : MedicationStatement.MedicationStatementStatus.COMPLETED);
        if (ceased != null && r.text(CEASED_REASON) != null) {
            m.addStatusReason().setText(r.text(CEASED_REASON));
        }
        m.setMedication(AuMedication.contain(m,
                medication(r.text(DRUG_NAME), r.text(STRENGTH), r.text(FORM), r.text(AMT_CODE), r.text(PBS_CODE))));
        m.setSubject(patient(r.text(MED_PATIENT_ID)));
        LocalDate start = r.date(START_DATE);
        if (start != null || ceased != null) {
            Period effective = new Period();
            if (start != null) {
                effective.setStartElement(date(start));
            }
            if (ceased != null) {
                effective.setEndElement(date(ceased));
            }
            m.setEffective(effective);
        }
        if (r.text(DOSE_TEXT) != null) {
            m.addDosage(new Dosage().setText(r.text(DOSE_TEXT)));
        }
        m.addExtension(new Extension(MEDICATION_LONG_TERM, new BooleanType(longTerm)));
        return m;
    }

    static MedicationRequest medicationRequest(Row r) {
        MedicationRequest m = new MedicationRequest();
        m.setStatus(ZedmedCodes.SCRIPT_STATUS.decode(r));
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(AuMedication.contain(m, medication(r.text(RX_DRUG_NAME), r.text(RX_STRENGTH), r.text(RX_FORM),
                r.text(RX_AMT_CODE), r.text(RX_PBS_CODE))));
        m.setSubject(patient(r.text(RX_PATIENT_ID)));
        if (r.date(SCRIPT_DATE) != null) {
            m.setAuthoredOnElement(date(r.date(SCRIPT_DATE)));
        } else {
            m.getAuthoredOnElement().addExtension(AuCodes.unknown());
        }
        if (r.text(RX_DR_CODE) != null) {
            m.setRequester(new Reference("Practitioner/" + r.text(RX_DR_CODE)));
        } else {
            m.getRequester().addExtension(AuCodes.unknown());
        }
        if (r.text(RX_DOSE_TEXT) != null) {
            m.addDosageInstruction(new Dosage().setText(r.text(RX_DOSE_TEXT)));
        }
        Integer quantity = r.integer(QUANTITY);
        Integer repeats = r.integer(REPEATS);
        if (quantity != null) {
            m.getDispenseRequest().getQuantity().setValue(quantity);
        }
        if (repeats != null) {
            m.getDispenseRequest().setNumberOfRepeatsAllowed(repeats);
        }
        return m;
    }

    static Immunization immunization(Row r) {
        Immunization i = new Immunization();
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        CodeableConcept vaccine = new CodeableConcept().setText(r.text(VACCINE_NAME));
        if (r.text(AIR_CODE) != null) {
            vaccine.addCoding(new Coding(AIR, r.text(AIR_CODE), null));
        }
        if (r.text(IMM_AMT_CODE) != null) {
            vaccine.addCoding(new Coding(SNOMED, r.text(IMM_AMT_CODE), r.text(VACCINE_NAME)));
        }
        i.setVaccineCode(vaccine);
        i.setPatient(patient(r.text(IMM_PATIENT_ID)));
        i.setOccurrence(date(r.date(GIVEN_DATE)));
        i.setPrimarySource(r.integer(GIVEN_ELSEWHERE) == 0);
        i.setLotNumber(r.text(BATCH_NO));
        if (r.text(IMM_SITE) != null) {
            i.setSite(new CodeableConcept().setText(r.text(IMM_SITE)));
        }
        String route = r.text(IMM_ROUTE);
        if (route != null) {
            CodeableConcept c = new CodeableConcept().setText(route);
            switch (route.toUpperCase()) {
                case "IM" -> c.addCoding(new Coding(SNOMED, "78421000", "Intramuscular route"));
                case "SC" -> c.addCoding(new Coding(SNOMED, "34206005", "Subcutaneous route"));
                case "PO", "ORAL" -> c.addCoding(new Coding(SNOMED, "26643006", "Oral route"));
                default -> {
                }
            }
            i.setRoute(c);
        }
        if (r.text(IMM_DR_CODE) != null) {
            i.addPerformer()
                    .setFunction(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0443", "AP",
                            "Administering Provider")))
                    .setActor(new Reference("Practitioner/" + r.text(IMM_DR_CODE)));
        }
        Integer dose = r.integer(DOSE_NO);
        if (dose != null && dose > 0) {
            i.addProtocolApplied().setDoseNumber(new org.hl7.fhir.r4.model.PositiveIntType(dose));
        }
        return i;
    }

    static Schedule schedule(Row r) {
        Schedule s = new Schedule();
        s.setActive(ZedmedCodes.DOCTOR_ACTIVE.decode(r));
        s.addActor(new Reference("Practitioner/" + r.text(DR_CODE)));
        return s;
    }

    // ------------------------------------------------------------------ helpers

    /** A medicine as the PMS names it, with its AMT (SNOMED CT-AU) and PBS item codings where it holds them. */
    static CodeableConcept medication(String drug, String strength, String form, String amt, String pbs) {
        StringBuilder text = new StringBuilder(drug == null ? "" : drug);
        if (strength != null) {
            text.append(' ').append(strength);
        }
        if (form != null) {
            text.append(' ').append(form);
        }
        CodeableConcept c = new CodeableConcept().setText(text.toString().strip());
        if (amt != null) {
            c.addCoding(new Coding(SNOMED, amt, null));
        }
        if (pbs != null) {
            c.addCoding(new Coding(PBS, pbs, null));
        }
        return c;
    }

    static Reference patient(String id) {
        return new Reference("Patient/" + id);
    }

    static void phone(ContactPoint telecom, String number, ContactPoint.ContactPointUse use) {
        if (number != null) {
            telecom.setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number).setUse(use);
        }
    }

    /** A practice-local time as a FHIR dateTime to the second, with the practice's offset. */
    static DateTimeType dateTime(LocalDateTime local) {
        return Elements.localDateTime(local, ZONE);
    }

    static InstantType instant(LocalDateTime local) {
        return new InstantType(Date.from(local.atZone(ZONE).toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(ZONE));
    }

    /** A date column as a FHIR dateTime precise to the day. */
    static DateTimeType date(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
