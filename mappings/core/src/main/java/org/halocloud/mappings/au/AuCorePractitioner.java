package org.halocloud.mappings.au;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.Practitioner;
import org.jooq.Field;

/**
 * AU Core Practitioner from one PMS table: identifiers (HPI-I, prescriber number, Ahpra number…), the name,
 * telecom, gender (not searched) and active, each declared once as "element ← column (+ code table)". Derives {@code identifier},
 * {@code name}, {@code family} and {@code given}.
 */
public final class AuCorePractitioner<K> extends AuCorePerson<Practitioner, K, AuCorePractitioner<K>> {

    private AuCorePractitioner(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(Practitioner.class, AuProfiles.PRACTITIONER, key, parseKey);
    }

    public static <K> AuCorePractitioner<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCorePractitioner<>(key, parseKey);
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        derive(search, "identifier", identifiers, this::identifierParameter);
        derive(search, "name", nameSearched(), () -> string(nameSearched()));
        derive(search, "family", family, () -> string(family));
        derive(search, "given", givenSearched(), () -> string(givenSearched()));
        return search;
    }

    @Override
    protected Practitioner render(Row r) {
        Practitioner p = new Practitioner();
        renderIdentifiers(r).forEach(p::addIdentifier);
        p.addName(renderName(r));
        renderTelecom(r).forEach(p::addTelecom);
        p.setGender(renderGender(r));
        active(r, p::setActive);
        return p;
    }
}
