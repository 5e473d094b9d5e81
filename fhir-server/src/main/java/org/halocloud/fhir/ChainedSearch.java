package org.halocloud.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.SearchParameter;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A chain ({@code patient.identifier=…}) through the target's own mapping: a sub-select of the target's keys when
 * both live in one catalogue, else the target's keys looked up first in its catalogue (as Zedmed's pair needs) and
 * bound.
 */
final class ChainedSearch implements SearchParameter.SearchContext {

    /** The keys of a chain's target rows that match, read from the target's own catalogue. */
    @FunctionalInterface
    interface KeyLookup {
        List<Object> keys(ResourceMapping<?, ?> target, Condition condition);
    }

    private final PmsMapping pms;
    private final String defaultCatalogue;
    private final ResourceMapping<?, ?> from;
    private final KeyLookup lookup;

    /**
     * @param from             the mapping whose reference is chained
     * @param defaultCatalogue the site's catalogue for mappings that name none
     */
    ChainedSearch(PmsMapping pms, String defaultCatalogue, ResourceMapping<?, ?> from, KeyLookup lookup) {
        this.pms = pms;
        this.defaultCatalogue = defaultCatalogue;
        this.from = from;
        this.lookup = lookup;
    }

    @Override
    public Condition chain(String targetType, String chained, List<String> values, Field<?> foreignKey) {
        ResourceMapping<?, ?> target = pms.resource(targetType).filter(t -> !t.windowed()).orElseThrow(() ->
                new InvalidRequestException("Chained search through " + targetType + " is not supported here."));
        SearchParameter param = target.search().get(chained);
        if (param == null) {
            throw new InvalidRequestException("Unknown chained parameter " + targetType + "." + chained + ".");
        }
        Condition condition = param.condition(null, values, null);
        if (Objects.equals(catalogue(from), catalogue(target))) {
            return foreignKey(foreignKey).in(DSL.select(target.key()).from(target.from()).where(target.where())
                    .and(condition));
        }
        List<Object> keys = lookup.keys(target, condition);
        if (keys.isEmpty()) {
            return Params.NEVER;
        }
        Field<Object> fk = foreignKey(foreignKey);
        return fk.in(keys.stream().map(k -> fk.getDataType().convert(k)).toList());
    }

    /** This chain through one type only (a typed chain, {@code actor:Practitioner.identifier=…}). */
    SearchParameter.SearchContext only(String type) {
        return (targetType, chained, values, foreignKey) -> {
            if (!targetType.equals(type)) {
                throw new InvalidRequestException("not " + type);
            }
            return chain(targetType, chained, values, foreignKey);
        };
    }

    private String catalogue(ResourceMapping<?, ?> mapping) {
        return mapping.catalogue() == null ? defaultCatalogue : mapping.catalogue();
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> foreignKey(Field<?> field) {
        return (Field<Object>) field;
    }
}
