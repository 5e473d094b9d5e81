package org.halocloud.mappings.d4w.fhir;

import static org.halocloud.mappings.d4w.fhir.D4wTables.*;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.HOME;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.MOBILE;
import static org.hl7.fhir.r4.model.ContactPoint.ContactPointUse.WORK;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
import org.halocloud.mappings.fhir.write.TableBookings;
import org.halocloud.mappings.fhir.write.TableWrites;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Schedule;
import org.jooq.impl.DSL;

/**
 * Dental4Windows and Dental4Web (one schema, so one mapping) as AU Core resources. The search specs say which FHIR
 * parameter reads which column; the row mappers are in {@link D4wResources}. The catalogue is left to the
 * database's default, so the same mapping serves the on-premises D4W database and a Dental4Web tenant's.
 *
 * <p>Decisions:
 * <ul>
 *   <li>{@code IS_ACTIVE} (patients, providers, locations, medical history) and {@code IS_CURRENT} (medications)
 *       are not filters: they become {@code active}, {@code status} or {@code clinicalStatus}, which FHIR has for
 *       exactly this. D4W keeps no deleted-record flag on these tables.</li>
 *   <li>Only completed treatments ({@code TREATMENT.STATUS = 'C'}) are Procedures. Planned items of a treatment
 *       plan ({@code 'P'}) have not been performed; AU Core Procedure records what was done, and {@code preparation}
 *       means a procedure about to start, not one planned months ahead (their FHIR home is ServiceRequest/CarePlan).</li>
 *   <li>Organization and Location are both read from {@code LOCATION}, with the same id: each D4W location has its
 *       own HPI-O and ABN. PractitionerRole is the provider at its home location ({@code PROVIDER.LOCATION_ID}), with
 *       the location-specific Medicare provider number; its id is the provider's.</li>
 *   <li>The patient's card number is a medical record number scoped to the HPI-O of the patient's location.</li>
 * </ul>
 */
public final class D4wFhir implements PmsMapping {

    private static final ZoneId ZONE = ZoneId.of("Australia/Sydney");

    /** Practice-defined medical condition codes (the pick list is set up per practice): Halo's local system. */
    public static final String CONDITION_CODE_SYSTEM = "https://halocloud.org/fhir/d4w/CodeSystem/medical-condition";
    /** D4W's own location codes (Location Code in its set-up screens). */
    /** The practice's own appointment types (APPOINTMENT.APPT_TYPE text): Halo's local system. */
    public static final String APPOINTMENT_TYPE_SYSTEM = "https://halocloud.org/fhir/d4w/CodeSystem/appointment-type";
    public static final String LOCATION_CODE_SYSTEM = "https://halocloud.org/fhir/d4w/location-code";

    static final String EVENT_STATUS = "http://hl7.org/fhir/event-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String DENTIST = "106289002";
    static final String DENTAL_HYGIENIST = "26042002";

    static final ResourceMapping<Practitioner, Integer> PRACTITIONER = AuCorePractitioner
            .of(PRV_PROVIDER_ID, Params::integerId)
            .from(PROVIDER_T)
            .identifiers(Kind.HPII.of(PRV_HPII).indexed(), Kind.AHPRA.of(PRV_AHPRA_NO))
            .family(PRV_SURNAME).given(PRV_FIRST_NAME).prefix(PRV_TITLE)
            .active(D4wCodes.PROVIDER_ACTIVE)
            .mapping();

    /** D4W publishes no write procedures: patients are written to PATIENT, numbered by its sequence. */
    private static final TableWrites PATIENT_WRITES = new TableWrites(PATIENT_T, null, PAT_PATIENT_ID, PATIENT_ID_SEQ,
            PAT_DATE_CREATED, PAT_DATE_MODIFIED, (id, values) -> values.setIfAbsent(PAT_CARD_NO, "W" + id));

    static final ResourceMapping<Patient, Integer> PATIENT = AuCorePatient
            .of(PAT_PATIENT_ID, Params::integerId)
            .from(PATIENT_T.leftJoin(LOCATION_T).on(LOC_LOCATION_ID.eq(PAT_LOCATION_ID))).zone(ZONE)
            .identifiers(Kind.IHI.of(PAT_IHI).indexed(),
                    AuIdentifier.medicare(PAT_MEDICARE_NO, PAT_MEDICARE_REF, PAT_MEDICARE_EXP),
                    AuIdentifier.dva(PAT_DVA_NO, D4wCodes.DVA_CARD),
                    AuIdentifier.medicalRecordNumber(LOC_HPIO, PAT_CARD_NO, LOC_NAME))
            .family(PAT_SURNAME).given(PAT_FIRST_NAME, PAT_MIDDLE_NAME).prefix(PAT_TITLE).preferred(PAT_PREFERRED_NAME)
            .phone(HOME, PAT_HOME_PH).phone(WORK, PAT_WORK_PH).phone(MOBILE, PAT_MOBILE_PH).email(HOME, PAT_EMAIL)
            .gender(D4wCodes.GENDER).birthDate(PAT_DOB, Params::day)
            .address(PAT_ADDRESS1, PAT_ADDRESS2, PAT_SUBURB, PAT_STATE, PAT_POSTCODE)
            .active(D4wCodes.PATIENT_ACTIVE)
            .indigenousStatus(D4wCodes.INDIGENOUS_STATUS)
            .generalPractitioner(Ref.to(PRACTITIONER, PAT_MAIN_PROVIDER_ID))
            .version(PATIENT_WRITES.version().as("PATIENT_VERSION"))
            .writtenBy(PATIENT_WRITES)
            .mapping();

    static final ResourceMapping<Organization, Integer> ORGANIZATION = AuCoreOrganization
            .of(LOC_LOCATION_ID, Params::integerId)
            .from(LOCATION_T)
            .identifiers(Kind.HPIO.of(LOC_HPIO).indexed(), Kind.ABN.of(LOC_ABN))
            .name(LOC_NAME).healthcareProvider()
            .phone(WORK, LOC_PHONE).email(WORK, LOC_EMAIL)
            .address(LOC_ADDRESS1, LOC_ADDRESS2, LOC_SUBURB, LOC_STATE, LOC_POSTCODE)
            .active(D4wCodes.LOCATION_ACTIVE)
            .mapping();

    static final ResourceMapping<Location, Integer> LOCATION = AuCoreLocation
            .of(LOC_LOCATION_ID, Params::integerId)
            .from(LOCATION_T)
            .name(LOC_NAME).mode(Location.LocationMode.INSTANCE)
            .phone(WORK, LOC_PHONE).email(WORK, LOC_EMAIL)
            .address(LOC_ADDRESS1, LOC_ADDRESS2, LOC_SUBURB, LOC_STATE, LOC_POSTCODE)
            .active(D4wCodes.LOCATION_ACTIVE)
            .managingOrganization(Ref.to(ORGANIZATION, LOC_LOCATION_ID).display(LOC_NAME))
            .extras(D4wResources::locationCode, LOC_LOCATION_CODE)
            .without("organization")
            .mapping();

    static final ResourceMapping<PractitionerRole, Integer> PRACTITIONER_ROLE = AuCorePractitionerRole
            .of(PRV_PROVIDER_ID, Params::integerId)
            .from(PROVIDER_T.leftJoin(LOCATION_T).on(LOC_LOCATION_ID.eq(PRV_LOCATION_ID)))
            .identifiers(Kind.PROVIDER_NUMBER.of(PRV_MEDICARE_PROVIDER_NO))
            .practitioner(Ref.to(PRACTITIONER, PRV_PROVIDER_ID).display(PRV_TITLE, PRV_FIRST_NAME, PRV_SURNAME))
            .organization(Ref.to(ORGANIZATION, PRV_LOCATION_ID).display(LOC_NAME))
            .location(Ref.to(LOCATION, PRV_LOCATION_ID).display(LOC_NAME))
            .role(D4wCodes.PROVIDER_ROLE)
            .phone(WORK, LOC_PHONE).email(WORK, LOC_EMAIL)
            .active(D4wCodes.PROVIDER_ACTIVE)
            .include("practitioner")
            .mapping();

    static final ResourceMapping<Procedure, Integer> PROCEDURE = ResourceMapping
            .of(Procedure.class, AuProfiles.PROCEDURE, TX_TREATMENT_ID, Params::integerId)
            .from(TREATMENT_T.leftJoin(ITEM_T).on(ITEM_CODE_KEY.eq(TX_ITEM_CODE)), TX_TREATMENT_ID, TX_PATIENT_ID,
                    TX_PROVIDER_ID, TX_LOCATION_ID, TX_ITEM_CODE, TX_TOOTH, TX_SURFACES, TX_TREATMENT_DATE, TX_NOTE,
                    ITEM_DESCRIPTION)
            .where(TX_STATUS.eq("C"))
            .search("patient", Params.reference("Patient", TX_PATIENT_ID, Params::integerId))
            .search("date", day(TX_TREATMENT_DATE))
            .search("code", Params.identifier(Map.of(AuCodes.ADA_ITEM_SYSTEM, v -> DSL.trim(TX_ITEM_CODE).eq(v))))
            .search("status", Params.token(EVENT_STATUS, Map.of("completed", Params.ALWAYS)))
            .map(D4wResources::procedure);

    static final ResourceMapping<Condition, Integer> CONDITION = ResourceMapping
            .of(Condition.class, AuProfiles.CONDITION, MH_MH_ID, Params::integerId)
            .from(MEDICAL_HISTORY_T, MH_MH_ID, MH_PATIENT_ID, MH_CONDITION_CODE, MH_DESCRIPTION, MH_IS_ALERT,
                    MH_DATE_RECORDED, MH_IS_ACTIVE)
            .search("patient", Params.reference("Patient", MH_PATIENT_ID, Params::integerId))
            .search("category", Params.token(CONDITION_CATEGORY, Map.of("problem-list-item", Params.ALWAYS)))
            .search("clinical-status", D4wCodes.CONDITION_STATUS.parameter())
            .search("code", Params.identifier(Map.of(CONDITION_CODE_SYSTEM, v -> DSL.trim(MH_CONDITION_CODE).eq(v))))
            .search("recorded-date", day(MH_DATE_RECORDED))
            .map(D4wResources::condition);

    static final ResourceMapping<AllergyIntolerance, Integer> ALLERGY_INTOLERANCE = ResourceMapping
            .of(AllergyIntolerance.class, AuProfiles.ALLERGY_INTOLERANCE, ALG_ALLERGY_ID, Params::integerId)
            .from(PATIENT_ALLERGY_T, ALG_ALLERGY_ID, ALG_PATIENT_ID, ALG_ALLERGEN, ALG_REACTION, ALG_SEVERITY,
                    ALG_DATE_RECORDED)
            .search("patient", Params.reference("Patient", ALG_PATIENT_ID, Params::integerId))
            .search("clinical-status", Params.token(ALLERGY_CLINICAL, Map.of("active", Params.ALWAYS)))
            .map(D4wResources::allergy);

    static final ResourceMapping<MedicationStatement, Integer> MEDICATION_STATEMENT = ResourceMapping
            .of(MedicationStatement.class, AuProfiles.MEDICATION_STATEMENT, MED_PM_ID, Params::integerId)
            .from(PATIENT_MEDICATION_T, MED_PM_ID, MED_PATIENT_ID, MED_MEDICATION, MED_DOSE_TEXT, MED_DATE_RECORDED,
                    MED_IS_CURRENT)
            .search("patient", Params.reference("Patient", MED_PATIENT_ID, Params::integerId))
            .search("status", D4wCodes.MEDICATION_STATUS.parameter())
            .includeContained("medication") // AU Core: the Medication is contained
            .map(D4wResources::medicationStatement);

    /** STATUS of a booking, a cancellation (see d4w.sql). */
    private static final int BOOKED = 0;
    private static final int CANCELLED = 6;

    /**
     * D4W publishes no booking procedure: an online booking is an APPOINTMENT row in the chair's book, with the
     * book's provider and location; the table's LIVE_SLOT constraint decides a race.
     */
    private static final TableBookings BOOKINGS = new TableBookings(APPOINTMENT_T, null, APPT_APPT_ID,
            DSL.sequence(DSL.name("APPT_ID_SEQ"), Integer.class),
            b -> {
                Map<org.jooq.Field<?>, org.jooq.Field<?>> row = new java.util.LinkedHashMap<>();
                row.put(APPT_BOOK_ID, DSL.val(b.schedule()));
                row.put(APPT_PATIENT_ID, DSL.val(b.patient()));
                row.put(APPT_PROVIDER_ID, DSL.field(DSL.select(BOOK_PROVIDER_ID).from(APPT_BOOK_T)
                        .where(BOOK_BOOK_ID.eq((Integer) b.schedule()))));
                row.put(APPT_LOCATION_ID, DSL.field(DSL.select(BOOK_LOCATION_ID).from(APPT_BOOK_T)
                        .where(BOOK_BOOK_ID.eq((Integer) b.schedule()))));
                row.put(APPT_APPT_DATE, DSL.val(b.start().toLocalDate()));
                row.put(APPT_START_TIME, DSL.val(b.start().toLocalTime()));
                row.put(APPT_LENGTH_MIN, DSL.val(b.minutes()));
                row.put(APPT_STATUS, DSL.val(BOOKED));
                row.put(APPT_NOTE, DSL.val(b.reason()));
                row.put(APPT_DATE_CREATED, DSL.currentLocalDateTime());
                return row;
            },
            Map.of(APPT_STATUS, CANCELLED), APPT_STATUS.eq(BOOKED));

    static final ResourceMapping<Appointment, Integer> APPOINTMENT = ResourceMapping
            .of(Appointment.class, null, APPT_APPT_ID, Params::integerId)
            .from(APPOINTMENT_T, APPT_APPT_ID, APPT_APPT_DATE, APPT_START_TIME, APPT_LENGTH_MIN, APPT_APPT_TYPE,
                    APPT_STATUS, APPT_NOTE, APPT_DATE_CREATED)
            .with(AppointmentActors.of(Ref.to(PATIENT, APPT_PATIENT_ID), Ref.to(PRACTITIONER, APPT_PROVIDER_ID),
                    Ref.to(LOCATION, APPT_LOCATION_ID)))
            .search("date", day(APPT_APPT_DATE))
            .search("status", D4wCodes.APPOINTMENT_STATUS.parameter())
            .search("service-type", Params.identifier(Map.of(APPOINTMENT_TYPE_SYSTEM, v -> DSL.trim(APPT_APPT_TYPE).eq(v))))
            .books(BOOKINGS)
            .map(D4wResources::appointment);

    /**
     * Schedule ← APPT_BOOK (one per book: a provider's column at a location, per chair): Schedule/{BOOK_ID}, actors
     * Practitioner/{PROVIDER_ID} and Location/{LOCATION_ID}, active from IS_ACTIVE. Base R4 (no AU Core profile).
     */
    static final ResourceMapping<Schedule, Integer> SCHEDULE = ResourceMapping
            .of(Schedule.class, null, BOOK_BOOK_ID, Params::integerId)
            .from(APPT_BOOK_T, BOOK_BOOK_ID, BOOK_PROVIDER_ID, BOOK_LOCATION_ID, BOOK_CHAIR_NAME, BOOK_IS_ACTIVE)
            .search("actor", Params.references(Params.target("Practitioner", BOOK_PROVIDER_ID, Params::integerId),
                    Params.target("Location", BOOK_LOCATION_ID, Params::integerId)))
            .search("active", D4wCodes.BOOK_ACTIVE.parameter())
            .map(D4wResources::schedule);

    /**
     * Slot ← APPT_TEMPLATE (a book's weekly hours, cut into SLOT_MIN slots) minus APPOINTMENT, generated for the
     * searched days; Schedule/{BOOK_ID}. A slot overlapped by an appointment of the book that is not cancelled
     * (STATUS 6) is busy.
     */
    static final ResourceMapping<org.hl7.fhir.r4.model.Slot, String> SLOT = SlotCalendar
            .of(Integer.class, Params::integerId)
            .sessions(APPT_TEMPLATE_T, DSL.noCondition(), TEMPLATE_BOOK_ID)
            .weekday(TEMPLATE_DAY_OF_WEEK, java.time.DayOfWeek.MONDAY)
            .minutes(SlotCalendar.minutesOfDay(TEMPLATE_START_TIME), SlotCalendar.minutesOfDay(TEMPLATE_END_TIME), TEMPLATE_SLOT_MIN)
            .bookings(APPOINTMENT_T, DSL.not(D4wCodes.APPOINTMENT_STATUS.rowsOf(Appointment.AppointmentStatus.CANCELLED)), APPT_BOOK_ID, APPT_APPT_DATE, SlotCalendar.minutesOfDay(APPT_START_TIME), APPT_LENGTH_MIN)
            .engine(SlotCalendar.Engine.STANDARD)
            .mapping(ZONE);



    @Override
    public List<ResourceMapping<?, ?>> resources() {
        return List.of(PATIENT, PRACTITIONER, PRACTITIONER_ROLE, ORGANIZATION, LOCATION, PROCEDURE, CONDITION,
                ALLERGY_INTOLERANCE, MEDICATION_STATEMENT, APPOINTMENT, SCHEDULE, SLOT);
    }

    /** D4W keeps days, not times. */
    private static SearchParameter day(org.jooq.Field<java.time.LocalDateTime> column) {
        return Params.day(column, ZONE);
    }
}
