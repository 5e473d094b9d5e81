package org.halocloud.kernel.state;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.pms.PmsDescriptor;

/** One PMS database behind a Halo Link, known by its Halo GUID. */
public record PmsDatabase(UUID haloGuid, UUID linkId, PmsDescriptor pms, String pmsId, String practiceName, String pmsVersion,
                          boolean authoritative, String status, List<Catalogue> catalogues) {

    public record Catalogue(String name, boolean isDefault) {
    }

    public String defaultCatalogue() {
        return catalogues.stream().filter(Catalogue::isDefault).map(Catalogue::name).findFirst()
                .orElse(catalogues.isEmpty() ? null : catalogues.get(0).name());
    }

    /** The catalogue a request names, or the default when it names none; empty when it names an unknown one. */
    public Optional<String> catalogue(String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.ofNullable(defaultCatalogue());
        }
        return catalogues.stream().map(Catalogue::name).filter(n -> n.equalsIgnoreCase(requested.trim())).findFirst();
    }
}
