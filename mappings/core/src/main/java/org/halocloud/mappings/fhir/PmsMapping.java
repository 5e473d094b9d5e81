package org.halocloud.mappings.fhir;

import java.util.List;
import java.util.Optional;

/**
 * A PMS's FHIR mapping: the resources its databases answer, each read through a {@link ResourceMapping}. A facet of
 * the vendor module's {@link org.halocloud.pms.PmsDescriptor}: the FHIR server asks each PMS for it.
 */
public interface PmsMapping {

    List<ResourceMapping<?, ?>> resources();

    default Optional<ResourceMapping<?, ?>> resource(String name) {
        return resources().stream().filter(r -> r.resourceName().equals(name)).findFirst();
    }
}
