package org.halocloud.mappings.fhir;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.List;
import org.jooq.Condition;

/**
 * One FHIR search parameter of one resource mapping: its FHIR type, and how its values become a jOOQ condition
 * over the vendor's columns — always with bind values, never SQL text built from the request.
 */
public interface SearchParameter {

    RestSearchParameterTypeEnum type();

    /** The modifiers this parameter accepts (e.g. {@code exact}, {@code contains}); others are refused. */
    default List<String> modifiers() {
        return List.of();
    }

    /** The resource types a reference parameter may point to and be chained through. */
    default List<String> targets() {
        return List.of();
    }

    /** What an integrator must know about this parameter beyond its type (shown in /metadata); null when nothing. */
    default String documentation() {
        return null;
    }

    /** This parameter with its /metadata documentation. */
    default SearchParameter documented(String text) {
        SearchParameter self = this;
        return new SearchParameter() {
            @Override
            public RestSearchParameterTypeEnum type() {
                return self.type();
            }

            @Override
            public List<String> modifiers() {
                return self.modifiers();
            }

            @Override
            public List<String> targets() {
                return self.targets();
            }

            @Override
            public String documentation() {
                return text;
            }

            @Override
            public Condition condition(String modifier, List<String> values, SearchContext context) {
                return self.condition(modifier, values, context);
            }
        };
    }

    /**
     * The condition for one occurrence of the parameter: its comma-separated values, any of which may match.
     *
     * @param modifier the modifier after ':' (null when none); for a chain, the chained parameter's name
     * @param values   the raw values, already split on unescaped commas
     * @param context  resolves chained searches through another mapping
     */
    Condition condition(String modifier, List<String> values, SearchContext context);

    /** The body of a parameter: one occurrence's values → a condition (see {@link #condition}). */
    @FunctionalInterface
    interface Body {
        Condition condition(String modifier, List<String> values, SearchContext context);
    }

    /** A parameter made of its type, accepted modifiers, reference targets and body. */
    static SearchParameter of(RestSearchParameterTypeEnum type, List<String> modifiers, List<String> targets, Body body) {
        return new SearchParameter() {
            @Override
            public RestSearchParameterTypeEnum type() {
                return type;
            }

            @Override
            public List<String> modifiers() {
                return modifiers;
            }

            @Override
            public List<String> targets() {
                return targets;
            }

            @Override
            public Condition condition(String modifier, List<String> values, SearchContext context) {
                return body.condition(modifier, values, context);
            }
        };
    }

    /** Lets a reference parameter search through the resource it points to (e.g. {@code patient.identifier}). */
    interface SearchContext {
        Condition chain(String targetType, String chainedParameter, List<String> values, org.jooq.Field<?> foreignKey);
    }
}
