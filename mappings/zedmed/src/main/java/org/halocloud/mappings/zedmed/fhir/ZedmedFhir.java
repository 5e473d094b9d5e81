package org.halocloud.mappings.zedmed.fhir;

import static org.halocloud.mappings.zedmed.fhir.ZedmedTables.*;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.HOME;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.MOBILE;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.WORK;

import java.time.ZoneId;
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
import org.halocloud.mappings.fhir.SlotCalendar;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Condition;
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
import org.halocloud.mappings.fhir.write.TableBookings;
import org.halocloud.mappings.fhir.write.TableWrites;
import org.jooq.impl.DSL;

/**
 * Zedmed (a pair of Firebird databases, {@code ZEDMED_ADMIN} and {@code ZEDMED_CLINICAL}) as AU Core resources.
 * The search specs say which FHIR parameter reads which column and which catalogue answers; the row mappers are in
 * {@link ZedmedResources} and {@link ZedmedObservations}.
 *
 * <p>Soft deletes: {@code DELETED = 1} rows (BRANCH, PROBLEM, ALLERGY, CURRENT_MED and the scripts of a deleted
 * medicine) are never served. {@code IS_ACTIVE} is not a delete in Zedmed: on PATIENT and DOCTOR it is
 * {@code active} (a deceased patient or a doctor who has left is still referenced by the record), on PROBLEM and
 * ALLERGY it is the clinical status.
 */
public final class ZedmedFhir implements PmsMapping {

    static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    /** The practice's own Appointment Grid activity types (ACTIVITY_TYPE_ID): Halo's local system. */
    public static final String ACTIVITY_TYPE_SYSTEM = "https://halocloud.org/fhir/zedmed/CodeSystem/activity-type";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String PBS = "http://pbs.gov.au/code/item";
    static final String AIR = "https://www.humanservices.gov.au/organisations/health-professionals/enablers/air-vaccine-code-formats";
    static final String ANZSCO = "http://www.abs.gov.au/ausstats/abs@.nsf/mf/1220.0";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** The medical record number system AU Base recommends: scoped to the practice's HPI-O. */

    /** SPECIALTY values that are general practice (a registrar is a GP in training). */
    static final org.jooq.Condition GENERAL_PRACTICE = DSL.upper(DSL.trim(ROLE_SPECIALTY)).like("GENERAL PRACTICE%");

    // ------------------------------------------------------------------ ADMIN

    static final ResourceMapping<Practitioner, String> PRACTITIONERS = AuCorePractitioner
            .of(DR_CODE, ZedmedFhir::drCode)
            .from(DOCTOR).catalogue(ADMIN)
            .identifiers(Kind.HPII.of(DR_HPII).indexed(), Kind.PRESCRIBER_NUMBER.of(DR_PRESCRIBER_NO).indexed(),
                    Kind.AHPRA.of(DR_AHPRA_NO).when(AuIdentifier.AHPRA_FORMAT))
            .family(DR_FAMILY_NAME).prefix(DR_TITLE).given(DR_GIVEN_NAME)
            .gender(ZedmedCodes.DOCTOR_SEX)
            .active(ZedmedCodes.DOCTOR_ACTIVE)
            .mapping();

    /** A Centrelink concession card: CONCESSION_TYPE says which (PEN, HCC, CSH); other types render none. */
    private static final AuIdentifier CONCESSION_CARD = AuIdentifier.of(AuCodes.CENTRELINK_CRN_SYSTEM,
            ZedmedResources::concessionCard, v -> DSL.trim(CONCESSION_NO).eq(v), CONCESSION_NO, CONCESSION_TYPE);

    /** Zedmed publishes no write procedures: patients are written to PATIENT, numbered by its generator. */
    private static final TableWrites PATIENT_WRITES = new TableWrites(PATIENT, ADMIN, PATIENT_ID, GEN_PATIENT_ID,
            PATIENT_CREATED_AT, PATIENT_UPDATED_AT, (id, values) -> values.setIfAbsent(CHART_NO, "W" + id));

    static final ResourceMapping<Patient, Integer> PATIENTS = AuCorePatient
            .of(PATIENT_ID, Params::integerId)
            .from(PATIENT.leftJoin(PRACTICE).on(Params.ALWAYS)).catalogue(ADMIN).zone(ZONE)
            .identifiers(Kind.IHI.of(IHI).indexed().withIhiStatus(ZedmedCodes.IHI_STATUS, ZedmedCodes.IHI_RECORD_STATUS),
                    AuIdentifier.medicare(MEDICARE_NO, MEDICARE_IRN, MEDICARE_EXPIRY),
                    AuIdentifier.dva(DVA_NO, ZedmedCodes.DVA_CARD),
                    CONCESSION_CARD,
                    AuIdentifier.medicalRecordNumber(PRACTICE_HPIO, CHART_NO, PRACTICE_NAME))
            .family(FAMILY_NAME).prefix(TITLE).given(GIVEN_NAME, MIDDLE_NAME).preferred(PREFERRED_NAME)
            .phone(HOME, HOME_PHONE).phone(WORK, WORK_PHONE).phone(MOBILE, MOBILE_PHONE).email(HOME, EMAIL)
            .gender(ZedmedCodes.SEX).birthDate(DOB).deceased(DECEASED_DATE)
            .address(ADDR_LINE1, ADDR_LINE2, SUBURB, STATE, POSTCODE)
            .active(ZedmedCodes.PATIENT_ACTIVE)
            .indigenousStatus(ZedmedCodes.INDIGENOUS)
            .generalPractitioner(Ref.to(PRACTITIONERS, USUAL_DR_CODE))
            .extras(ZedmedResources::deceasedByIhi)
            .version(PATIENT_WRITES.version().as("PATIENT_VERSION"))
            .writtenBy(PATIENT_WRITES)
            .mapping();

    static final ResourceMapping<Organization, Integer> ORGANIZATIONS = AuCoreOrganization
            .of(BRANCH_ID, Params::integerId)
            .from(BRANCH).where(BRANCH_DELETED.eq(0)).catalogue(ADMIN)
            .identifiers(Kind.HPIO.of(BRANCH_HPIO).indexed(), Kind.ABN.of(BRANCH_ABN).indexed())
            .name(BRANCH_NAME)
            .phone(WORK, BRANCH_PHONE)
            .address(BRANCH_ADDR_LINE1, BRANCH_ADDR_LINE2, BRANCH_SUBURB, BRANCH_STATE, BRANCH_POSTCODE)
            .alwaysActive()
            .mapping();

    static final ResourceMapping<Location, Integer> LOCATIONS = AuCoreLocation
            .of(BRANCH_ID, Params::integerId)
            .from(BRANCH).where(BRANCH_DELETED.eq(0)).catalogue(ADMIN)
            .name(BRANCH_NAME)
            .phone(WORK, BRANCH_PHONE)
            .address(BRANCH_ADDR_LINE1, BRANCH_ADDR_LINE2, BRANCH_SUBURB, BRANCH_STATE, BRANCH_POSTCODE)
            .alwaysActive().building()
            .managingOrganization(Ref.to(ORGANIZATIONS, BRANCH_ID).display(BRANCH_NAME))
            .mapping();

    static final ResourceMapping<PractitionerRole, String> PRACTITIONER_ROLES = AuCorePractitionerRole
            .of(ROLE_ID, ZedmedFhir::roleId)
            .from(ROLE).catalogue(ADMIN)
            .identifiers(Kind.PROVIDER_NUMBER.of(PROVIDER_NO).indexed())
            .active(ZedmedCodes.ROLE_ACTIVE)
            .practitioner(Ref.to(PRACTITIONERS, ROLE_DR_CODE).display(ROLE_DR_TITLE, ROLE_DR_GIVEN, ROLE_DR_FAMILY))
            .organization(Ref.to(ORGANIZATIONS, ROLE_BRANCH_ID).display(ROLE_BRANCH_NAME))
            .location(Ref.to(LOCATIONS, ROLE_BRANCH_ID).display(ROLE_BRANCH_NAME))
            .phone(WORK, ROLE_PHONE)
            .extras(ZedmedResources::specialty, ROLE_SPECIALTY)
            .search("specialty", Params.token(SNOMED, Map.of("394814009", GENERAL_PRACTICE)))
            .search("role", Params.token(ANZSCO, Map.of("253111", GENERAL_PRACTICE)))
            .include("practitioner")
            .mapping();

    /** STATUS of a booking, a cancellation (see admin.sql). */
    private static final String BOOKED = "BK";
    private static final String CANCELLED = "CX";

    /**
     * Zedmed publishes no booking procedure: an online booking is an APPOINTMENT row (SOURCE OLA) at the branch the
     * doctor's Appointment Grid puts on that weekday; the table's LIVE_SLOT constraint decides a race.
     */
    private static final TableBookings BOOKINGS = new TableBookings(APPOINTMENT, ADMIN, AP_APPT_ID,
            GEN_APPT_ID,
            b -> {
                Map<org.jooq.Field<?>, org.jooq.Field<?>> row = new java.util.LinkedHashMap<>();
                row.put(AP_PATIENT_ID, DSL.val(b.patient()));
                row.put(AP_DR_CODE, DSL.val(b.schedule()));
                row.put(AP_BRANCH_ID, DSL.field(DSL.select(DSL.min(SCHEDULE_BRANCH_ID)).from(DR_SCHEDULE)
                        .where(SCHEDULE_DR_CODE.eq((String) b.schedule()))
                        .and(SCHEDULE_WEEKDAY.eq(b.start().getDayOfWeek().getValue()))));
                row.put(AP_APPT_DATE, DSL.val(b.start().toLocalDate()));
                row.put(AP_START_TIME, DSL.val(b.start().toLocalTime()));
                row.put(AP_DURATION_MIN, DSL.val(b.minutes()));
                row.put(AP_STATUS, DSL.val(BOOKED));
                row.put(AP_REASON, DSL.val(b.reason()));
                row.put(AP_SOURCE, DSL.val("OLA"));
                row.put(AP_CREATED_AT, DSL.currentLocalDateTime());
                row.put(AP_CREATED_BY, DSL.val("OLA"));
                row.put(AP_UPDATED_AT, DSL.currentLocalDateTime());
                return row;
            },
            Map.of(AP_STATUS, CANCELLED, AP_CANCEL_REASON, "Cancelled online", AP_UPDATED_AT,
                    DSL.currentLocalDateTime()),
            AP_STATUS.eq(BOOKED));


    /** Appointment has no AU Core (or AU Base) profile: base R4. */
    static final ResourceMapping<Appointment, Long> APPOINTMENTS = ResourceMapping
            .of(Appointment.class, null, APPT_ID, ZedmedFhir::longId)
            .from(APPT, APPT_ID, APPT_START, DURATION_MIN, APPT_STATUS, APPT_REASON, APPT_NOTE, CANCEL_REASON,
                    APPT_CREATED_AT, APPT_TYPE_NAME, APPT_ACTIVITY_ID, APPT_ACTIVITY_NAME)
            .catalogue(ADMIN)
            .with(AppointmentActors.of(Ref.to(PATIENTS, APPT_PATIENT_ID), Ref.to(PRACTITIONERS, APPT_DR_CODE),
                    Ref.to(LOCATIONS, APPT_BRANCH_ID)).declinedWhenCancelled())
            .search("service-type", Params.identifier(Map.of(ACTIVITY_TYPE_SYSTEM,
                    v -> Params.integerId(v).map(APPT_ACTIVITY_ID::eq).orElse(Params.NEVER))))
            .search("date", Params.date(APPT_START, ZONE))
            .search("status", ZedmedCodes.APPOINTMENT_STATUS.parameter())
            .books(BOOKINGS)
            .map(ZedmedResources::appointment);

    // ------------------------------------------------------------------ CLINICAL

    static final ResourceMapping<Encounter, Long> ENCOUNTERS = ResourceMapping
            .of(Encounter.class, AuProfiles.ENCOUNTER, CONSULT_ID, ZedmedFhir::longId)
            .from(CONSULT, CONSULT_ID, CONSULT_PATIENT_ID, CONSULT_DR_CODE, CONSULT_BRANCH_ID, CONSULT_APPT_ID,
                    CONSULT_START, CONSULT_END, CONSULT_TYPE, CONSULT_REASON)
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", CONSULT_PATIENT_ID, Params::integerId))
            .search("date", Params.date(CONSULT_START, ZONE))
            .search("status", Params.token("http://hl7.org/fhir/encounter-status", Map.of(
                    "finished", CONSULT_END.isNotNull(), "in-progress", CONSULT_END.isNull())))
            .search("class", ZedmedCodes.CONSULT_CLASS.parameter())
            .search("location", Params.reference("Location", CONSULT_BRANCH_ID, Params::integerId))
            .search("practitioner", Params.reference("Practitioner", CONSULT_DR_CODE, ZedmedFhir::drCode))
            .map(ZedmedResources::encounter);

    static final org.jooq.Condition PROBLEM_RESOLVED = RESOLVED_DATE.isNotNull()
            .or(PROBLEM_IS_ACTIVE.eq(0).and(IS_PAST_HISTORY.eq(1)));

    static final ResourceMapping<Condition, Long> CONDITIONS = ResourceMapping
            .of(Condition.class, AuProfiles.CONDITION, PROBLEM_ID, ZedmedFhir::longId)
            .from(PROBLEM, PROBLEM_ID, PROBLEM_PATIENT_ID, PROBLEM_DESCRIPTION, SNOMED_ID, ONSET_DATE, RESOLVED_DATE,
                    PROBLEM_IS_ACTIVE, IS_PAST_HISTORY, PROBLEM_CONSULT_ID, PROBLEM_RECORDED_AT)
            .where(PROBLEM_DELETED.eq(0))
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", PROBLEM_PATIENT_ID, Params::integerId))
            .search("category", Params.token(CONDITION_CATEGORY, Map.of("problem-list-item", Params.ALWAYS)))
            .search("clinical-status", Params.token(CONDITION_CLINICAL, Map.of(
                    "active", PROBLEM_IS_ACTIVE.eq(1).and(RESOLVED_DATE.isNull()),
                    "resolved", PROBLEM_RESOLVED,
                    "inactive", DSL.not(PROBLEM_RESOLVED).and(PROBLEM_IS_ACTIVE.eq(0)))))
            .search("code", Params.identifier(Map.of(SNOMED, v -> DSL.trim(SNOMED_ID).eq(v))))
            .search("onset-date", Params.date(ONSET_DATE, ZONE))
            .map(ZedmedResources::condition);

    static final ResourceMapping<AllergyIntolerance, Long> ALLERGIES = ResourceMapping
            .of(AllergyIntolerance.class, AuProfiles.ALLERGY_INTOLERANCE, ALLERGY_ID, ZedmedFhir::longId)
            .from(ALLERGY, ALLERGY_ID, ALLERGY_PATIENT_ID, AGENT, AGENT_SNOMED, REACTION, SEVERITY, ALLERGY_TYPE,
                    ALLERGY_IS_ACTIVE, ALLERGY_RECORDED_AT)
            .where(ALLERGY_DELETED.eq(0))
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", ALLERGY_PATIENT_ID, Params::integerId))
            .search("clinical-status", ZedmedCodes.ALLERGY_STATUS.parameter())
            .map(ZedmedResources::allergy);

    static final ResourceMapping<MedicationStatement, Long> MEDICATION_STATEMENTS = ResourceMapping
            .of(MedicationStatement.class, AuProfiles.MEDICATION_STATEMENT, MED_ID, ZedmedFhir::longId)
            .from(CURRENT_MED, MED_ID, MED_PATIENT_ID, DRUG_NAME, AMT_CODE, PBS_CODE, STRENGTH, FORM, DOSE_TEXT,
                    LONG_TERM, START_DATE, CEASED_DATE, CEASED_REASON, PRESCRIBER_DR_CODE)
            .where(MED_DELETED.eq(0))
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", MED_PATIENT_ID, Params::integerId))
            .search("status", Params.token("http://hl7.org/fhir/CodeSystem/medication-statement-status", Map.of(
                    "active", CEASED_DATE.isNull(),
                    "completed", CEASED_DATE.isNotNull().and(LONG_TERM.eq(0)),
                    "stopped", CEASED_DATE.isNotNull().and(LONG_TERM.ne(0)))))
            .search("effective", Params.date(START_DATE, ZONE))
            .includeContained("medication") // AU Core: the Medication is contained
            .map(ZedmedResources::medicationStatement);

    static final ResourceMapping<MedicationRequest, Long> MEDICATION_REQUESTS = ResourceMapping
            .of(MedicationRequest.class, AuProfiles.MEDICATION_REQUEST, SCRIPT_ID, ZedmedFhir::longId)
            .from(RX, SCRIPT_ID, RX_PATIENT_ID, RX_DR_CODE, SCRIPT_DATE, QUANTITY, REPEATS, PBS_TYPE, ETP_TOKEN,
                    RX_STATUS, RX_DRUG_NAME, RX_AMT_CODE, RX_PBS_CODE, RX_STRENGTH, RX_FORM, RX_DOSE_TEXT)
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", RX_PATIENT_ID, Params::integerId))
            .search("status", ZedmedCodes.SCRIPT_STATUS.parameter())
            .search("intent", Params.token("http://hl7.org/fhir/CodeSystem/medicationrequest-intent",
                    Map.of("order", Params.ALWAYS)))
            .search("authoredon", Params.date(SCRIPT_DATE, ZONE))
            .includeContained("medication") // AU Core: the Medication is contained
            .map(ZedmedResources::medicationRequest);

    static final ResourceMapping<Immunization, Long> IMMUNIZATIONS = ResourceMapping
            .of(Immunization.class, AuProfiles.IMMUNIZATION, IMM_ID, ZedmedFhir::longId)
            .from(IMMUNISATION, IMM_ID, IMM_PATIENT_ID, VACCINE_NAME, AIR_CODE, IMM_AMT_CODE, BATCH_NO, DOSE_NO,
                    GIVEN_DATE, IMM_SITE, IMM_ROUTE, GIVEN_ELSEWHERE, IMM_DR_CODE)
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", IMM_PATIENT_ID, Params::integerId))
            .search("status", Params.token("http://hl7.org/fhir/event-status", Map.of("completed", Params.ALWAYS)))
            .search("date", Params.date(GIVEN_DATE, ZONE))
            .search("vaccine-code", Params.identifier(Map.of(
                    AIR, v -> DSL.trim(AIR_CODE).eq(v), SNOMED, v -> DSL.trim(IMM_AMT_CODE).eq(v))))
            .map(ZedmedResources::immunization);

    /** Vital signs and smoking status; each row carries its own AU Core profile (see {@link ZedmedObservations}). */
    static final ResourceMapping<Observation, String> OBSERVATIONS = ResourceMapping
            .of(Observation.class, null, OBS_ID, ZedmedFhir::obsId)
            .supports(ZedmedObservations.KINDS.values().stream().map(ZedmedObservations.Kind::profile).distinct()
                    .toArray(String[]::new))
            .from(OBS, OBS_ID, OBS_PATIENT_ID, OBS_CONSULT_ID, OBS_TYPE, VALUE1, VALUE2, OBS_TEXT, OBS_EFFECTIVE)
            .catalogue(CLINICAL)
            .search("patient", Params.reference("Patient", OBS_PATIENT_ID, Params::integerId))
            .search("category", Params.token(OBSERVATION_CATEGORY, Map.of(
                    "vital-signs", OBS_TYPE.ne(SMOKING), "social-history", OBS_TYPE.eq(SMOKING))))
            .search("code", Params.identifier(Map.of(
                    LOINC, v -> typeOf(ZedmedObservations.LOINC_CODES, v),
                    SNOMED, v -> typeOf(ZedmedObservations.SNOMED_CODES, v))))
            .search("date", Params.date(OBS_EFFECTIVE, ZONE))
            .search("status", Params.token("http://hl7.org/fhir/observation-status", Map.of("final", Params.ALWAYS)))
            .map(ZedmedObservations::observation);

    private static org.jooq.Condition typeOf(Map<String, String> codeToType, String code) {
        String type = codeToType.get(code);
        return type == null ? Params.NEVER : OBS_TYPE.eq(type);
    }

    /**
     * Schedule ← DOCTOR with DR_SCHEDULE rows (one per doctor, whatever branches and weekdays the rows cover):
     * Schedule/{DR_CODE}, actor Practitioner/{DR_CODE}, active from DOCTOR.IS_ACTIVE. Base R4 (no AU Core profile).
     */
    static final ResourceMapping<Schedule, String> SCHEDULES = ResourceMapping
            .of(Schedule.class, null, DR_CODE, ZedmedFhir::drCode)
            .from(DOCTOR, DR_CODE, DR_IS_ACTIVE)
            .where(DR_CODE.in(DSL.select(SCHEDULE_DR_CODE).from(DR_SCHEDULE)))
            .catalogue(ADMIN)
            .search("actor", Params.reference("Practitioner", DR_CODE, ZedmedFhir::drCode))
            .search("active", ZedmedCodes.DOCTOR_ACTIVE.parameter())
            .map(ZedmedResources::schedule);

    /**
     * Slot ← DR_SCHEDULE (the Appointment Grid's weekly rows, cut into SLOT_MINUTES slots) minus APPOINTMENT,
     * generated for the searched days; Schedule/{DR_CODE}. Rows of a non-bookable activity (lunch, admin) are
     * busy-unavailable; a slot overlapped by an appointment that is not cancelled (CX) is busy. Spelt for Firebird
     * (digit tables from {@code RDB$DATABASE}), which the H2 demo's one-row {@code RDB$DATABASE} also answers.
     */
    static final ResourceMapping<org.hl7.fhir.r4.model.Slot, String> SLOTS = SlotCalendar
            .of(String.class, ZedmedFhir::drCode)
            .sessions(DR_SCHEDULE, DSL.noCondition(), SCHEDULE_DR_CODE)
            .weekday(SCHEDULE_WEEKDAY, java.time.DayOfWeek.MONDAY)
            .effective(SCHEDULE_EFFECTIVE_FROM, SCHEDULE_EFFECTIVE_TO)
            .minutes(SlotCalendar.minutesOfDay(SCHEDULE_START_TIME), SlotCalendar.minutesOfDay(SCHEDULE_END_TIME), SCHEDULE_SLOT_MINUTES)
            .unavailableWhen(SCHEDULE_ACTIVITY_TYPE_ID.in(DSL.select(ACTIVITY_TYPE_ID).from(ACTIVITY_TYPE)
                    .where(ACTIVITY_BOOKABLE.eq(0))))
            .bookings(APPOINTMENT, AP_STATUS.ne("CX"), AP_DR_CODE, AP_APPT_DATE, SlotCalendar.minutesOfDay(AP_START_TIME), AP_DURATION_MIN)
            .engine(SlotCalendar.Engine.FIREBIRD)
            .catalogue(ADMIN)
            .mapping(ZONE);



    @Override
    public List<ResourceMapping<?, ?>> resources() {
        return List.of(PATIENTS, PRACTITIONERS, PRACTITIONER_ROLES, ORGANIZATIONS, LOCATIONS, ENCOUNTERS, CONDITIONS,
                ALLERGIES, MEDICATION_STATEMENTS, MEDICATION_REQUESTS, IMMUNIZATIONS, OBSERVATIONS, APPOINTMENTS,
                SCHEDULES, SLOTS);
    }

    // ------------------------------------------------------------------ keys

    static Optional<Long> longId(String id) {
        return id != null && id.matches("\\d{1,18}") ? Optional.of(Long.valueOf(id)) : Optional.empty();
    }

    /** A Zedmed Dr Code (up to 6 letters and digits) is the Practitioner id. */
    static Optional<String> drCode(String id) {
        return id != null && id.matches("[A-Za-z0-9]{1,6}") ? Optional.of(id) : Optional.empty();
    }

    /** {@code DR_CODE-BRANCH_ID}: a doctor at one branch. */
    static Optional<String> roleId(String id) {
        return id != null && id.matches("[A-Za-z0-9]{1,6}-\\d{1,9}") ? Optional.of(id) : Optional.empty();
    }

    /** {@code vs-MEAS_ID} (a measurement) or {@code sh-PATIENT_ID} (smoking status). */
    static Optional<String> obsId(String id) {
        return id != null && id.matches("(vs|sh)-\\d{1,18}") ? Optional.of(id) : Optional.empty();
    }
}
