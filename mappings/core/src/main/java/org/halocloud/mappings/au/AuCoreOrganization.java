package org.halocloud.mappings.au;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.jooq.Field;

/**
 * AU Core Organization from one PMS table: identifiers (HPI-O, ABN…), name, type, telecom, work address and
 * active, each declared once. Derives {@code identifier}, {@code name} and {@code address}.
 *
 * <p>Renders AU Core's rule for absent data: an organisation without a name gets data-absent-reason on
 * {@code name} (name is 1..1).
 */
public final class AuCoreOrganization<K> extends AuCorePlace<Organization, K, AuCoreOrganization<K>> {

    static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    private boolean healthcareProvider;

    private AuCoreOrganization(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(Organization.class, AuProfiles.ORGANIZATION, key, parseKey);
    }

    public static <K> AuCoreOrganization<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCoreOrganization<>(key, parseKey);
    }

    /** {@code type} is {@code prov} (Healthcare Provider): every row of the table is a provider of care. */
    public AuCoreOrganization<K> healthcareProvider() {
        this.healthcareProvider = true;
        return this;
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        return placeSearches();
    }

    @Override
    protected Organization render(Row r) {
        Organization o = new Organization();
        renderIdentifiers(r).forEach(o::addIdentifier);
        active(r, o::setActive);
        String text = text(r, name);
        if (text != null) {
            o.setName(text);
        } else {
            o.getNameElement().addExtension(AuCodes.unknown());
        }
        if (healthcareProvider) {
            o.addType(new CodeableConcept(new Coding(ORGANIZATION_TYPE, "prov", "Healthcare Provider")));
        }
        renderTelecom(r).forEach(o::addTelecom);
        Address work = renderWorkAddress(r);
        if (work != null) {
            o.addAddress(work);
        }
        return o;
    }
}
