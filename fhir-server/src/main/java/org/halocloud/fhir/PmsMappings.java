package org.halocloud.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.pms.Pmss;
import org.springframework.stereotype.Component;

/** Every PMS's FHIR mapping (the facet its descriptor offers), by PMS id. */
@Component
public class PmsMappings {

    private final Map<String, PmsMapping> byPms;

    public PmsMappings() {
        this.byPms = Pmss.all().stream()
                .flatMap(p -> p.facet(PmsMapping.class).map(m -> Map.entry(p.id(), m)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<PmsMapping> forPms(String pms) {
        return Optional.ofNullable(byPms.get(pms));
    }

    /** The resource types any PMS serves: the server registers one provider for each. */
    public Set<String> resourceTypes() {
        return byPms.values().stream().flatMap(m -> m.resources().stream()).map(ResourceMapping::resourceName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Map<String, Class<?>> resourceClasses() {
        return byPms.values().stream().flatMap(m -> m.resources().stream())
                .collect(Collectors.toMap(ResourceMapping::resourceName, r -> (Class<?>) r.type(), (a, b) -> a));
    }

}
