package org.halocloud.mappings.bppremier.fhir;

import static org.halocloud.mappings.bppremier.fhir.BpTables.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.halocloud.mappings.fhir.write.Statements;
import org.halocloud.mappings.fhir.write.Statements.Argument;
import org.halocloud.mappings.fhir.write.WritePath;
import org.jooq.Field;

/**
 * Bp Premier writes patients only through its procedures: {@code BP_AddPatient} with its public arguments (the new
 * INTERNALID is its RETURN value) and {@code BP_UpdatePatient} [inferred: no signature is public], which takes the
 * row's version stamp and returns 0 when the row changed meanwhile. What neither takes (the IHI, the usual doctor,
 * a date of death) Bp cannot be written through them, so such an element is refused.
 */
public final class BpPatientWrites implements WritePath {

    /** One procedure argument and the PATIENTS column it fills; a null column is passed as Bp's clients pass it. */
    public record Arg(String name, Field<?> column, Class<?> type, Object otherwise) {
    }

    /** BP_AddPatient's arguments in the vendor's order. */
    public static final List<Arg> ADD_PATIENT = List.of(
            new Arg("@titlecode", null, Integer.class, 0),
            new Arg("@firstname", FIRSTNAME, String.class, null),
            new Arg("@middlename", MIDDLENAME, String.class, null),
            new Arg("@surname", SURNAME, String.class, null),
            new Arg("@preferredname", PREFERREDNAME, String.class, null),
            new Arg("@address1", ADDRESS1, String.class, null),
            new Arg("@address2", ADDRESS2, String.class, null),
            new Arg("@city", CITY, String.class, null),
            new Arg("@postcode", POSTCODE, String.class, null),
            new Arg("@postaladdress", null, String.class, ""),
            new Arg("@postalcity", null, String.class, ""),
            new Arg("@postalpostcode", null, String.class, ""),
            new Arg("@dob", DOB, LocalDateTime.class, null),
            new Arg("@sexcode", SEXCODE, Integer.class, 0),
            new Arg("@homephone", HOMEPHONE, String.class, null),
            new Arg("@workphone", WORKPHONE, String.class, null),
            new Arg("@mobilephone", MOBILEPHONE, String.class, null),
            new Arg("@medicareno", MEDICARENO, String.class, null),
            new Arg("@medicarelineno", MEDICARELINENO, String.class, null),
            new Arg("@medicareexpiry", MEDICAREEXPIRY, String.class, null),
            new Arg("@pensioncode", null, Integer.class, 0),
            new Arg("@pensionno", null, String.class, ""),
            new Arg("@pensionexpiry", null, LocalDateTime.class, null),
            new Arg("@dvacode", DVACODE, Integer.class, 0),
            new Arg("@dvano", DVANO, String.class, null),
            new Arg("@recordno", RECORDNO, String.class, null),
            new Arg("@externalid", null, String.class, ""),
            new Arg("@email", null, String.class, ""),
            new Arg("@headoffamilyid", null, Integer.class, 0),
            new Arg("@ethniccode", ETHNICCODE, Integer.class, 0),
            new Arg("@consentsmsreminder", null, Integer.class, 0),
            new Arg("@nextofkinid", null, Integer.class, 0),
            new Arg("@emergencycontact", null, Integer.class, 0));

    /** BP_UpdatePatient's arguments after @patientid and @version: the columns BP_AddPatient fills, in its order. */
    public static final List<Arg> UPDATE_PATIENT = ADD_PATIENT.stream().filter(a -> a.column() != null).toList();

    static final BpPatientWrites PATH = new BpPatientWrites();

    private BpPatientWrites() {
    }

    @Override
    public boolean stores(Field<?> column, Object value) {
        // a new or updated patient is a live record: RECORDSTATUS 1 is what the procedures give every patient
        return ADD_PATIENT.stream().anyMatch(a -> column.equals(a.column()))
                || column.equals(PATIENT_RECORDSTATUS) && Objects.equals(value, 1);
    }

    @Override
    public Object create(ColumnValues values, Statements db) {
        return db.call(null, "BP_AddPatient", arguments(ADD_PATIENT, values));
    }

    @Override
    public boolean update(Object key, LocalDateTime expected, ColumnValues values, Statements db) {
        List<Argument> arguments = new ArrayList<>();
        arguments.add(Argument.of("@patientid", key, Integer.class));
        arguments.add(Argument.of("@version", expected, LocalDateTime.class));
        arguments.addAll(arguments(UPDATE_PATIENT, values));
        Object updated = db.call(null, "BP_UpdatePatient", arguments);
        return updated instanceof Number n && n.intValue() == 1;
    }

    private static List<Argument> arguments(List<Arg> args, ColumnValues values) {
        List<Argument> arguments = new ArrayList<>();
        for (Arg a : args) {
            Object value = a.column() == null ? a.otherwise() : values.get(a.column());
            arguments.add(Argument.of(a.name(), value == null ? a.otherwise() : value, a.type()));
        }
        return arguments;
    }
}
