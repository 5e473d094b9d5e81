package org.halocloud.mappings.au;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.jooq.Field;

/**
 * AU Core Patient from one PMS table: identifiers (IHI, Medicare, DVA, the medical record number…), the official
 * and preferred names, telecom, gender, birth date, deceased date, home address, active, indigenous status and the
 * usual GP, each declared once as "element ← column (+ code table)". Derives the parameters AU Core asks of a
 * Patient: {@code identifier}, {@code family}, {@code given}, {@code name}, {@code birthdate}, {@code gender} and
 * {@code indigenous-status}.
 *
 * <p>Renders AU Core's rules for absent data: a patient without any identifier gets one with data-absent-reason
 * (identifier is 1..*), one without a birth date a data-absent-reason on {@code birthDate}.
 */
public final class AuCorePatient<K> extends AuCorePerson<Patient, K, AuCorePatient<K>> {

    Field<LocalDateTime> birthDate;
    private BiFunction<Field<LocalDateTime>, ZoneId, SearchParameter> birthDateSearch = Params::date;
    Field<LocalDateTime> deceased;
    CodeTable<?, Integer> indigenousStatus;
    Ref<?> generalPractitioner;

    private AuCorePatient(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(Patient.class, AuProfiles.PATIENT, key, parseKey);
    }

    public static <K> AuCorePatient<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCorePatient<>(key, parseKey);
    }

    /** {@code birthDate} ← a date column, searched as a dateTime ({@link Params#date}). */
    public AuCorePatient<K> birthDate(Field<LocalDateTime> column) {
        return birthDate(column, Params::date);
    }

    /** {@code birthDate} ← a date column, searched as {@code search} makes it (e.g. {@link Params#day}). */
    public AuCorePatient<K> birthDate(Field<LocalDateTime> column,
                                      BiFunction<Field<LocalDateTime>, ZoneId, SearchParameter> search) {
        this.birthDate = column;
        this.birthDateSearch = search;
        declare(MappedElement.of("Patient.birthDate", column));
        return this;
    }

    /** {@code deceasedDateTime} ← a date column (to the day). */
    public AuCorePatient<K> deceased(Field<LocalDateTime> column) {
        this.deceased = column;
        declare(MappedElement.of("Patient.deceasedDateTime", column));
        return this;
    }

    /** AU Base's indigenous-status extension ← a column through its code table; searched by {@code indigenous-status}. */
    public AuCorePatient<K> indigenousStatus(CodeTable<?, Integer> codes) {
        this.indigenousStatus = codes;
        declare(MappedElement.coded("Patient.extension:indigenousStatus", codes));
        return this;
    }

    /** {@code generalPractitioner} → the usual doctor, a reference to the practitioners' mapping. */
    public AuCorePatient<K> generalPractitioner(Ref<?> doctor) {
        this.generalPractitioner = doctor;
        declare(doctor.element("Patient.generalPractitioner"));
        return this;
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        derive(search, "identifier", identifiers, this::identifierParameter);
        derive(search, "family", family, () -> string(family));
        derive(search, "given", givenSearched(), () -> string(givenSearched()));
        derive(search, "name", nameSearched(), () -> string(nameSearched()));
        derive(search, "birthdate", birthDate, () -> birthDateSearch.apply(birthDate, zone));
        derive(search, "gender", gender, () -> gender.parameter());
        derive(search, "indigenous-status", indigenousStatus, () -> indigenousStatus.parameter());
        return search;
    }

    @Override
    protected ColumnValues columnsOf(Patient patient) {
        return PatientColumns.read(this, patient);
    }

    @Override
    protected Patient render(Row r) {
        Patient p = new Patient();
        renderIdentifiers(r).forEach(p::addIdentifier);
        if (p.getIdentifier().isEmpty()) {
            p.addIdentifier().addExtension(AuCodes.unknown());
        }
        p.addName(renderName(r));
        HumanName usual = renderUsualName(r);
        if (usual != null) {
            p.addName(usual);
        }
        renderTelecom(r).forEach(p::addTelecom);
        p.setGender(renderGender(r));
        if (birthDate != null) {
            if (r.date(birthDate) != null) {
                p.setBirthDateElement(new DateType(r.date(birthDate).toString()));
            } else {
                p.getBirthDateElement().addExtension(AuCodes.unknown());
            }
        }
        if (deceased != null && r.date(deceased) != null) {
            p.setDeceased(new DateTimeType(r.date(deceased).toString()));
        }
        Address home = renderAddress(r, Address.AddressUse.HOME);
        if (home != null) {
            p.addAddress(home);
        }
        active(r, p::setActive);
        if (indigenousStatus != null) {
            Integer status = indigenousStatus.decode(r);
            if (status != null) {
                p.addExtension(AuCodes.indigenousStatus(status));
            }
        }
        reference(generalPractitioner, r, p::addGeneralPractitioner);
        return p;
    }
}
