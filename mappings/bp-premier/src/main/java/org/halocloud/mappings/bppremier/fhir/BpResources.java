package org.halocloud.mappings.bppremier.fhir;

import org.halocloud.mappings.fhir.Elements;
import static org.halocloud.mappings.bppremier.fhir.BpTables.*;
import static org.halocloud.mappings.bppremier.fhir.BpPremierFhir.*;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.au.AuMedication;
import org.halocloud.mappings.au.AuProfiles;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.SimpleQuantity;

/** Row mappers: each FHIR element ← its BPSPatients column (trimmed, decoded). */
final class BpResources {

    private BpResources() {
    }

    // ------------------------------------------------------------------ practice, locations, roles

    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    // ------------------------------------------------------------------ encounters

    static Encounter encounter(Row r) {
        Encounter e = new Encounter();
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        CodeTable.Code visitClass = BpCodes.VISIT_CLASS.decode(r);
        if (visitClass == null) {
            e.setClass_(new Coding()).getClass_().addExtension(AuCodes.unknown());
        } else {
            e.setClass_(new Coding(BpCodes.ACT_CODE, visitClass.code(), visitClass.display()));
        }
        e.setSubject(new Reference("Patient/" + r.integer(VISIT_PATIENT)));
        Integer user = r.integer(VISIT_USER);
        if (user != null && user > 0) {
            e.addParticipant().addType(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PPRF", "primary performer")))
                    .setIndividual(new Reference("Practitioner/" + user));
        }
        LocalDateTime date = r.dateTime(VISITDATE);
        if (date != null) {
            LocalDateTime day = date.toLocalDate().atStartOfDay();
            int start = r.integer(STARTTIME);
            int end = r.integer(ENDTIME);
            Period period = e.getPeriod();
            period.setStartElement(instant(start > 0 ? day.plusSeconds(start) : date));
            if (end > start && start > 0) {
                period.setEndElement(instant(day.plusSeconds(end)));
            }
        }
        if (r.text(VISIT_REASON) != null) {
            e.addReasonCode().setText(r.text(VISIT_REASON));
        }
        Integer location = r.integer(VISIT_LOCATION);
        if (location != null && location > 0) {
            e.addLocation().setLocation(new Reference("Location/" + location));
        }
        if (r.integer(PRACTICE_REF) != null) {
            e.setServiceProvider(new Reference("Organization/" + r.integer(PRACTICE_REF)));
        }
        return e;
    }

    // ------------------------------------------------------------------ appointment book

    /** The start of today, practice time: a booked appointment of an earlier day that nobody arrived for is a no-show. */
    static LocalDateTime today() {
        return LocalDate.now(ZONE).atStartOfDay();
    }

    static Appointment appointment(Row r) {
        Appointment a = new Appointment();
        LocalDateTime date = r.dateTime(APPOINTMENTDATE);
        int code = r.integer(APPOINTMENTCODE);
        Integer arrival = r.integer(ARRIVALTIME);
        boolean cancelled = r.integer(CANCELLATIONS) > 0;
        a.setStatus(cancelled ? Appointment.AppointmentStatus.CANCELLED : switch (code) {
            case 2 -> Appointment.AppointmentStatus.ARRIVED;
            case 3 -> Appointment.AppointmentStatus.CHECKEDIN;
            case 4, 5, 6, 7 -> Appointment.AppointmentStatus.FULFILLED;
            default -> code == 1 && (arrival == null || arrival == 0) && date != null && date.isBefore(today())
                    ? Appointment.AppointmentStatus.NOSHOW : Appointment.AppointmentStatus.BOOKED;
        });
        if (cancelled && r.text(CANCELLATION_REASON) != null) {
            a.setCancelationReason(new CodeableConcept().setText(r.text(CANCELLATION_REASON)));
        }
        if (r.text(APPOINTMENT_TYPE_NAME) != null) {
            a.setAppointmentType(new CodeableConcept().setText(r.text(APPOINTMENT_TYPE_NAME)));
        }
        if (r.text(APPOINTMENT_REASON) != null) {
            a.addReasonCode().setText(r.text(APPOINTMENT_REASON));
        }
        if (date != null) {
            LocalDateTime start = date.toLocalDate().atStartOfDay().plusSeconds(r.integer(APPOINTMENTTIME));
            int length = Math.max(0, r.integer(APPOINTMENTLENGTH));
            a.setStartElement(instantType(start));
            a.setEndElement(instantType(start.plusSeconds(length)));
            if (length >= 60) {
                a.setMinutesDuration(length / 60);
            }
        }
        if (r.dateTime(APPOINTMENT_CREATED) != null) {
            a.setCreatedElement(instant(r.dateTime(APPOINTMENT_CREATED)));
        }
        return a; // the participants: BpPremierFhir's AppointmentActors
    }

    static Schedule schedule(Row r) {
        Schedule s = new Schedule();
        s.setActive(BpCodes.USER_ACTIVE.decode(r));
        s.addActor(new Reference("Practitioner/" + r.integer(USER_ID)));
        return s;
    }

    // ------------------------------------------------------------------ problems, allergies

    static org.hl7.fhir.r4.model.Condition condition(Row r) {
        var c = new org.hl7.fhir.r4.model.Condition();
        c.setClinicalStatus(new CodeableConcept(new Coding(BpCodes.CONDITION_CLINICAL,
                BpCodes.HISTORY_STATUS.decode(r).code(), null)));
        boolean provisional = r.integer(HISTORY_PROVISIONAL) != null && r.integer(HISTORY_PROVISIONAL) == 1;
        c.setVerificationStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                provisional ? "provisional" : "confirmed", provisional ? "Provisional" : "Confirmed")));
        c.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category",
                "problem-list-item", "Problem List Item")));
        CodeableConcept code = new CodeableConcept();
        if (r.text(CONDITION_SNOMEDCODE) != null) {
            code.addCoding(new Coding(AuCodes.SNOMED, r.text(CONDITION_SNOMEDCODE), null));
        }
        code.setText(r.text(ITEMTEXT));
        if (!code.hasCoding() && !code.hasText()) {
            code.addExtension(AuCodes.unknown());
        }
        c.setCode(code);
        Integer severity = r.integer(HISTORY_SEVERITYCODE);
        if (severity != null && severity >= 1 && severity <= 3) {
            c.setSeverity(severity(severity));
        }
        c.setSubject(new Reference("Patient/" + r.integer(HISTORY_PATIENT)));
        int year = r.integer(ONSET_YEAR);
        int month = r.integer(ONSET_MONTH);
        int day = r.integer(ONSET_DAY);
        if (year > 0) {
            c.setOnset(month < 1 || month > 12 ? new DateTimeType(String.format("%04d", year))
                    : day < 1 || day > 31 ? new DateTimeType(String.format("%04d-%02d", year, month))
                    : new DateTimeType(String.format("%04d-%02d-%02d", year, month, day)));
        }
        if (r.dateTime(HISTORY_CREATED) != null) {
            c.setRecordedDateElement(instant(r.dateTime(HISTORY_CREATED)));
        }
        Integer user = r.integer(HISTORY_USER);
        if (user != null && user > 0) {
            c.setRecorder(new Reference("Practitioner/" + user));
        }
        return c;
    }

    /** Bp's SEVERITYCODES 1 Mild, 2 Moderate, 3 Severe as the SNOMED CT severities FHIR's value set names. */
    private static CodeableConcept severity(int code) {
        return switch (code) {
            case 1 -> new CodeableConcept(new Coding(AuCodes.SNOMED, "255604002", "Mild"));
            case 2 -> new CodeableConcept(new Coding(AuCodes.SNOMED, "6736007", "Moderate"));
            default -> new CodeableConcept(new Coding(AuCodes.SNOMED, "24484000", "Severe"));
        };
    }

    static AllergyIntolerance allergyIntolerance(Row r) {
        AllergyIntolerance a = new AllergyIntolerance();
        // deleted reactions keep RECORDSTATUS 0 and are never served: every row served is active
        a.setClinicalStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")));
        a.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        CodeableConcept code = new CodeableConcept().setText(r.text(REACTION_ITEMNAME));
        if (!code.hasText()) {
            code.addExtension(AuCodes.unknown());
        }
        a.setCode(code);
        a.setPatient(new Reference("Patient/" + r.integer(REACTION_PATIENT)));
        if (r.dateTime(REACTION_CREATED) != null) {
            a.setRecordedDateElement(instant(r.dateTime(REACTION_CREATED)));
        }
        Integer user = r.integer(REACTION_USER);
        if (user != null && user > 0) {
            a.setRecorder(new Reference("Practitioner/" + user));
        }
        Integer severity = r.integer(REACTION_SEVERITY);
        if (r.text(REACTION) != null || (severity != null && severity >= 1 && severity <= 3)) {
            var reaction = a.addReaction();
            CodeableConcept manifestation = new CodeableConcept().setText(r.text(REACTION));
            if (!manifestation.hasText()) {
                manifestation.addExtension(AuCodes.unknown());
            }
            reaction.addManifestation(manifestation);
            if (severity != null && severity >= 1 && severity <= 3) {
                reaction.setSeverity(switch (severity) {
                    case 1 -> AllergyIntolerance.AllergyIntoleranceSeverity.MILD;
                    case 2 -> AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE;
                    default -> AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE;
                });
            }
        }
        return a;
    }

    // ------------------------------------------------------------------ immunisations, medicines

    static Immunization immunization(Row r) {
        Immunization i = new Immunization();
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        CodeableConcept vaccine = new CodeableConcept();
        if (r.text(ACIRCODE) != null) {
            vaccine.addCoding(new Coding(AuCodes.AIR_VACCINE_SYSTEM, r.text(ACIRCODE), null));
        }
        vaccine.setText(r.text(IMMUNISATION_VACCINENAME));
        if (!vaccine.hasCoding() && !vaccine.hasText()) {
            vaccine.addExtension(AuCodes.unknown());
        }
        i.setVaccineCode(vaccine);
        i.setPatient(new Reference("Patient/" + r.integer(IMMUNISATION_PATIENT)));
        LocalDate given = r.date(GIVENDATE);
        if (given != null) {
            i.setOccurrence(new DateTimeType(given.toString()));
        } else {
            DateTimeType unknown = new DateTimeType();
            unknown.addExtension(AuCodes.unknown());
            i.setOccurrence(unknown);
        }
        i.setPrimarySource(r.integer(NOTGIVENHERE) == 0);
        if (r.text(BATCHNUMBER) != null) {
            i.setLotNumber(r.text(BATCHNUMBER));
        }
        Integer giver = r.integer(ADMINISTEREDBY);
        if (giver != null && giver > 0) {
            i.addPerformer().setFunction(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0443",
                    "AP", "Administering Provider"))).setActor(new Reference("Practitioner/" + giver));
        }
        Integer dose = r.integer(DOSE_SEQUENCE);
        if (dose != null && dose > 0) {
            i.addProtocolApplied().setDoseNumber(new org.hl7.fhir.r4.model.PositiveIntType(dose));
        }
        return i;
    }

    static MedicationStatement medicationStatement(Row r) {
        MedicationStatement m = new MedicationStatement();
        // CURRENTRX.RXSTATUS: 1 long-term, 2 short-term
        Integer rxStatus = r.integer(RXSTATUS);
        if (rxStatus != null && (rxStatus == 1 || rxStatus == 2)) {
            m.addExtension(new Extension(AuProfiles.MEDICATION_LONG_TERM, new BooleanType(rxStatus == 1)));
        }
        m.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        m.setMedication(AuMedication.contain(m, medicine(r.text(RX_DRUGNAME))));
        m.setSubject(new Reference("Patient/" + r.integer(RX_PATIENT)));
        if (r.date(RX_FIRSTDATE) != null) {
            m.setEffective(new DateTimeType(r.date(RX_FIRSTDATE).toString()));
        }
        if (r.dateTime(RX_CREATED) != null) {
            m.setDateAssertedElement(instant(r.dateTime(RX_CREATED)));
        }
        if (r.text(RX_INDICATION) != null) {
            m.addReasonCode().setText(r.text(RX_INDICATION));
        }
        String dosage = dosageText(r.text(RX_DOSE), r.integer(RX_FREQUENCY), r.integer(RX_FOOD), r.integer(RX_PRN),
                r.text(RX_INSTRUCTIONS));
        if (dosage != null) {
            m.addDosage(new Dosage().setText(dosage).setAsNeeded(new BooleanType(r.integer(RX_PRN) == 1)));
        }
        return m;
    }

    /** PBS prescriptions are valid for twelve months from writing: younger scripts are active, older completed. */
    static LocalDateTime scriptsValidFrom() {
        return LocalDate.now(ZONE).minusYears(1).atStartOfDay();
    }

    static MedicationRequest medicationRequest(Row r) {
        MedicationRequest m = new MedicationRequest();
        LocalDateTime written = r.dateTime(SCRIPTDATE);
        m.setStatus(written != null && !written.isBefore(scriptsValidFrom())
                ? MedicationRequest.MedicationRequestStatus.ACTIVE : MedicationRequest.MedicationRequestStatus.COMPLETED);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(AuMedication.contain(m, medicine(r.text(ITEM_DRUGNAME))));
        m.setSubject(new Reference("Patient/" + r.integer(ITEM_PATIENT)));
        if (written != null) {
            m.setAuthoredOnElement(new DateTimeType(written.toLocalDate().toString()));
        } else {
            m.getAuthoredOnElement().addExtension(AuCodes.unknown());
        }
        Integer prescriber = r.integer(SCRIPT_USER);
        if (prescriber != null && prescriber > 0) {
            m.setRequester(new Reference("Practitioner/" + prescriber));
        } else {
            Reference unknown = new Reference();
            unknown.addExtension(AuCodes.unknown());
            m.setRequester(unknown);
        }
        m.setGroupIdentifier(new Identifier().setValue(String.valueOf(r.integer(ITEM_SCRIPTID))));
        String dosage = dosageText(r.text(ITEM_DOSE), r.integer(ITEM_FREQUENCY), r.integer(ITEM_FOOD),
                r.integer(ITEM_PRN), r.text(ITEM_INSTRUCTIONS));
        if (dosage != null) {
            m.addDosageInstruction(new Dosage().setText(dosage).setAsNeeded(new BooleanType(r.integer(ITEM_PRN) == 1)));
        }
        var dispense = m.getDispenseRequest();
        Integer quantity = r.integer(ITEM_QUANTITY);
        if (quantity != null && quantity > 0) {
            SimpleQuantity q = new SimpleQuantity();
            q.setValue(quantity);
            if (r.text(ITEM_PRODUCTUNIT) != null) {
                q.setUnit(r.text(ITEM_PRODUCTUNIT));
            }
            dispense.setQuantity(q);
        }
        Integer repeats = r.integer(ITEM_REPEATS);
        if (repeats != null && repeats >= 0) {
            dispense.setNumberOfRepeatsAllowed(repeats);
        }
        return m;
    }

    /** The medicine as the doctor's software named it: text only (Bp's product ids are not AMT or PBS codes). */
    private static CodeableConcept medicine(String name) {
        CodeableConcept c = new CodeableConcept().setText(name);
        if (name == null) {
            c.addExtension(AuCodes.unknown());
        }
        return c;
    }

    /** The decodes of Bp's FREQUENCY and FOOD codes, as the BPS_CurrentRx view spells them. */
    private static String dosageText(String dose, Integer frequency, Integer food, Integer prn, String instructions) {
        List<String> parts = new ArrayList<>();
        if (dose != null) {
            parts.add(dose);
        }
        String often = frequency == null ? null : switch (frequency) {
            case 1 -> "daily";
            case 2 -> "twice a day";
            case 3 -> "three times a day";
            case 4 -> "four times a day";
            case 5 -> "at night";
            case 6 -> "in the morning";
            case 7 -> "weekly";
            default -> null;
        };
        if (often != null) {
            parts.add(often);
        }
        if (food != null && (food == 1 || food == 2)) {
            parts.add(food == 1 ? "with food" : "before food");
        }
        if (prn != null && prn == 1) {
            parts.add("when required");
        }
        if (instructions != null) {
            parts.add(instructions);
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    // ------------------------------------------------------------------ small helpers

    /** A practice-local time as a FHIR instant with the practice's offset. */
    private static org.hl7.fhir.r4.model.InstantType instantType(LocalDateTime local) {
        return new org.hl7.fhir.r4.model.InstantType(Date.from(local.atZone(ZONE).toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(ZONE));
    }

    /** A practice-local time as a FHIR dateTime with the practice's offset. */
    static DateTimeType instant(LocalDateTime local) {
        return Elements.localDateTime(local, ZONE);
    }

    private static void telecom(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system, String value) {
        Elements.contact(telecom, system, value, ContactPoint.ContactPointUse.WORK);
    }
}
