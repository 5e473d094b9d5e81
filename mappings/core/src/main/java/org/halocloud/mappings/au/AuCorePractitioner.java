package org.halocloud.mappings.au;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Practitioner;
import org.jooq.Field;

/**
 * AU Core Practitioner from one PMS table: identifiers (HPI-I, prescriber number, Ahpra number…), the name,
 * telecom, gender and active, each declared once as "element ← column (+ code table)". Derives {@code identifier},
 * {@code name}, {@code family} and {@code given}.
 */
public final class AuCorePractitioner<K> extends AuCoreTemplate<Practitioner, K, AuCorePractitioner<K>> {

    private CodeTable<?, AdministrativeGender> gender;

    private AuCorePractitioner(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(Practitioner.class, AuProfiles.PRACTITIONER, key, parseKey);
    }

    public static <K> AuCorePractitioner<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCorePractitioner<>(key, parseKey);
    }

    /** {@code gender} ← a column through its code table (not searched). */
    public AuCorePractitioner<K> gender(CodeTable<?, AdministrativeGender> codes) {
        this.gender = codes;
        declare(MappedElement.coded("Practitioner.gender", codes));
        return this;
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        if (!identifiers.isEmpty()) {
            search.put("identifier", identifierParameter());
        }
        if (!nameSearched().isEmpty()) {
            search.put("name", string(nameSearched()));
        }
        if (family != null) {
            search.put("family", string(family));
        }
        if (!givenSearched().isEmpty()) {
            search.put("given", string(givenSearched()));
        }
        return search;
    }

    @Override
    protected Practitioner render(Row r) {
        Practitioner p = new Practitioner();
        renderIdentifiers(r).forEach(p::addIdentifier);
        p.addName(renderName(r));
        renderTelecom(r).forEach(p::addTelecom);
        if (gender != null) {
            p.setGender(gender.decode(r));
        }
        Boolean isActive = renderActive(r);
        if (isActive != null) {
            p.setActive(isActive);
        }
        return p;
    }
}
