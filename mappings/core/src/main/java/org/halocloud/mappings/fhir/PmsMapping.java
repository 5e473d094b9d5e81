package org.halocloud.mappings.fhir;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PMS's FHIR mapping: the resources its databases answer, each read through a {@link ResourceMapping}. One per
 * vendor module, found with {@link java.util.ServiceLoader}; adding a PMS is adding a module.
 */
public interface PmsMapping {

    /** The PMS ids this mapping serves, e.g. {@code bp-premier}, or {@code d4w} and {@code d4web}. */
    Set<String> pms();

    /** The zone the PMS records local times in. */
    default ZoneId zone() {
        return ZoneId.of("Australia/Sydney");
    }

    List<ResourceMapping<?, ?>> resources();

    default Optional<ResourceMapping<?, ?>> resource(String name) {
        return resources().stream().filter(r -> r.resourceName().equals(name)).findFirst();
    }
}
