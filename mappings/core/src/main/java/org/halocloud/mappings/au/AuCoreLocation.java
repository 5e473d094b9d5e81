package org.halocloud.mappings.au;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.jooq.Field;

/**
 * AU Core Location from one PMS table: identifiers, name, status (from {@code active}), mode, physical type,
 * telecom, work address and the managing organisation (a reference to the organisations' mapping), each declared
 * once. Derives {@code identifier}, {@code name}, {@code address}, {@code address-city}, {@code address-state},
 * {@code address-postalcode} and {@code organization}.
 */
public final class AuCoreLocation<K> extends AuCorePlace<Location, K, AuCoreLocation<K>> {

    static final String PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type";

    private Ref<?> managingOrganization;
    private Location.LocationMode mode;
    private boolean building;

    private AuCoreLocation(Field<K> key, Function<String, Optional<K>> parseKey) {
        super(Location.class, AuProfiles.LOCATION, key, parseKey);
    }

    public static <K> AuCoreLocation<K> of(Field<K> key, Function<String, Optional<K>> parseKey) {
        return new AuCoreLocation<>(key, parseKey);
    }

    /** {@code managingOrganization} → the organisations' mapping; searched by {@code organization}. */
    public AuCoreLocation<K> managingOrganization(Ref<?> ref) {
        this.managingOrganization = ref;
        declare(referenced(ref, "Location.managingOrganization"));
        return this;
    }

    /** {@code mode}: every row is one place ({@code instance}) or a kind of place; none unless declared. */
    public AuCoreLocation<K> mode(Location.LocationMode declared) {
        this.mode = declared;
        return this;
    }

    /** {@code physicalType} is {@code bu} (Building): the PMS's locations are premises. */
    public AuCoreLocation<K> building() {
        this.building = true;
        return this;
    }

    @Override
    protected Map<String, SearchParameter> searches() {
        Map<String, SearchParameter> search = placeSearches();
        if (address != null) {
            derive(search, "address-city", address.city(), () -> string(address.city()));
            derive(search, "address-state", address.state(), () -> string(address.state()));
            derive(search, "address-postalcode", address.postcode(), () -> string(address.postcode()));
        }
        derive(search, "organization", managingOrganization, () -> managingOrganization.parameter());
        return search;
    }

    @Override
    protected Location render(Row r) {
        Location l = new Location();
        renderIdentifiers(r).forEach(l::addIdentifier);
        l.setName(text(r, name));
        active(r, isActive -> l.setStatus(isActive ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE));
        if (mode != null) {
            l.setMode(mode);
        }
        renderTelecom(r).forEach(l::addTelecom);
        l.setAddress(renderWorkAddress(r));
        if (building) {
            l.setPhysicalType(new CodeableConcept(new Coding(PHYSICAL_TYPE, "bu", "Building")));
        }
        reference(managingOrganization, r, l::setManagingOrganization);
        return l;
    }
}
