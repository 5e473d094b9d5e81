package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.HOME;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.MOBILE;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.WORK;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halocloud.mappings.au.AppointmentActors;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.au.AuCoreLocation;
import org.halocloud.mappings.au.AuCoreOrganization;
import org.halocloud.mappings.au.AuCorePatient;
import org.halocloud.mappings.au.AuCorePractitioner;
import org.halocloud.mappings.au.AuCorePractitionerRole;
import org.halocloud.mappings.au.AuIdentifier;
import org.halocloud.mappings.au.AuIdentifier.Kind;
import org.halocloud.mappings.au.AuProfiles;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.SearchParameter;
import org.halocloud.mappings.fhir.SlotCalendar;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Schedule;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Bp Premier (BPSPatients) as AU Core resources. The search specs say which FHIR parameter reads which column;
 * the row mappers are in {@link BpResources}.
 */
public final class BpPremierFhir implements PmsMapping {

    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");
    /**
     * Bp Premier's SQL Server database compares text case-insensitively (its collation is _CI_AS; the demo sets the
     * same), so name searches are plain LIKEs that IX_PATIENTS_NAME serves instead of a scan of every patient.
     */
    private static final Params.Collation CI = Params.Collation.CASE_INSENSITIVE;
    /** Bp's pseudo-patients that block appointment slots: never people. */
    private static final List<String> PSEUDO_PATIENTS = List.of("DO NOT BOOK", "CARE PLAN", "CANCELLED");
    /** User groups that are clinicians (not reception or management). */
    private static final List<Integer> CLINICAL_GROUPS = List.of(1, 2, 3, 4, 7);

    /** A live patient: not deleted, not INTERNALID 0, not a pseudo-patient blocking the appointment book. */
    private static final Condition LIVE_PATIENT = PATIENT_RECORDSTATUS.eq(1).and(PATIENT_ID.gt(0))
            .and(DSL.trim(SURNAME).notIn(PSEUDO_PATIENTS));
    private static final Condition LIVE_CLINICIAN = USER_RECORDSTATUS.eq(1).and(GROUPCODE.in(CLINICAL_GROUPS));

    static final ResourceMapping<Practitioner, Integer> PRACTITIONER = AuCorePractitioner
            .of(USER_ID, Params::integerId)
            .from(USERS).where(LIVE_CLINICIAN).collation(CI)
            .identifiers(Kind.HPII.of(HPII).indexed(), Kind.PRESCRIBER_NUMBER.of(PRESCRIBERNO))
            .nameUse(null).family(USER_SURNAME).given(USER_FIRSTNAME)
            .phone(WORK, USER_PHONE).email(WORK, USER_EMAIL)
            .active(BpCodes.USER_ACTIVE)
            .without("given")
            .mapping();

    static final ResourceMapping<Patient, Integer> PATIENT = AuCorePatient
            .of(PATIENT_ID, Params::integerId)
            .from(PATIENTS.crossJoin(PRACTICE)).where(LIVE_PATIENT).collation(CI).zone(ZONE)
            .identifiers(Kind.IHI.of(IHI).indexed(),
                    AuIdentifier.medicare(MEDICARENO, MEDICARELINENO, MEDICAREEXPIRY),
                    AuIdentifier.dva(DVANO, BpCodes.DVA_CARD),
                    AuIdentifier.medicalRecordNumber(PRACTICE_HPIO, RECORDNO, PRACTICENAME))
            .family(SURNAME).given(FIRSTNAME).middleName(MIDDLENAME).preferred(PREFERREDNAME)
            .phone(HOME, HOMEPHONE).phone(WORK, WORKPHONE).phone(MOBILE, MOBILEPHONE)
            .gender(BpCodes.SEX).birthDate(DOB).deceased(DATEOFDEATH)
            .address(ADDRESS1, ADDRESS2, CITY, null, POSTCODE)
            .active(BpCodes.PATIENT_ACTIVE)
            .indigenousStatus(BpCodes.INDIGENOUS_STATUS)
            .generalPractitioner(Ref.to(PRACTITIONER, USUAL_DOCTOR))
            .version(PATIENT_VERSION).writtenBy(BpPatientWrites.PATH)
            .mapping();

    // ------------------------------------------------------------------ practice, locations, roles

    /** Bp holds one practice: Organization/{PRACTICEID}; every location and role belongs to it. */
    private static final Field<Integer> THE_PRACTICE = DSL.field(
            DSL.select(DSL.min(PRACTICEID)).from(PRACTICE).where(PRACTICE_RECORDSTATUS.eq(1)));
    static final Field<Integer> PRACTICE_REF = THE_PRACTICE.as("ORGANIZATIONID");

    static final ResourceMapping<Organization, Integer> ORGANIZATION = AuCoreOrganization
            .of(PRACTICEID, Params::integerId)
            .from(PRACTICE).where(PRACTICE_RECORDSTATUS.eq(1)).collation(CI)
            .identifiers(Kind.HPIO.of(PRACTICE_HPIO), Kind.ABN.ofDigits(PRACTICE_ABN, 11))
            .name(PRACTICENAME)
            .alwaysActive()
            .mapping();

    static final ResourceMapping<Location, Integer> LOCATION = AuCoreLocation
            .of(LOCATIONID, Params::integerId)
            .from(LOCATIONS).where(LOCATION_RECORDSTATUS.eq(1)).collation(CI)
            .name(LOCATIONNAME)
            .address(LOCATION_ADDRESS1, LOCATION_ADDRESS2, LOCATION_CITY, null, LOCATION_POSTCODE)
            .addressType(Address.AddressType.PHYSICAL)
            .phone(WORK, LOCATION_PHONE).telecom(ContactPoint.ContactPointSystem.FAX, WORK, LOCATION_FAX)
            .email(WORK, LOCATION_EMAIL)
            .alwaysActive().building()
            .managingOrganization(Ref.to(ORGANIZATION, PRACTICE_REF))
            .without("organization")
            .mapping();

    static final ResourceMapping<PractitionerRole, Integer> PRACTITIONER_ROLE = AuCorePractitionerRole
            .of(PL_ID, Params::integerId)
            .from(PROVIDER_LOCATION)
            .where(PL_RECORDSTATUS.eq(1)
                    .and(PL_USERID.in(DSL.select(USER_ID).from(USERS).where(LIVE_CLINICIAN)))
                    .and(PL_LOCATIONID.in(DSL.select(LOCATIONID).from(LOCATIONS).where(LOCATION_RECORDSTATUS.eq(1)))))
            .identifiers(Kind.PROVIDER_NUMBER.of(PROVIDERNUMBER))
            .alwaysActive()
            .practitioner(Ref.to(PRACTITIONER, PL_USERID))
            .organization(Ref.to(ORGANIZATION, PRACTICE_REF))
            .location(Ref.to(LOCATION, PL_LOCATIONID))
            .include("practitioner")
            .mapping();

    // ------------------------------------------------------------------ encounters

    /** VISITTYPE 12 'Non Visit' is a note without contact (results, letters): not an encounter. */
    static final int NON_VISIT = 12;
    /** The reason the appointment behind a visit was booked for (Bp's visits hold none themselves). */
    static final Field<String> VISIT_REASON = DSL.field(DSL.select(DSL.max(APPOINTMENT_REASON)).from(APPOINTMENTS)
            .where(APPOINTMENT_VISITID.eq(VISITID)).and(APPOINTMENT_VISITID.gt(0)).and(APPOINTMENT_RECORDSTATUS.eq(1)))
            .as("VISITREASON");

    static final ResourceMapping<Encounter, Integer> ENCOUNTER = ResourceMapping
            .of(Encounter.class, AuProfiles.ENCOUNTER, VISITID, Params::integerId)
            .from(VISITS, VISITID, VISIT_PATIENT, VISIT_USER, VISITCODE, VISITDATE, STARTTIME, ENDTIME, VISIT_LOCATION,
                    VISIT_REASON, PRACTICE_REF)
            .where(VISIT_RECORDSTATUS.eq(1).and(VISITCODE.ne(NON_VISIT)).and(livePatient(VISIT_PATIENT)))
            .search("patient", Params.reference("Patient", VISIT_PATIENT, Params::integerId))
            .search("date", Params.date(VISITDATE, ZONE))
            .search("class", BpCodes.VISIT_CLASS.parameter())
            .search("status", Params.token("http://hl7.org/fhir/encounter-status", Map.of("finished", Params.ALWAYS)))
            .search("location", Params.reference("Location", VISIT_LOCATION, Params::integerId))
            .search("practitioner", Params.reference("Practitioner", VISIT_USER, Params::integerId))
            .map(BpResources::encounter);

    // ------------------------------------------------------------------ problems, allergies

    static final Field<Integer> ONSET_YEAR = HISTORY_YEAR.as("ONSETYEAR");
    static final Field<Integer> ONSET_MONTH = HISTORY_MONTH.as("ONSETMONTH");
    static final Field<Integer> ONSET_DAY = HISTORY_DAY.as("ONSETDAY");

    static final ResourceMapping<org.hl7.fhir.r4.model.Condition, Integer> CONDITION = ResourceMapping
            .of(org.hl7.fhir.r4.model.Condition.class, AuProfiles.CONDITION, HISTORY_ID, Params::integerId)
            .from(PASTHISTORY.leftJoin(CONDITIONS_SNOMED).on(SNOMED_ITEMCODE.eq(HISTORY_ITEMCODE).and(HISTORY_ITEMCODE.gt(0))),
                    HISTORY_ID, HISTORY_PATIENT, HISTORY_USER, ONSET_YEAR, ONSET_MONTH, ONSET_DAY, ITEMTEXT,
                    HISTORY_STATUSCODE, HISTORY_SEVERITYCODE, HISTORY_PROVISIONAL, HISTORY_CREATED, CONDITION_SNOMEDCODE)
            .where(HISTORY_RECORDSTATUS.eq(1).and(livePatient(HISTORY_PATIENT)))
            .search("patient", Params.reference("Patient", HISTORY_PATIENT, Params::integerId))
            .search("category", Params.token("http://terminology.hl7.org/CodeSystem/condition-category",
                    Map.of("problem-list-item", Params.ALWAYS)))
            .search("clinical-status", BpCodes.HISTORY_STATUS.parameter())
            .search("code", Params.identifier(Map.of(AuCodes.SNOMED, v -> DSL.trim(CONDITION_SNOMEDCODE).eq(v))))
            .search("onset-date", Params.yearMonthDay(HISTORY_YEAR, HISTORY_MONTH, HISTORY_DAY, ZONE))
            .map(BpResources::condition);

    static final ResourceMapping<AllergyIntolerance, Integer> ALLERGY_INTOLERANCE = ResourceMapping
            .of(AllergyIntolerance.class, AuProfiles.ALLERGY_INTOLERANCE, REACTION_ID, Params::integerId)
            .from(REACTIONS, REACTION_ID, REACTION_PATIENT, REACTION_USER, REACTION_ITEMNAME, REACTION, REACTION_SEVERITY,
                    REACTION_CREATED)
            .where(REACTION_RECORDSTATUS.eq(1).and(livePatient(REACTION_PATIENT)))
            .search("patient", Params.reference("Patient", REACTION_PATIENT, Params::integerId))
            .search("clinical-status", Params.token("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                    Map.of("active", Params.ALWAYS)))
            .map(BpResources::allergyIntolerance);

    // ------------------------------------------------------------------ immunisations, medicines

    static final ResourceMapping<Immunization, Integer> IMMUNIZATION = ResourceMapping
            .of(Immunization.class, AuProfiles.IMMUNIZATION, IMMUNISATION_ID, Params::integerId)
            .from(IMMUNISATIONS.leftJoin(VACCINES).on(VACCINE_ID.eq(IMMUNISATION_VACCINEID)),
                    IMMUNISATION_ID, IMMUNISATION_PATIENT, NOTGIVENHERE, ADMINISTEREDBY, GIVENDATE,
                    IMMUNISATION_VACCINENAME, BATCHNUMBER, DOSE_SEQUENCE, ACIRCODE)
            .where(IMMUNISATION_RECORDSTATUS.eq(1).and(livePatient(IMMUNISATION_PATIENT)))
            .search("patient", Params.reference("Patient", IMMUNISATION_PATIENT, Params::integerId))
            .search("status", Params.token("http://hl7.org/fhir/event-status", Map.of("completed", Params.ALWAYS)))
            .search("date", Params.date(GIVENDATE, ZONE))
            .search("vaccine-code", Params.identifier(Map.of(AuCodes.AIR_VACCINE_SYSTEM, v -> DSL.trim(ACIRCODE).eq(v))))
            .map(BpResources::immunization);

    static final ResourceMapping<MedicationStatement, Integer> MEDICATION_STATEMENT = ResourceMapping
            .of(MedicationStatement.class, AuProfiles.MEDICATION_STATEMENT, RX_ID, Params::integerId)
            .from(CURRENTRX, RX_ID, RX_PATIENT, RX_DRUGNAME, RXSTATUS, RX_DOSE, RX_FREQUENCY, RX_FOOD, RX_PRN,
                    RX_INSTRUCTIONS, RX_FIRSTDATE, RX_INDICATION, RX_CREATED)
            .where(RX_RECORDSTATUS.eq(1).and(livePatient(RX_PATIENT)))
            .search("patient", Params.reference("Patient", RX_PATIENT, Params::integerId))
            .search("status", Params.token("http://hl7.org/fhir/CodeSystem/medication-statement-status",
                    Map.of("active", Params.ALWAYS)))
            .search("effective", Params.date(RX_FIRSTDATE, ZONE))
            .includeContained("medication") // AU Core: the Medication is contained
            .map(BpResources::medicationStatement);

    static final String MEDICATION_REQUEST_STATUS = "http://hl7.org/fhir/CodeSystem/medicationrequest-status";

    static final ResourceMapping<MedicationRequest, Integer> MEDICATION_REQUEST = ResourceMapping
            .of(MedicationRequest.class, AuProfiles.MEDICATION_REQUEST, ITEM_ID, Params::integerId)
            .from(SCRIPTITEMS.join(PRESCRIPTIONS).on(SCRIPT_ID.eq(ITEM_SCRIPTID)), ITEM_ID, ITEM_PATIENT, ITEM_SCRIPTID,
                    SCRIPT_USER, SCRIPTDATE, ITEM_DRUGNAME, ITEM_DOSE, ITEM_FREQUENCY, ITEM_FOOD, ITEM_PRN,
                    ITEM_INSTRUCTIONS, ITEM_QUANTITY, ITEM_PRODUCTUNIT, ITEM_REPEATS)
            .where(ITEM_RECORDSTATUS.eq(1).and(SCRIPT_RECORDSTATUS.eq(1)).and(livePatient(ITEM_PATIENT)))
            .search("patient", Params.reference("Patient", ITEM_PATIENT, Params::integerId))
            .search("status", Params.token(MEDICATION_REQUEST_STATUS, code -> switch (code) {
                case "active" -> SCRIPTDATE.ge(BpResources.scriptsValidFrom());
                case "completed" -> SCRIPTDATE.lt(BpResources.scriptsValidFrom());
                default -> Params.NEVER;
            }))
            .search("intent", Params.token("http://hl7.org/fhir/CodeSystem/medicationrequest-intent",
                    Map.of("order", Params.ALWAYS)))
            .search("authoredon", Params.date(SCRIPTDATE, ZONE))
            .includeContained("medication") // AU Core: the Medication is contained
            .map(BpResources::medicationRequest);

    // ------------------------------------------------------------------ observations

    /**
     * Vitals (OBSERVATIONS) and smoking status (CLINICAL) as one table with a unique, orderable string key: 'V' +
     * the vital's RECORDID, 'S' + the CLINICAL row's. A blood pressure is its systolic row (DATACODE 3) with the
     * diastolic (4) recorded at the same time; smoking rows carry DATACODE 100 + SMOKINGSTATUS.
     */
    static final int SMOKING = 100;
    private static final Table<?> DIASTOLIC_ROWS = OBSERVATIONS.as("D");
    private static final Table<?> OBS = DSL
            .select(DSL.field("CONCAT('V', {0})", String.class, OBS_ID).as("ID"), OBS_PATIENT.as("INTERNALID"),
                    OBS_USER.as("USERID"),
                    DSL.field("DATEADD(SECOND, {0}, {1})", LocalDateTime.class, OBSTIME, OBSDATE).as("EFFECTIVE"),
                    DATACODE.as("DATACODE"), DATAVALUE.as("DATAVALUE"),
                    DSL.field(DSL.select(DSL.max(DSL.field(DSL.name("D", "DATAVALUE"), String.class)))
                            .from(DIASTOLIC_ROWS)
                            .where(DSL.field(DSL.name("D", "INTERNALID"), Integer.class).eq(OBS_PATIENT))
                            .and(DSL.field(DSL.name("D", "OBSDATE"), LocalDateTime.class).eq(OBSDATE))
                            .and(DSL.field(DSL.name("D", "OBSTIME"), Integer.class).eq(OBSTIME))
                            .and(DSL.field(DSL.name("D", "DATACODE"), Integer.class).eq(DSL.inline(4)))
                            .and(DSL.field(DSL.name("D", "RECORDSTATUS"), Integer.class).eq(DSL.inline(1)))).as("DIASTOLIC"))
            .from(OBSERVATIONS)
            .where(OBS_RECORDSTATUS.eq(1).and(DATACODE.in(BpObservations.VITALS.keySet())))
            .unionAll(DSL.select(DSL.field("CONCAT('S', {0})", String.class, CLINICAL_ID), CLINICAL_PATIENT,
                            DSL.inline(0), DSL.coalesce(CLINICAL_UPDATED, CLINICAL_CREATED),
                            DSL.inline(SMOKING).plus(SMOKINGSTATUS), DSL.castNull(String.class), DSL.castNull(String.class))
                    .from(CLINICAL)
                    .where(CLINICAL_RECORDSTATUS.eq(1).and(SMOKINGSTATUS.in(1, 2, 3))))
            .asTable("OBS");
    static final Field<String> OBS_KEY = DSL.field(DSL.name("OBS", "ID"), String.class);
    static final Field<Integer> OBS_SUBJECT = DSL.field(DSL.name("OBS", "INTERNALID"), Integer.class);
    static final Field<Integer> OBS_PERFORMER = DSL.field(DSL.name("OBS", "USERID"), Integer.class);
    static final Field<LocalDateTime> OBS_EFFECTIVE = DSL.field(DSL.name("OBS", "EFFECTIVE"), LocalDateTime.class);
    static final Field<Integer> OBS_KIND = DSL.field(DSL.name("OBS", "DATACODE"), Integer.class);
    static final Field<String> OBS_VALUE = DSL.field(DSL.name("OBS", "DATAVALUE"), String.class);
    static final Field<String> OBS_DIASTOLIC = DSL.field(DSL.name("OBS", "DIASTOLIC"), String.class);

    static final ResourceMapping<Observation, String> OBSERVATION = ResourceMapping
            .of(Observation.class, null, OBS_KEY,
                    id -> id != null && id.matches("[VS]\\d{1,9}") ? Optional.of(id) : Optional.empty())
            .supports(AuProfiles.BODY_TEMPERATURE, AuProfiles.HEART_RATE, AuProfiles.BLOOD_PRESSURE, AuProfiles.BODY_HEIGHT,
                    AuProfiles.BODY_WEIGHT, AuProfiles.WAIST_CIRCUMFERENCE, AuProfiles.SMOKING_STATUS)
            .from(OBS, OBS_KEY, OBS_SUBJECT, OBS_PERFORMER, OBS_EFFECTIVE, OBS_KIND, OBS_VALUE, OBS_DIASTOLIC)
            .where(livePatient(OBS_SUBJECT))
            .search("patient", Params.reference("Patient", OBS_SUBJECT, Params::integerId))
            .search("category", Params.token("http://terminology.hl7.org/CodeSystem/observation-category", Map.of(
                    "vital-signs", OBS_KIND.lt(SMOKING), "social-history", OBS_KIND.ge(SMOKING))))
            .search("code", observationCodes())
            .search("date", Params.date(OBS_EFFECTIVE, ZONE))
            .search("status", Params.token("http://hl7.org/fhir/observation-status", Map.of("final", Params.ALWAYS)))
            .map(BpObservations::observation);

    /** Observation code: each vital's LOINC and SNOMED CT code, and smoking status's; a code alone in either. */
    private static SearchParameter observationCodes() {
        Map<String, Condition> loinc = new LinkedHashMap<>();
        Map<String, Condition> snomed = new LinkedHashMap<>();
        BpObservations.VITALS.forEach((kind, vital) -> {
            loinc.put(vital.loinc(), OBS_KIND.eq(kind));
            snomed.put(vital.snomed(), OBS_KIND.eq(kind));
        });
        loinc.put(BpObservations.SMOKING_LOINC, OBS_KIND.gt(SMOKING));
        snomed.put(BpObservations.SMOKING_SNOMED, OBS_KIND.gt(SMOKING));
        return Params.identifier(Map.of(AuCodes.LOINC, code -> loinc.getOrDefault(code, Params.NEVER),
                AuCodes.SNOMED, code -> snomed.getOrDefault(code, Params.NEVER)));
    }

    // ------------------------------------------------------------------ appointment book (base R4: no AU profile)

    static final String APPOINTMENT_STATUS = "http://hl7.org/fhir/appointmentstatus";
    /** The start as one timestamp: APPOINTMENTDATE (midnight) + APPOINTMENTTIME (seconds since midnight). */
    static final Field<LocalDateTime> APPOINTMENT_START = DSL.field("DATEADD(SECOND, {0}, {1})", LocalDateTime.class,
            APPOINTMENTTIME, APPOINTMENTDATE);
    static final Field<String> APPOINTMENT_TYPE_NAME = APPOINTMENTTYPE_DESCRIPTION.as("APPOINTMENTTYPENAME");
    /** A CANCELLEDAPPOINTMENTS row cancels the appointment (which keeps RECORDSTATUS 1). */
    static final Field<Integer> CANCELLATIONS = DSL.field(DSL.selectCount().from(CANCELLEDAPPOINTMENTS)
            .where(CANCELLED_APPOINTMENTID.eq(APPOINTMENT_ID))).as("CANCELLATIONS");
    static final Field<String> CANCELLATION_REASON = DSL.field(DSL.select(DSL.max(CANCELLED_REASON))
            .from(CANCELLEDAPPOINTMENTS).where(CANCELLED_APPOINTMENTID.eq(APPOINTMENT_ID))).as("CANCELLATIONREASON");
    private static final Condition CANCELLED = DSL.exists(DSL.selectOne().from(CANCELLEDAPPOINTMENTS)
            .where(CANCELLED_APPOINTMENTID.eq(APPOINTMENT_ID)));

    /**
     * Appointment ← APPOINTMENTS. Rows without a live patient are left out: INTERNALID 0 ("dummy" rows) and the
     * pseudo-patients ('DO NOT BOOK', 'CARE PLAN', …) are time blocked in the book, not appointments. Status: a
     * CANCELLEDAPPOINTMENTS row → cancelled; else APPOINTMENTCODE 2 Waiting → arrived, 3 With doctor → checked-in,
     * 4–7 → fulfilled, 1 Booked → booked, or noshow once its day is over with no arrival (Bp has no did-not-attend code).
     */
    static final ResourceMapping<Appointment, Integer> APPOINTMENT = ResourceMapping
            .of(Appointment.class, null, APPOINTMENT_ID, Params::integerId)
            .from(APPOINTMENTS.leftJoin(APPOINTMENTTYPES).on(APPOINTMENTTYPE_CODE.eq(APPOINTMENT_TYPE)),
                    APPOINTMENT_ID, APPOINTMENTDATE, APPOINTMENTTIME, APPOINTMENTLENGTH, APPOINTMENTCODE, ARRIVALTIME,
                    APPOINTMENT_REASON, APPOINTMENT_CREATED, APPOINTMENT_TYPE_NAME, CANCELLATIONS, CANCELLATION_REASON)
            .where(APPOINTMENT_RECORDSTATUS.eq(1).and(livePatient(APPOINTMENT_PATIENT)))
            .with(AppointmentActors.of(Ref.to(PATIENT, APPOINTMENT_PATIENT), Ref.to(PRACTITIONER, APPOINTMENT_USER),
                    Ref.to(LOCATION, APPOINTMENT_LOCATION)).required(Appointment.ParticipantRequired.REQUIRED))
            .search("date", Params.date(APPOINTMENT_START, ZONE))
            .search("status", Params.token(APPOINTMENT_STATUS, code -> switch (code) {
                case "cancelled" -> CANCELLED;
                case "noshow" -> DSL.not(CANCELLED).and(noShow());
                case "booked" -> DSL.not(CANCELLED).and(APPOINTMENTCODE.notIn(2, 3, 4, 5, 6, 7)).and(DSL.not(noShow()));
                case "arrived" -> DSL.not(CANCELLED).and(APPOINTMENTCODE.eq(2));
                case "checked-in" -> DSL.not(CANCELLED).and(APPOINTMENTCODE.eq(3));
                case "fulfilled" -> DSL.not(CANCELLED).and(APPOINTMENTCODE.between(4, 7));
                default -> Params.NEVER;
            }))
            .books(BpBookings.PATH)
            .map(BpResources::appointment);

    /** Booked, its day over (practice time) and never arrived. */
    private static Condition noShow() {
        return APPOINTMENTCODE.eq(1).and(ARRIVALTIME.eq(0)).and(APPOINTMENTDATE.lt(BpResources.today()));
    }

    /** Schedule ← USERS with an appointment book (one per provider): Schedule/{USERID}, actor Practitioner/{USERID}. */
    static final ResourceMapping<Schedule, Integer> SCHEDULE = ResourceMapping
            .of(Schedule.class, null, USER_ID, Params::integerId)
            .from(USERS, USER_ID, USERSTATUS)
            .where(LIVE_CLINICIAN.and(USER_APPOINTMENTS.eq(1)))
            .search("actor", Params.reference("Practitioner", USER_ID, Params::integerId))
            .search("active", BpCodes.USER_ACTIVE.parameter())
            .map(BpResources::schedule);

    /**
     * Slot ← SESSIONS minus APPOINTMENTS, generated for the searched days (as BP_GetFreeAppointments computes one
     * provider's day): each weekly session of a provider with a Schedule, cut into LENGTH-second slots; busy when a
     * live, uncancelled APPOINTMENTS row overlaps it — blocked time (INTERNALID 0, 'DO NOT BOOK', …) included. Only
     * weekly sessions (WEEKS 1): a fortnightly session's weeks depend on its cycle date, which is not modelled.
     */
    static final ResourceMapping<org.hl7.fhir.r4.model.Slot, String> SLOT = SlotCalendar
            .of(Integer.class, Params::integerId)
            .sessions(SESSIONS, SESSION_RECORDSTATUS.eq(1).and(SESSION_WEEKS.le(1))
                    .and(SESSION_USER.in(DSL.select(USER_ID).from(USERS).where(LIVE_CLINICIAN.and(USER_APPOINTMENTS.eq(1))))),
                    SESSION_USER)
            .weekday(SESSION_DAYOFWEEK, java.time.DayOfWeek.SUNDAY)
            .effective(SESSION_STARTDATE, SESSION_ENDDATE)
            .minutes(SESSION_STARTTIME.div(DSL.inline(60)), SESSION_ENDTIME.div(DSL.inline(60)), SESSION_LENGTH.div(DSL.inline(60)))
            .bookings(APPOINTMENTS, APPOINTMENT_RECORDSTATUS.eq(1).and(DSL.not(CANCELLED)), APPOINTMENT_USER, APPOINTMENTDATE,
                    APPOINTMENTTIME.div(DSL.inline(60)), APPOINTMENTLENGTH.div(DSL.inline(60)))
            .engine(SlotCalendar.Engine.SQL_SERVER)
            .mapping(ZONE);

    // ------------------------------------------------------------------ search helpers

    /**
     * Rows of a live patient only (never a deleted record or a pseudo-patient). A correlated {@code exists} on the
     * patient's primary key: one key lookup per row read. (An uncorrelated {@code in (select …)} makes H2 build the
     * set of every live patient for each query — linear in the practice's size.)
     */
    private static Condition livePatient(Field<Integer> patientId) {
        return DSL.exists(DSL.selectOne().from(PATIENTS).where(PATIENT_ID.eq(patientId)).and(LIVE_PATIENT));
    }



    @Override
    public List<ResourceMapping<?, ?>> resources() {
        return List.of(PATIENT, PRACTITIONER, PRACTITIONER_ROLE, ORGANIZATION, LOCATION, ENCOUNTER, CONDITION,
                ALLERGY_INTOLERANCE, IMMUNIZATION, MEDICATION_STATEMENT, MEDICATION_REQUEST, OBSERVATION, APPOINTMENT,
                SCHEDULE, SLOT);
    }
}
