package org.halocloud.mappings.au;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.CodeTable.Code;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.jooq.Field;

/**
 * AU Core PractitionerRole: a practitioner at an organisation and location, with its identifiers (Medicare
 * provider number…), role code, telecom and active, each declared once; the references name their target
 * mappings. Derives {@code identifier}, {@code practitioner}, {@code organization}, {@code location} and, with a
 * role code table, {@code role}.
 */
public final class AuCorePractitionerRole<K> extends AuCoreTemplate<PractitionerRole, K, AuCorePractitionerRole<K>> {

    private Ref<?> practitioner;
    private Ref<?> organization;
    private Ref<?> location;
    private CodeTable<?, Code> role;

    private AuCorePractitionerRole(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(PractitionerRole.class, AuProfiles.PRACTITIONER_ROLE, key, parseKey);
    }

    public static <K> AuCorePractitionerRole<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCorePractitionerRole<>(key, parseKey);
    }

    /** {@code practitioner} → the practitioners' mapping; searched by {@code practitioner}. */
    public AuCorePractitionerRole<K> practitioner(Ref<?> ref) {
        this.practitioner = ref;
        declare(referenced(ref, "PractitionerRole.practitioner"));
        return this;
    }

    /** {@code organization} → the organisations' mapping; searched by {@code organization}. */
    public AuCorePractitionerRole<K> organization(Ref<?> ref) {
        this.organization = ref;
        declare(referenced(ref, "PractitionerRole.organization"));
        return this;
    }

    /** {@code location} → the locations' mapping; searched by {@code location}. */
    public AuCorePractitionerRole<K> location(Ref<?> ref) {
        this.location = ref;
        declare(referenced(ref, "PractitionerRole.location"));
        return this;
    }

    /**
     * {@code code} ← a column through its code table: the code's display as text, with a coding of the table's
     * system when the code has one; searched by {@code role}.
     */
    public AuCorePractitionerRole<K> role(CodeTable<?, Code> codes) {
        this.role = codes;
        declare(MappedElement.coded("PractitionerRole.code", codes));
        return this;
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        derive(search, "identifier", identifiers, this::identifierParameter);
        derive(search, "practitioner", practitioner, () -> practitioner.parameter());
        derive(search, "organization", organization, () -> organization.parameter());
        derive(search, "location", location, () -> location.parameter());
        derive(search, "role", role, () -> role.parameter());
        return search;
    }

    @Override
    protected PractitionerRole render(Row r) {
        PractitionerRole pr = new PractitionerRole();
        renderIdentifiers(r).forEach(pr::addIdentifier);
        active(r, pr::setActive);
        reference(practitioner, r, pr::setPractitioner);
        reference(organization, r, pr::setOrganization);
        reference(location, r, pr::addLocation);
        Code code = role == null ? null : role.decode(r);
        if (code != null) {
            CodeableConcept concept = pr.addCode().setText(code.display());
            if (code.code() != null) {
                concept.addCoding(new Coding(role.system(), code.code(), code.display()));
            }
        }
        renderTelecom(r).forEach(pr::addTelecom);
        return pr;
    }
}
