package org.halocloud.mappings.au;

import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.MappedElement;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.jooq.Field;

/** A template of a person (Patient, Practitioner): the shared elements, and gender. */
public abstract class AuCorePerson<R extends DomainResource, K, T extends AuCorePerson<R, K, T>>
        extends AuCoreTemplate<R, K, T> {

    protected CodeTable<?, AdministrativeGender> gender;

    AuCorePerson(Class<R> type, String profile, Field<K> key, Function<String, Optional<K>> parseKey) {
        super(type, profile, key, parseKey);
    }

    /** {@code gender} ← a column through its code table. */
    public T gender(CodeTable<?, AdministrativeGender> codes) {
        this.gender = codes;
        declare(MappedElement.coded(resourceName() + ".gender", codes));
        return self();
    }

    /** The row's gender; null when none is declared. */
    protected final AdministrativeGender renderGender(org.halocloud.mappings.fhir.Row r) {
        return gender == null ? null : gender.decode(r);
    }
}
