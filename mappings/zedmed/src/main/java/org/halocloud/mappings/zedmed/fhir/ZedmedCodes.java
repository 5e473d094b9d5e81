package org.halocloud.mappings.zedmed.fhir;

import static org.halocloud.mappings.zedmed.fhir.ZedmedTables.*;

import java.util.List;
import org.halocloud.mappings.au.AuCodeTables;
import org.halocloud.mappings.au.AuCodes;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;

/** Zedmed's code tables, each read by the row mapper and searched through the same declaration. */
final class ZedmedCodes {

    private ZedmedCodes() {
    }

    /** PATIENT.SEX: M, F, X, U; anything else, or nothing, unknown. */
    static final CodeTable<String, AdministrativeGender> SEX = AuCodeTables.genderLetters(ZedmedTables.SEX, false)
            .otherwise(AdministrativeGender.UNKNOWN);

    /** DOCTOR.SEX: as a patient's, but a doctor without one has no gender. */
    static final CodeTable<String, AdministrativeGender> DOCTOR_SEX = AuCodeTables.genderLetters(DR_SEX, false)
            .unlisted(AdministrativeGender.UNKNOWN).build();

    /** PATIENT.INDIGENOUS_STATUS: AIHW's codes; none recorded, no extension. */
    static final CodeTable<Integer, Integer> INDIGENOUS = AuCodeTables
            .indigenousStatus(INDIGENOUS_STATUS, AuCodeTables.INDIGENOUS_NOT_STATED).build();

    /** PATIENT.DVA_CARD_TYPE: G gold, W white, O orange, L lilac; otherwise a number without a card type. */
    static final CodeTable<String, Code> DVA_CARD = AuCodeTables.dvaCardLetters(DVA_CARD_TYPE)
            .code(AuCodeTables.DVA_LILAC, "L")
            .otherwise(AuCodeTables.DVA_NUMBER);

    /** APPOINTMENT.STATUS: BK booked, AR arrived, IC in consult, CO completed, DN did not attend, CX cancelled. */
    static final CodeTable<String, AppointmentStatus> APPOINTMENT_STATUS = CodeTable
            .of(APPT_STATUS, "http://hl7.org/fhir/appointmentstatus", AppointmentStatus::toCode)
            .code(AppointmentStatus.BOOKED, "BK")
            .code(AppointmentStatus.ARRIVED, "AR")
            .code(AppointmentStatus.CHECKEDIN, "IC")
            .code(AppointmentStatus.FULFILLED, "CO")
            .code(AppointmentStatus.NOSHOW, "DN")
            .code(AppointmentStatus.CANCELLED, "CX")
            .otherwise(AppointmentStatus.BOOKED);

    /** CONSULT.CONSULT_TYPE: SU surgery, HV home visit, TH telehealth video, TP telephone; any other ambulatory. */
    static final CodeTable<String, Code> CONSULT_CLASS = CodeTable.coded(CONSULT_TYPE, ZedmedFhir.ACT_CODE)
            .code(new Code("AMB", "ambulatory"), "SU")
            .code(new Code("HH", "home health"), "HV")
            .code(new Code("VR", "virtual"), "TH", "TP")
            .otherwise(new Code("AMB", "ambulatory"));

    /** SCRIPT.STATUS: C cancelled; E (electronic) and P (paper) scripts, and any other, active. */
    static final CodeTable<String, MedicationRequestStatus> SCRIPT_STATUS = CodeTable
            .of(RX_STATUS, "http://hl7.org/fhir/CodeSystem/medicationrequest-status", MedicationRequestStatus::toCode)
            .code(MedicationRequestStatus.ACTIVE, "E", "P")
            .code(MedicationRequestStatus.CANCELLED, "C")
            .otherwise(MedicationRequestStatus.ACTIVE);

    /** ALLERGY.IS_ACTIVE as the clinical status. */
    static final CodeTable<Integer, Code> ALLERGY_STATUS = CodeTable.coded(ALLERGY_IS_ACTIVE, ZedmedFhir.ALLERGY_CLINICAL)
            .code(new Code("active", "Active"), 1)
            .code(new Code("inactive", "Inactive"), 0)
            .otherwise(new Code("inactive", "Inactive"));

    /** DOCTOR.IS_ACTIVE as a Schedule's (and Practitioner's) {@code active}. */
    static final CodeTable<Integer, Boolean> DOCTOR_ACTIVE = CodeTable.<Integer, Boolean>of(DR_IS_ACTIVE, "", String::valueOf)
            .code(true, 1)
            .code(false, 0)
            .otherwise(false);

    /** PATIENT.IS_ACTIVE as the Patient's {@code active}. */
    static final CodeTable<Integer, Boolean> PATIENT_ACTIVE = CodeTable.<Integer, Boolean>of(PATIENT_IS_ACTIVE, "", String::valueOf)
            .code(true, 1)
            .code(false, 0)
            .otherwise(false);

    /** DOCTOR.IS_ACTIVE as each of the doctor's roles' {@code active}. */
    static final CodeTable<Integer, Boolean> ROLE_ACTIVE = CodeTable.<Integer, Boolean>of(ZedmedTables.ROLE_ACTIVE, "", String::valueOf)
            .code(true, 1)
            .code(false, 0)
            .otherwise(false);

    static final Code IHI_DECEASED = new Code("deceased", null);

    /** PATIENT.IHI_STATUS as AU Base's ihi-status: A active, D deceased, R retired, E expired; others none. */
    static final CodeTable<String, Code> IHI_STATUS = CodeTable.coded(ZedmedTables.IHI_STATUS, AuCodes.IHI_STATUS_CODES)
            .code(new Code("active", null), "A")
            .code(IHI_DECEASED, "D")
            .code(new Code("retired", null), "R")
            .code(new Code("expired", null), "E")
            .build();

    /** PATIENT.IHI_RECORD_STATUS as AU Base's ihi-record-status: V verified, U unverified, P provisional. */
    static final CodeTable<String, Code> IHI_RECORD_STATUS = CodeTable
            .coded(ZedmedTables.IHI_RECORD_STATUS, AuCodes.IHI_RECORD_STATUS_CODES)
            .code(new Code("verified", null), "V")
            .code(new Code("unverified", null), "U")
            .code(new Code("provisional", null), "P")
            .build();

    /** Every table, for the contract test. */
    static final List<CodeTable<?, ?>> ALL = List.of(SEX, DOCTOR_SEX, INDIGENOUS, DVA_CARD, APPOINTMENT_STATUS,
            CONSULT_CLASS, SCRIPT_STATUS, ALLERGY_STATUS, DOCTOR_ACTIVE, PATIENT_ACTIVE, IHI_STATUS, IHI_RECORD_STATUS);
}
