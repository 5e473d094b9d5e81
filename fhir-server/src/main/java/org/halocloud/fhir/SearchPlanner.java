package org.halocloud.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halocloud.mappings.fhir.InvalidSearch;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.SearchParameter;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;
import java.time.ZoneId;

/**
 * Plans a {@link SearchRequest} over a resource mapping of one PMS: each criterion becomes a jOOQ condition through
 * the mapping's parameter (bind values only), refused (400) when the mapping has no such parameter (unless
 * lenient), modifier or reference type; chains go through {@link ChainedSearch}; {@code _include}s become the types
 * to resolve; a computed resource gets its day window; the page position its key condition.
 */
final class SearchPlanner {

    private static final Pattern TYPED_REFERENCE = Pattern.compile("([A-Z][A-Za-z]+)/([^/]+)");

    private final PmsMapping pms;
    private final String defaultCatalogue;
    private final ChainedSearch.KeyLookup keys;
    private final ZoneId zone;

    /**
     * @param zone             the zone the PMS records local times in (its descriptor's), for computed day windows
     * @param defaultCatalogue the site's catalogue for mappings that name none (chains across catalogues look up keys)
     * @param keys             runs a chain's key lookup in another catalogue (while planning, as its keys are bound)
     */
    SearchPlanner(PmsMapping pms, ZoneId zone, String defaultCatalogue, ChainedSearch.KeyLookup keys) {
        this.pms = pms;
        this.zone = zone;
        this.defaultCatalogue = defaultCatalogue;
        this.keys = keys;
    }

    SearchPlan plan(ResourceMapping<?, ?> mapping, SearchRequest request) {
        List<SearchPlan.Included> includes = includes(mapping, request);
        Condition where = criteria(mapping, request);
        Table<?> from = from(mapping, request);
        return new SearchPlan(mapping, from, where, after(mapping, request.state().after()), request.state().count(),
                includes);
    }

    /** A read by id: none when the id cannot be one of the mapping's keys. */
    <K> Optional<SearchPlan> read(ResourceMapping<?, K> mapping, String id) {
        Optional<K> key = mapping.parseKey(id);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        // a computed resource (a slot) is generated for the one day its id names
        Table<?> from = mapping.windowed() ? mapping.from(mapping.windowOf(id).orElseThrow()) : mapping.from();
        return Optional.of(new SearchPlan(mapping, from, mapping.key().eq(key.get()), DSL.noCondition(), 1, List.of()));
    }

    /** Each {@code _include} the mapping declares (others are refused), as the types its parameter refers to. */
    private List<SearchPlan.Included> includes(ResourceMapping<?, ?> mapping, SearchRequest request) {
        List<SearchPlan.Included> included = new ArrayList<>();
        for (Include include : request.includes()) {
            String value = include.getValue();
            String declared = value.split(":").length == 3 ? value.substring(0, value.lastIndexOf(':')) : value;
            if (!mapping.includes().contains(declared)) {
                throw new InvalidRequestException("_include=" + value + " is not supported; supported: " + mapping.includes());
            }
            if (mapping.containedIncludes().contains(declared)) {
                continue; // a contained target is already in each resource
            }
            SearchParameter param = mapping.search().get(declared.substring(declared.indexOf(':') + 1));
            for (String type : param.targets()) {
                pms.resource(type).filter(t -> !t.windowed()) // nothing includes a computed resource
                        .ifPresent(target -> included.add(new SearchPlan.Included(type, target)));
            }
        }
        if (request.revinclude()) {
            throw new InvalidRequestException("_revinclude is not supported here.");
        }
        return included;
    }

    private Condition criteria(ResourceMapping<?, ?> mapping, SearchRequest request) {
        ChainedSearch chains = new ChainedSearch(pms, defaultCatalogue, mapping, keys);
        List<Condition> all = new ArrayList<>();
        for (SearchRequest.Criterion criterion : request.criteria()) {
            String name = criterion.name();
            SearchParameter param = mapping.search().get(name);
            if (param == null) {
                if (request.lenient()) {
                    continue;
                }
                throw new InvalidRequestException("Unknown search parameter '" + name + "' for " + mapping.resourceName()
                        + ". Supported: " + mapping.search().keySet() + " (or send Prefer: handling=lenient).");
            }
            SearchRequest.Qualifier q = criterion.qualifier(!param.targets().isEmpty());
            if (q.type() != null && !param.targets().contains(q.type())) {
                throw new InvalidRequestException("'" + name + "' cannot refer to a " + q.type() + "; it refers to "
                        + param.targets() + ".");
            }
            if (q.modifier() != null && !param.modifiers().contains(q.modifier())) {
                throw new InvalidRequestException("Modifier ':" + q.modifier() + "' is not supported on '" + name + "'"
                        + (param.targets().isEmpty() ? "." : " (it refers to " + param.targets() + ")."));
            }
            if (q.chain() != null && param.targets().isEmpty()) {
                throw new InvalidRequestException("'" + name + "' is not a reference: it cannot be chained.");
            }
            if (criterion.values().isEmpty()) {
                continue; // an empty parameter is ignored, as FHIR asks
            }
            try {
                if (q.chain() != null) {
                    all.add(param.condition(q.chain(), criterion.values(), q.type() == null ? chains : chains.only(q.type())));
                } else {
                    List<String> values = param.targets().isEmpty() ? criterion.values()
                            : typedReferences(name, param, q.type(), criterion.values());
                    all.add(param.condition(q.modifier(), values, chains));
                }
            } catch (InvalidSearch e) {
                throw new InvalidRequestException("Parameter '" + name + "': " + e.getMessage());
            }
        }
        return DSL.and(all);
    }

    /**
     * Reference values with their type made explicit: {@code :Type} turns {@code 123} into {@code Type/123}; a
     * {@code Type/123} value must name a type the parameter can refer to (else 400, not an empty result), and
     * agree with a {@code :Type} modifier. Absolute URLs and other forms are passed on (they match nothing).
     */
    static List<String> typedReferences(String name, SearchParameter param, String type, List<String> values) {
        List<String> typed = new ArrayList<>();
        for (String v : values) {
            Matcher m = TYPED_REFERENCE.matcher(v);
            if (m.matches()) {
                if (!param.targets().contains(m.group(1))) {
                    throw new InvalidRequestException("'" + name + "' cannot refer to a " + m.group(1) + "; it refers to "
                            + param.targets() + ".");
                }
                if (type != null && !type.equals(m.group(1))) {
                    throw new InvalidRequestException("'" + name + ":" + type + "' cannot match " + v + ".");
                }
                typed.add(v);
            } else {
                typed.add(type != null && v.indexOf('/') < 0 ? type + "/" + v : v);
            }
        }
        return typed;
    }

    /** The rows' table; a computed resource's for the days its search bounds (else 400). */
    private Table<?> from(ResourceMapping<?, ?> mapping, SearchRequest request) {
        if (!mapping.windowed()) {
            return mapping.from();
        }
        try {
            return mapping.from(mapping.window(request::valuesOf, zone));
        } catch (InvalidSearch e) {
            throw new InvalidRequestException(mapping.resourceName() + " search " + e.getMessage());
        }
    }

    private static <K> Condition after(ResourceMapping<?, K> mapping, String after) {
        if (after == null) {
            return DSL.noCondition();
        }
        K key = mapping.parseKey(after).orElseThrow(() -> new InvalidRequestException("Invalid paging position."));
        return mapping.key().gt(key);
    }
}
