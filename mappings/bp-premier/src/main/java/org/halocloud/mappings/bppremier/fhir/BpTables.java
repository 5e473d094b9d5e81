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

    static final Table<?> PRACTICE = DSL.table(DSL.name("PRACTICE"));
    static final Field<String> PRACTICE_HPIO = DSL.field(DSL.name("PRACTICE", "HPIO"), String.class);
    static final Field<String> PRACTICENAME = DSL.field(DSL.name("PRACTICE", "PRACTICENAME"), String.class);

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
}
