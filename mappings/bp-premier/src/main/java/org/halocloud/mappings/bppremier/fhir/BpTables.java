package org.halocloud.mappings.bppremier.fhir;

import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** The BPSPatients tables and columns the FHIR mapping reads, by their real names. */
final class BpTables {

    private BpTables() {
    }

    static final Table<?> PATIENTS = DSL.table(DSL.name("PATIENTS"));
    static final Field<Integer> PATIENT_ID = DSL.field(DSL.name("PATIENTS", "INTERNALID"), Integer.class);
    static final Field<Integer> PATIENT_RECORDSTATUS = DSL.field(DSL.name("PATIENTS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> PATIENTSTATUS = DSL.field(DSL.name("PATIENTS", "PATIENTSTATUS"), Integer.class);
    static final Field<String> IHI = DSL.field(DSL.name("PATIENTS", "IHI"), String.class);
    static final Field<String> FIRSTNAME = DSL.field(DSL.name("PATIENTS", "FIRSTNAME"), String.class);
    static final Field<String> MIDDLENAME = DSL.field(DSL.name("PATIENTS", "MIDDLENAME"), String.class);
    static final Field<String> SURNAME = DSL.field(DSL.name("PATIENTS", "SURNAME"), String.class);
    static final Field<String> PREFERREDNAME = DSL.field(DSL.name("PATIENTS", "PREFERREDNAME"), String.class);
    static final Field<String> ADDRESS1 = DSL.field(DSL.name("PATIENTS", "ADDRESS1"), String.class);
    static final Field<String> ADDRESS2 = DSL.field(DSL.name("PATIENTS", "ADDRESS2"), String.class);
    static final Field<String> CITY = DSL.field(DSL.name("PATIENTS", "CITY"), String.class);
    static final Field<String> POSTCODE = DSL.field(DSL.name("PATIENTS", "POSTCODE"), String.class);
    static final Field<LocalDateTime> DOB = DSL.field(DSL.name("PATIENTS", "DOB"), LocalDateTime.class);
    static final Field<LocalDateTime> DATEOFDEATH = DSL.field(DSL.name("PATIENTS", "DATEOFDEATH"), LocalDateTime.class);
    static final Field<Integer> SEXCODE = DSL.field(DSL.name("PATIENTS", "SEXCODE"), Integer.class);
    static final Field<Integer> ETHNICCODE = DSL.field(DSL.name("PATIENTS", "ETHNICCODE"), Integer.class);
    static final Field<String> HOMEPHONE = DSL.field(DSL.name("PATIENTS", "HOMEPHONE"), String.class);
    static final Field<String> WORKPHONE = DSL.field(DSL.name("PATIENTS", "WORKPHONE"), String.class);
    static final Field<String> MOBILEPHONE = DSL.field(DSL.name("PATIENTS", "MOBILEPHONE"), String.class);
    static final Field<String> MEDICARENO = DSL.field(DSL.name("PATIENTS", "MEDICARENO"), String.class);
    static final Field<String> MEDICARELINENO = DSL.field(DSL.name("PATIENTS", "MEDICARELINENO"), String.class);
    static final Field<String> MEDICAREEXPIRY = DSL.field(DSL.name("PATIENTS", "MEDICAREEXPIRY"), String.class);
    static final Field<Integer> DVACODE = DSL.field(DSL.name("PATIENTS", "DVACODE"), Integer.class);
    static final Field<String> DVANO = DSL.field(DSL.name("PATIENTS", "DVANO"), String.class);
    static final Field<String> RECORDNO = DSL.field(DSL.name("PATIENTS", "RECORDNO"), String.class);
    static final Field<Integer> USUAL_DOCTOR = DSL.field(DSL.name("PATIENTS", "USERID"), Integer.class);
    static final Field<LocalDateTime> PATIENT_CREATED = DSL.field(DSL.name("PATIENTS", "CREATED"), LocalDateTime.class);
    static final Field<LocalDateTime> PATIENT_UPDATED = DSL.field(DSL.name("PATIENTS", "UPDATED"), LocalDateTime.class);
    /** A patient's version: its last update, or its creation before any (BP_UpdatePatient compares the same). */
    static final Field<LocalDateTime> PATIENT_VERSION = DSL.coalesce(PATIENT_UPDATED, PATIENT_CREATED).as("PATIENTVERSION");

    static final Table<?> PRACTICE = DSL.table(DSL.name("PRACTICE"));
    static final Field<String> PRACTICE_HPIO = DSL.field(DSL.name("PRACTICE", "HPIO"), String.class);
    static final Field<String> PRACTICENAME = DSL.field(DSL.name("PRACTICE", "PRACTICENAME"), String.class);
    static final Field<Integer> PRACTICEID = DSL.field(DSL.name("PRACTICE", "PRACTICEID"), Integer.class);
    static final Field<Integer> PRACTICE_RECORDSTATUS = DSL.field(DSL.name("PRACTICE", "RECORDSTATUS"), Integer.class);
    static final Field<String> PRACTICE_ABN = DSL.field(DSL.name("PRACTICE", "ABN"), String.class);

    static final Table<?> LOCATIONS = DSL.table(DSL.name("LOCATIONS"));
    static final Field<Integer> LOCATIONID = DSL.field(DSL.name("LOCATIONS", "LOCATIONID"), Integer.class);
    static final Field<Integer> LOCATION_RECORDSTATUS = DSL.field(DSL.name("LOCATIONS", "RECORDSTATUS"), Integer.class);
    static final Field<String> LOCATIONNAME = DSL.field(DSL.name("LOCATIONS", "LOCATIONNAME"), String.class);
    static final Field<String> LOCATION_ADDRESS1 = DSL.field(DSL.name("LOCATIONS", "ADDRESS1"), String.class);
    static final Field<String> LOCATION_ADDRESS2 = DSL.field(DSL.name("LOCATIONS", "ADDRESS2"), String.class);
    static final Field<String> LOCATION_CITY = DSL.field(DSL.name("LOCATIONS", "CITY"), String.class);
    static final Field<String> LOCATION_POSTCODE = DSL.field(DSL.name("LOCATIONS", "POSTCODE"), String.class);
    static final Field<String> LOCATION_PHONE = DSL.field(DSL.name("LOCATIONS", "PHONE"), String.class);
    static final Field<String> LOCATION_FAX = DSL.field(DSL.name("LOCATIONS", "FAX"), String.class);
    static final Field<String> LOCATION_EMAIL = DSL.field(DSL.name("LOCATIONS", "EMAIL"), String.class);

    static final Table<?> PROVIDER_LOCATION = DSL.table(DSL.name("PROVIDER_LOCATION"));
    static final Field<Integer> PL_ID = DSL.field(DSL.name("PROVIDER_LOCATION", "RECORDID"), Integer.class);
    static final Field<Integer> PL_RECORDSTATUS = DSL.field(DSL.name("PROVIDER_LOCATION", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> PL_USERID = DSL.field(DSL.name("PROVIDER_LOCATION", "USERID"), Integer.class);
    static final Field<Integer> PL_LOCATIONID = DSL.field(DSL.name("PROVIDER_LOCATION", "LOCATIONID"), Integer.class);
    static final Field<String> PROVIDERNUMBER = DSL.field(DSL.name("PROVIDER_LOCATION", "PROVIDERNUMBER"), String.class);

    static final Table<?> VISITS = DSL.table(DSL.name("VISITS"));
    static final Field<Integer> VISITID = DSL.field(DSL.name("VISITS", "VISITID"), Integer.class);
    static final Field<Integer> VISIT_RECORDSTATUS = DSL.field(DSL.name("VISITS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> VISIT_PATIENT = DSL.field(DSL.name("VISITS", "INTERNALID"), Integer.class);
    static final Field<Integer> VISIT_USER = DSL.field(DSL.name("VISITS", "USERID"), Integer.class);
    static final Field<Integer> VISITCODE = DSL.field(DSL.name("VISITS", "VISITCODE"), Integer.class);
    static final Field<LocalDateTime> VISITDATE = DSL.field(DSL.name("VISITS", "VISITDATE"), LocalDateTime.class);
    static final Field<Integer> STARTTIME = DSL.field(DSL.name("VISITS", "STARTTIME"), Integer.class);
    static final Field<Integer> ENDTIME = DSL.field(DSL.name("VISITS", "ENDTIME"), Integer.class);
    static final Field<Integer> VISIT_LOCATION = DSL.field(DSL.name("VISITS", "LOCATION"), Integer.class);

    static final Table<?> APPOINTMENTS = DSL.table(DSL.name("APPOINTMENTS"));
    static final Field<Integer> APPOINTMENT_VISITID = DSL.field(DSL.name("APPOINTMENTS", "VISITID"), Integer.class);
    static final Field<Integer> APPOINTMENT_RECORDSTATUS = DSL.field(DSL.name("APPOINTMENTS", "RECORDSTATUS"), Integer.class);
    static final Field<String> APPOINTMENT_REASON = DSL.field(DSL.name("APPOINTMENTS", "REASON"), String.class);
    static final Field<Integer> APPOINTMENT_ID = DSL.field(DSL.name("APPOINTMENTS", "RECORDID"), Integer.class);
    static final Field<Integer> APPOINTMENT_PATIENT = DSL.field(DSL.name("APPOINTMENTS", "INTERNALID"), Integer.class);
    static final Field<Integer> APPOINTMENT_USER = DSL.field(DSL.name("APPOINTMENTS", "USERID"), Integer.class);
    static final Field<Integer> APPOINTMENT_LOCATION = DSL.field(DSL.name("APPOINTMENTS", "LOCATIONID"), Integer.class);
    static final Field<LocalDateTime> APPOINTMENTDATE = DSL.field(DSL.name("APPOINTMENTS", "APPOINTMENTDATE"), LocalDateTime.class);
    /** Seconds since midnight. */
    static final Field<Integer> APPOINTMENTTIME = DSL.field(DSL.name("APPOINTMENTS", "APPOINTMENTTIME"), Integer.class);
    /** Seconds. */
    static final Field<Integer> APPOINTMENTLENGTH = DSL.field(DSL.name("APPOINTMENTS", "APPOINTMENTLENGTH"), Integer.class);
    /** The status: APPOINTMENTCODES 1 Booked, 2 Waiting, 3 With doctor, 4 At billing, 5 Invoiced, 6 Paid, 7 Completed. */
    static final Field<Integer> APPOINTMENTCODE = DSL.field(DSL.name("APPOINTMENTS", "APPOINTMENTCODE"), Integer.class);
    static final Field<Integer> APPOINTMENT_TYPE = DSL.field(DSL.name("APPOINTMENTS", "APPOINTMENTTYPE"), Integer.class);
    /** Seconds since midnight; 0 = not arrived. */
    static final Field<Integer> ARRIVALTIME = DSL.field(DSL.name("APPOINTMENTS", "ARRIVALTIME"), Integer.class);
    static final Field<LocalDateTime> APPOINTMENT_CREATED = DSL.field(DSL.name("APPOINTMENTS", "CREATED"), LocalDateTime.class);

    /** The appointment types: their key column really is called APPOINTMENTCODE. */
    static final Table<?> APPOINTMENTTYPES = DSL.table(DSL.name("APPOINTMENTTYPES"));
    static final Field<Integer> APPOINTMENTTYPE_CODE = DSL.field(DSL.name("APPOINTMENTTYPES", "APPOINTMENTCODE"), Integer.class);
    static final Field<String> APPOINTMENTTYPE_DESCRIPTION = DSL.field(DSL.name("APPOINTMENTTYPES", "DESCRIPTION"), String.class);

    static final Table<?> CANCELLEDAPPOINTMENTS = DSL.table(DSL.name("CANCELLEDAPPOINTMENTS"));
    static final Field<Integer> CANCELLED_APPOINTMENTID = DSL.field(DSL.name("CANCELLEDAPPOINTMENTS", "APPOINTMENTID"), Integer.class);
    static final Field<String> CANCELLED_REASON = DSL.field(DSL.name("CANCELLEDAPPOINTMENTS", "REASON"), String.class);

    static final Table<?> PASTHISTORY = DSL.table(DSL.name("PASTHISTORY"));
    static final Field<Integer> HISTORY_ID = DSL.field(DSL.name("PASTHISTORY", "RECORDID"), Integer.class);
    static final Field<Integer> HISTORY_RECORDSTATUS = DSL.field(DSL.name("PASTHISTORY", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> HISTORY_PATIENT = DSL.field(DSL.name("PASTHISTORY", "INTERNALID"), Integer.class);
    static final Field<Integer> HISTORY_USER = DSL.field(DSL.name("PASTHISTORY", "USERID"), Integer.class);
    /** YEAR, MONTH and DAY are reserved words in H2 and SQL Server: always quoted (0 = not recorded). */
    static final Field<Integer> HISTORY_YEAR = DSL.field("PASTHISTORY.\"YEAR\"", Integer.class);
    static final Field<Integer> HISTORY_MONTH = DSL.field("PASTHISTORY.\"MONTH\"", Integer.class);
    static final Field<Integer> HISTORY_DAY = DSL.field("PASTHISTORY.\"DAY\"", Integer.class);
    static final Field<String> ITEMTEXT = DSL.field(DSL.name("PASTHISTORY", "ITEMTEXT"), String.class);
    static final Field<Integer> HISTORY_ITEMCODE = DSL.field(DSL.name("PASTHISTORY", "ITEMCODE"), Integer.class);
    static final Field<Integer> HISTORY_STATUSCODE = DSL.field(DSL.name("PASTHISTORY", "STATUSCODE"), Integer.class);
    static final Field<Integer> HISTORY_SEVERITYCODE = DSL.field(DSL.name("PASTHISTORY", "SEVERITYCODE"), Integer.class);
    static final Field<Integer> HISTORY_PROVISIONAL = DSL.field(DSL.name("PASTHISTORY", "PROVISIONAL"), Integer.class);
    static final Field<LocalDateTime> HISTORY_CREATED = DSL.field(DSL.name("PASTHISTORY", "CREATED"), LocalDateTime.class);

    static final Table<?> CONDITIONS_SNOMED = DSL.table(DSL.name("CONDITIONS_SNOMED"));
    static final Field<Integer> SNOMED_ITEMCODE = DSL.field(DSL.name("CONDITIONS_SNOMED", "ITEMCODE"), Integer.class);
    static final Field<String> CONDITION_SNOMEDCODE = DSL.field(DSL.name("CONDITIONS_SNOMED", "SNOMEDCODE"), String.class);

    static final Table<?> REACTIONS = DSL.table(DSL.name("REACTIONS"));
    static final Field<Integer> REACTION_ID = DSL.field(DSL.name("REACTIONS", "RECORDID"), Integer.class);
    static final Field<Integer> REACTION_RECORDSTATUS = DSL.field(DSL.name("REACTIONS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> REACTION_PATIENT = DSL.field(DSL.name("REACTIONS", "INTERNALID"), Integer.class);
    static final Field<Integer> REACTION_USER = DSL.field(DSL.name("REACTIONS", "USERID"), Integer.class);
    static final Field<String> REACTION_ITEMNAME = DSL.field(DSL.name("REACTIONS", "ITEMNAME"), String.class);
    static final Field<String> REACTION = DSL.field(DSL.name("REACTIONS", "REACTION"), String.class);
    static final Field<Integer> REACTION_SEVERITY = DSL.field(DSL.name("REACTIONS", "SEVERITY"), Integer.class);
    static final Field<LocalDateTime> REACTION_CREATED = DSL.field(DSL.name("REACTIONS", "CREATED"), LocalDateTime.class);

    static final Table<?> IMMUNISATIONS = DSL.table(DSL.name("IMMUNISATIONS"));
    static final Field<Integer> IMMUNISATION_ID = DSL.field(DSL.name("IMMUNISATIONS", "RECORDID"), Integer.class);
    static final Field<Integer> IMMUNISATION_RECORDSTATUS = DSL.field(DSL.name("IMMUNISATIONS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> IMMUNISATION_PATIENT = DSL.field(DSL.name("IMMUNISATIONS", "INTERNALID"), Integer.class);
    static final Field<Integer> NOTGIVENHERE = DSL.field(DSL.name("IMMUNISATIONS", "NOTGIVENHERE"), Integer.class);
    static final Field<Integer> ADMINISTEREDBY = DSL.field(DSL.name("IMMUNISATIONS", "ADMINISTEREDBY"), Integer.class);
    static final Field<LocalDateTime> GIVENDATE = DSL.field(DSL.name("IMMUNISATIONS", "GIVENDATE"), LocalDateTime.class);
    static final Field<String> IMMUNISATION_VACCINENAME = DSL.field(DSL.name("IMMUNISATIONS", "VACCINENAME"), String.class);
    static final Field<Integer> IMMUNISATION_VACCINEID = DSL.field(DSL.name("IMMUNISATIONS", "VACCINEID"), Integer.class);
    static final Field<String> BATCHNUMBER = DSL.field(DSL.name("IMMUNISATIONS", "BATCHNUMBER"), String.class);
    static final Field<Integer> DOSE_SEQUENCE = DSL.field(DSL.name("IMMUNISATIONS", "SEQUENCE"), Integer.class);

    static final Table<?> VACCINES = DSL.table(DSL.name("VACCINES"));
    static final Field<Integer> VACCINE_ID = DSL.field(DSL.name("VACCINES", "VACCINEID"), Integer.class);
    static final Field<String> ACIRCODE = DSL.field(DSL.name("VACCINES", "ACIRCODE"), String.class);

    static final Table<?> CURRENTRX = DSL.table(DSL.name("CURRENTRX"));
    static final Field<Integer> RX_ID = DSL.field(DSL.name("CURRENTRX", "RECORDID"), Integer.class);
    static final Field<Integer> RX_RECORDSTATUS = DSL.field(DSL.name("CURRENTRX", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> RX_PATIENT = DSL.field(DSL.name("CURRENTRX", "INTERNALID"), Integer.class);
    static final Field<String> RX_DRUGNAME = DSL.field(DSL.name("CURRENTRX", "DRUGNAME"), String.class);
    static final Field<Integer> RXSTATUS = DSL.field(DSL.name("CURRENTRX", "RXSTATUS"), Integer.class);
    static final Field<String> RX_DOSE = DSL.field(DSL.name("CURRENTRX", "DOSE"), String.class);
    static final Field<Integer> RX_FREQUENCY = DSL.field(DSL.name("CURRENTRX", "FREQUENCY"), Integer.class);
    static final Field<Integer> RX_FOOD = DSL.field(DSL.name("CURRENTRX", "FOOD"), Integer.class);
    static final Field<Integer> RX_PRN = DSL.field(DSL.name("CURRENTRX", "PRN"), Integer.class);
    static final Field<String> RX_INSTRUCTIONS = DSL.field(DSL.name("CURRENTRX", "INSTRUCTIONS"), String.class);
    static final Field<LocalDateTime> RX_FIRSTDATE = DSL.field(DSL.name("CURRENTRX", "FIRSTDATE"), LocalDateTime.class);
    static final Field<String> RX_INDICATION = DSL.field(DSL.name("CURRENTRX", "INDICATION"), String.class);
    static final Field<LocalDateTime> RX_CREATED = DSL.field(DSL.name("CURRENTRX", "CREATED"), LocalDateTime.class);

    static final Table<?> PRESCRIPTIONS = DSL.table(DSL.name("PRESCRIPTIONS"));
    static final Field<Integer> SCRIPT_ID = DSL.field(DSL.name("PRESCRIPTIONS", "SCRIPTID"), Integer.class);
    static final Field<Integer> SCRIPT_RECORDSTATUS = DSL.field(DSL.name("PRESCRIPTIONS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> SCRIPT_USER = DSL.field(DSL.name("PRESCRIPTIONS", "USERID"), Integer.class);
    static final Field<LocalDateTime> SCRIPTDATE = DSL.field(DSL.name("PRESCRIPTIONS", "SCRIPTDATE"), LocalDateTime.class);

    static final Table<?> SCRIPTITEMS = DSL.table(DSL.name("SCRIPTITEMS"));
    static final Field<Integer> ITEM_ID = DSL.field(DSL.name("SCRIPTITEMS", "RECORDID"), Integer.class);
    static final Field<Integer> ITEM_SCRIPTID = DSL.field(DSL.name("SCRIPTITEMS", "SCRIPTID"), Integer.class);
    static final Field<Integer> ITEM_RECORDSTATUS = DSL.field(DSL.name("SCRIPTITEMS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> ITEM_PATIENT = DSL.field(DSL.name("SCRIPTITEMS", "INTERNALID"), Integer.class);
    static final Field<String> ITEM_DRUGNAME = DSL.field(DSL.name("SCRIPTITEMS", "DRUGNAME"), String.class);
    static final Field<String> ITEM_DOSE = DSL.field(DSL.name("SCRIPTITEMS", "DOSE"), String.class);
    static final Field<Integer> ITEM_FREQUENCY = DSL.field(DSL.name("SCRIPTITEMS", "FREQUENCY"), Integer.class);
    static final Field<Integer> ITEM_FOOD = DSL.field(DSL.name("SCRIPTITEMS", "FOOD"), Integer.class);
    static final Field<Integer> ITEM_PRN = DSL.field(DSL.name("SCRIPTITEMS", "PRN"), Integer.class);
    static final Field<String> ITEM_INSTRUCTIONS = DSL.field(DSL.name("SCRIPTITEMS", "INSTRUCTIONS"), String.class);
    static final Field<Integer> ITEM_QUANTITY = DSL.field(DSL.name("SCRIPTITEMS", "QUANTITY"), Integer.class);
    static final Field<String> ITEM_PRODUCTUNIT = DSL.field(DSL.name("SCRIPTITEMS", "PRODUCTUNIT"), String.class);
    static final Field<Integer> ITEM_REPEATS = DSL.field(DSL.name("SCRIPTITEMS", "REPEATS"), Integer.class);

    static final Table<?> OBSERVATIONS = DSL.table(DSL.name("OBSERVATIONS"));
    static final Field<Integer> OBS_ID = DSL.field(DSL.name("OBSERVATIONS", "RECORDID"), Integer.class);
    static final Field<Integer> OBS_RECORDSTATUS = DSL.field(DSL.name("OBSERVATIONS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> OBS_PATIENT = DSL.field(DSL.name("OBSERVATIONS", "INTERNALID"), Integer.class);
    static final Field<Integer> OBS_USER = DSL.field(DSL.name("OBSERVATIONS", "USERID"), Integer.class);
    static final Field<LocalDateTime> OBSDATE = DSL.field(DSL.name("OBSERVATIONS", "OBSDATE"), LocalDateTime.class);
    static final Field<Integer> OBSTIME = DSL.field(DSL.name("OBSERVATIONS", "OBSTIME"), Integer.class);
    static final Field<Integer> DATACODE = DSL.field(DSL.name("OBSERVATIONS", "DATACODE"), Integer.class);
    static final Field<String> DATAVALUE = DSL.field(DSL.name("OBSERVATIONS", "DATAVALUE"), String.class);

    static final Table<?> CLINICAL = DSL.table(DSL.name("CLINICAL"));
    static final Field<Integer> CLINICAL_ID = DSL.field(DSL.name("CLINICAL", "RECORDID"), Integer.class);
    static final Field<Integer> CLINICAL_RECORDSTATUS = DSL.field(DSL.name("CLINICAL", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> CLINICAL_PATIENT = DSL.field(DSL.name("CLINICAL", "INTERNALID"), Integer.class);
    static final Field<Integer> SMOKINGSTATUS = DSL.field(DSL.name("CLINICAL", "SMOKINGSTATUS"), Integer.class);
    static final Field<Integer> CLINICAL_CREATEDBY = DSL.field(DSL.name("CLINICAL", "CREATEDBY"), Integer.class);
    static final Field<LocalDateTime> CLINICAL_CREATED = DSL.field(DSL.name("CLINICAL", "CREATED"), LocalDateTime.class);
    static final Field<LocalDateTime> CLINICAL_UPDATED = DSL.field(DSL.name("CLINICAL", "UPDATED"), LocalDateTime.class);

    static final Table<?> USERS = DSL.table(DSL.name("USERS"));
    static final Field<Integer> USER_ID = DSL.field(DSL.name("USERS", "USERID"), Integer.class);
    static final Field<Integer> USER_RECORDSTATUS = DSL.field(DSL.name("USERS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> USERSTATUS = DSL.field(DSL.name("USERS", "USERSTATUS"), Integer.class);
    static final Field<Integer> GROUPCODE = DSL.field(DSL.name("USERS", "GROUPCODE"), Integer.class);
    static final Field<String> HPII = DSL.field(DSL.name("USERS", "HPII"), String.class);
    static final Field<String> USER_SURNAME = DSL.field(DSL.name("USERS", "SURNAME"), String.class);
    static final Field<String> USER_FIRSTNAME = DSL.field(DSL.name("USERS", "FIRSTNAME"), String.class);
    static final Field<String> PRESCRIBERNO = DSL.field(DSL.name("USERS", "PRESCRIBERNO"), String.class);
    static final Field<String> USER_PHONE = DSL.field(DSL.name("USERS", "PHONE"), String.class);
    static final Field<String> USER_EMAIL = DSL.field(DSL.name("USERS", "EMAIL"), String.class);
    static final Field<Integer> USER_TITLECODE = DSL.field(DSL.name("USERS", "TITLECODE"), Integer.class);
    /** 1 when the user has an appointment book. */
    static final Field<Integer> USER_APPOINTMENTS = DSL.field(DSL.name("USERS", "APPOINTMENTS"), Integer.class);

    /** The weekly sessions of a provider's appointment book; times and LENGTH (the slot) in seconds. */
    static final Table<?> SESSIONS = DSL.table(DSL.name("SESSIONS"));
    static final Field<Integer> SESSION_RECORDSTATUS = DSL.field(DSL.name("SESSIONS", "RECORDSTATUS"), Integer.class);
    static final Field<Integer> SESSION_USER = DSL.field(DSL.name("SESSIONS", "USERID"), Integer.class);
    /** 1 = Sunday .. 7 = Saturday. */
    static final Field<Integer> SESSION_DAYOFWEEK = DSL.field(DSL.name("SESSIONS", "DAYOFWEEK"), Integer.class);
    static final Field<Integer> SESSION_STARTTIME = DSL.field(DSL.name("SESSIONS", "STARTTIME"), Integer.class);
    static final Field<Integer> SESSION_ENDTIME = DSL.field(DSL.name("SESSIONS", "ENDTIME"), Integer.class);
    static final Field<Integer> SESSION_LENGTH = DSL.field(DSL.name("SESSIONS", "LENGTH"), Integer.class);
    static final Field<LocalDateTime> SESSION_STARTDATE = DSL.field(DSL.name("SESSIONS", "STARTDATE"), LocalDateTime.class);
    static final Field<LocalDateTime> SESSION_ENDDATE = DSL.field(DSL.name("SESSIONS", "ENDDATE"), LocalDateTime.class);
    /** The cycle in weeks (1 = every week). */
    static final Field<Integer> SESSION_WEEKS = DSL.field(DSL.name("SESSIONS", "WEEKS"), Integer.class);
}
