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
import org.hl7.fhir.r4.model.Reference;
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
        declare(withDisplay(ref, "PractitionerRole.practitioner"));
        return this;
    }

    /** {@code organization} → the organisations' mapping; searched by {@code organization}. */
    public AuCorePractitionerRole<K> organization(Ref<?> ref) {
        this.organization = ref;
        declare(withDisplay(ref, "PractitionerRole.organization"));
        return this;
    }

    /** {@code location} → the locations' mapping; searched by {@code location}. */
    public AuCorePractitionerRole<K> location(Ref<?> ref) {
        this.location = ref;
        declare(withDisplay(ref, "PractitionerRole.location"));
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

    private static MappedElement withDisplay(Ref<?> ref, String path) {
        return new MappedElement(path, ref.type(), ref.columns(), null);
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = new LinkedHashMap<>();
        if (!identifiers.isEmpty()) {
            search.put("identifier", identifierParameter());
        }
        if (practitioner != null) {
            search.put("practitioner", practitioner.parameter());
        }
        if (organization != null) {
            search.put("organization", organization.parameter());
        }
        if (location != null) {
            search.put("location", location.parameter());
        }
        if (role != null) {
            search.put("role", role.parameter());
        }
        return search;
    }

    @Override
    protected PractitionerRole render(Row r) {
        PractitionerRole pr = new PractitionerRole();
        renderIdentifiers(r).forEach(pr::addIdentifier);
        Boolean isActive = renderActive(r);
        if (isActive != null) {
            pr.setActive(isActive);
        }
        Reference who = practitioner == null ? null : practitioner.render(r);
        if (who != null) {
            pr.setPractitioner(who);
        }
        Reference org = organization == null ? null : organization.render(r);
        if (org != null) {
            pr.setOrganization(org);
        }
        Reference where = location == null ? null : location.render(r);
        if (where != null) {
            pr.addLocation(where);
        }
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
