package org.halocloud.mappings.d4w.fhir;

import static org.halocloud.mappings.d4w.fhir.D4wTables.*;

import java.util.List;
import org.halocloud.mappings.au.AuCodeTables;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;

/** D4W's code tables, each read by the row mapper and searched through the same declaration. */
final class D4wCodes {

    private D4wCodes() {
    }

    static final String APPOINTMENT_STATUS_SYSTEM = "http://hl7.org/fhir/appointmentstatus";
    static final String MEDICATION_STATEMENT_STATUS = "http://hl7.org/fhir/CodeSystem/medication-statement-status";

    /** PATIENT.GENDER: M, F, X, U, typed in either case; anything else (or nothing) unknown. */
    static final CodeTable<String, AdministrativeGender> GENDER = AuCodeTables.genderLetters(PAT_GENDER, true)
            .otherwise(AdministrativeGender.UNKNOWN);

    /** PATIENT.ATSI_STATUS: AIHW's codes; none recorded, no extension. */
    static final CodeTable<Integer, Integer> INDIGENOUS_STATUS = AuCodeTables
            .indigenousStatus(PAT_ATSI_STATUS, AuCodeTables.INDIGENOUS_NOT_STATED).build();

    /** PATIENT.DVA_CARD: G gold, W white, O orange; otherwise a number without a card type. */
    static final CodeTable<String, Code> DVA_CARD = AuCodeTables.dvaCardLetters(PAT_DVA_CARD)
            .otherwise(AuCodeTables.DVA_NUMBER);

    /** PROVIDER.PROVIDER_TYPE as the role's SNOMED CT occupation; types without one are text only (no code). */
    static final CodeTable<String, Code> PROVIDER_ROLE = CodeTable.coded(PRV_PROVIDER_TYPE, AuCodes.SNOMED)
            .code(new Code(D4wFhir.DENTIST, "Dentist"), "DE")
            .code(new Code(D4wFhir.DENTAL_HYGIENIST, "Dental hygienist"), "HY")
            .code(new Code(null, "Oral health therapist"), "OH")
            .code(new Code(null, "Dental prosthetist"), "DP")
            .code(new Code(null, "Dental assistant"), "DA")
            .build();

    /** APPOINTMENT.STATUS: 0 booked, 1 confirmed, 2 arrived, 3 in chair, 4 completed, 5 failed to attend, 6 cancelled. */
    static final CodeTable<Integer, AppointmentStatus> APPOINTMENT_STATUS = CodeTable
            .of(APPT_STATUS, APPOINTMENT_STATUS_SYSTEM, AppointmentStatus::toCode)
            .code(AppointmentStatus.BOOKED, 0, 1)
            .code(AppointmentStatus.ARRIVED, 2)
            .code(AppointmentStatus.CHECKEDIN, 3)
            .code(AppointmentStatus.FULFILLED, 4)
            .code(AppointmentStatus.NOSHOW, 5)
            .code(AppointmentStatus.CANCELLED, 6)
            .otherwise(AppointmentStatus.BOOKED);

    /** MEDICAL_HISTORY.IS_ACTIVE as the condition's clinical status. */
    static final CodeTable<Boolean, Code> CONDITION_STATUS = CodeTable.coded(MH_IS_ACTIVE, D4wFhir.CONDITION_CLINICAL)
            .code(new Code("active", "Active"), true)
            .code(new Code("inactive", "Inactive"), false)
            .otherwise(new Code("inactive", "Inactive"));

    /** PATIENT_MEDICATION.IS_CURRENT: a current medicine is active, any other completed. */
    static final CodeTable<Boolean, MedicationStatementStatus> MEDICATION_STATUS = CodeTable
            .of(MED_IS_CURRENT, MEDICATION_STATEMENT_STATUS, MedicationStatementStatus::toCode)
            .code(MedicationStatementStatus.ACTIVE, true)
            .code(MedicationStatementStatus.COMPLETED, false)
            .otherwise(MedicationStatementStatus.COMPLETED);

    /** APPT_BOOK.IS_ACTIVE as the Schedule's {@code active}. */
    static final CodeTable<Boolean, Boolean> BOOK_ACTIVE = CodeTable.<Boolean, Boolean>of(BOOK_IS_ACTIVE, "", String::valueOf)
            .code(true, true)
            .code(false, false)
            .otherwise(false);

    /** PATIENT.IS_ACTIVE as the Patient's {@code active}. */
    static final CodeTable<Boolean, Boolean> PATIENT_ACTIVE = CodeTable.<Boolean, Boolean>of(PAT_IS_ACTIVE, "", String::valueOf)
            .code(true, true)
            .code(false, false)
            .otherwise(false);

    /** PROVIDER.IS_ACTIVE as the Practitioner's (and its PractitionerRole's) {@code active}. */
    static final CodeTable<Boolean, Boolean> PROVIDER_ACTIVE = CodeTable.<Boolean, Boolean>of(PRV_IS_ACTIVE, "", String::valueOf)
            .code(true, true)
            .code(false, false)
            .otherwise(false);

    /** Every table, for the contract test. */
    /** LOCATION.IS_ACTIVE as the Organization's {@code active} and the Location's {@code status}. */
    static final CodeTable<Boolean, Boolean> LOCATION_ACTIVE = CodeTable.<Boolean, Boolean>of(LOC_IS_ACTIVE, "", String::valueOf)
            .code(true, true)
            .code(false, false)
            .otherwise(false);

    static final List<CodeTable<?, ?>> ALL = List.of(GENDER, INDIGENOUS_STATUS, DVA_CARD, PROVIDER_ROLE,
            APPOINTMENT_STATUS, CONDITION_STATUS, MEDICATION_STATUS, BOOK_ACTIVE, PATIENT_ACTIVE, PROVIDER_ACTIVE,
            LOCATION_ACTIVE);
}
