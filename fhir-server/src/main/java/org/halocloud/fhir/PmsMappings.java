package org.halocloud.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.springframework.stereotype.Component;

/** Every vendor's FHIR mapping on the class path, by PMS id. */
@Component
public class PmsMappings {

    private final Map<String, PmsMapping> byPms;

    public PmsMappings() {
        List<PmsMapping> all = ServiceLoader.load(PmsMapping.class).stream().map(ServiceLoader.Provider::get).toList();
        this.byPms = all.stream().flatMap(m -> m.pms().stream().map(p -> Map.entry(p, m)))
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
