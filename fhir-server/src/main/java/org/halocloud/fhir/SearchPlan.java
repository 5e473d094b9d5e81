package org.halocloud.fhir;

import ca.uhn.fhir.util.FhirTerser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What one page of a search (or a read) runs, ready for the {@link SearchExecutor}: the mapping, the rows' table
 * (for a computed resource, generated for the searched days), the criteria, the page position and size, and the
 * resource types the page's references are resolved to for its {@code _include}s. Conditions carry bind values only.
 *
 * @param after    the rows after the last key already sent (no condition on the first page)
 * @param count    the page size; one row more is read to know whether there is a next page
 * @param includes in the order asked, each include's targets in the parameter's order
 */
record SearchPlan(ResourceMapping<?, ?> mapping, Table<?> from, Condition where, Condition after, int count,
                  List<Included> includes) {

    private static final FhirTerser TERSER = ca.uhn.fhir.context.FhirContext.forR4Cached().newTerser();

    /** A type an include resolves the page's references to, read through its own mapping (never a computed one). */
    record Included(String type, ResourceMapping<?, ?> mapping) {

        /** The plan reading the resources of this type the page refers to; none when it refers to none. */
        Optional<SearchPlan> of(List<Resource> page) {
            Set<String> ids = idsIn(page);
            return ids.isEmpty() ? Optional.empty() : byIds(mapping, ids);
        }

        private static <K> Optional<SearchPlan> byIds(ResourceMapping<?, K> target, Set<String> ids) {
            List<K> keys = ids.stream().map(target::parseKey).flatMap(Optional::stream).toList();
            if (keys.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SearchPlan(target, target.from(), target.key().in(keys), DSL.noCondition(),
                    keys.size(), List.of()));
        }

        /** The ids of this type that the resources refer to, in order of appearance. */
        Set<String> idsIn(List<Resource> resources) {
            Set<String> ids = new LinkedHashSet<>();
            for (Resource r : resources) {
                for (Reference ref : TERSER.getAllPopulatedChildElementsOfType(r, Reference.class)) {
                    if (type.equals(ref.getReferenceElement().getResourceType())
                            && ref.getReferenceElement().getIdPart() != null) {
                        ids.add(ref.getReferenceElement().getIdPart());
                    }
                }
            }
            return ids;
        }
    }
}
