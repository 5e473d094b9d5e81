package org.halocloud.mappings.au;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.DomainResource;
import org.jooq.Field;

/**
 * A template of a place of care (Organization, Location): the shared elements, the name, and a work address
 * (optionally typed) searched by {@code address}.
 */
public abstract class AuCorePlace<R extends DomainResource, K, T extends AuCorePlace<R, K, T>>
        extends AuCoreTemplate<R, K, T> {

    protected Field<String> name;
    private Address.AddressType addressType;

    AuCorePlace(Class<R> type, String profile, Field<K> key, Function<String, Optional<K>> parseKey) {
        super(type, profile, key, parseKey);
    }

    /** {@code name} ← column; searched by {@code name}. */
    public T name(Field<String> column) {
        this.name = column;
        declare(MappedElement.of(resourceName() + ".name", column));
        return self();
    }

    /** The {@code type} of the address (e.g. physical); none unless declared. */
    public T addressType(Address.AddressType type) {
        this.addressType = type;
        return self();
    }

    /** {@code identifier}, {@code name} and {@code address} (any part of it), those declared. */
    protected final Map<String, SearchParameter> placeSearches() {
        Map<String, SearchParameter> search = new java.util.LinkedHashMap<>();
        derive(search, "identifier", identifiers, this::identifierParameter);
        derive(search, "name", name, () -> string(name));
        derive(search, "address", address, () -> string(address.all().stream().map(AuCorePlace::text).toList()));
        return search;
    }

    @SuppressWarnings("unchecked")
    private static Field<String> text(Field<?> column) {
        return (Field<String>) column;
    }

    /** The row's work address (with its declared type); null when it holds none. */
    protected final Address renderWorkAddress(Row r) {
        Address a = renderAddress(r, Address.AddressUse.WORK);
        if (a != null && addressType != null) {
            a.setType(addressType);
        }
        return a;
    }
}
