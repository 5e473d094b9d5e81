package org.halocloud.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search as the request asked it, parsed once: each criterion (name, qualifier and ORed values, on HAPI's
 * {@link QualifiedParamList}), the {@code _include}s (HAPI's {@link Include}), whether {@code _revinclude} was asked,
 * the page (size and position, in {@link SearchState}, which the {@code next} link carries) and whether unknown
 * parameters are ignored ({@code Prefer: handling=lenient}). Grammar only: what a criterion means is the
 * {@link SearchPlanner}'s business, since it depends on the mapping's parameter.
 */
record SearchRequest(SearchState state, List<Criterion> criteria, List<Include> includes, boolean revinclude,
                     boolean lenient) {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;

    /** Parameters HAPI or the search handles itself, not criteria. */
    static final Set<String> CONTROL = Set.of("_count", "_format", "_pretty", "_summary", "_elements", "_include",
            "_revinclude", "_sort", "_total", "_getpages", "_pageId", "_bundletype");

    /**
     * One occurrence of a search parameter: its name without qualifier, and its values split on unescaped commas
     * (none when the value is empty, which FHIR ignores) under the qualifier that followed the name — {@code :exact},
     * {@code :Practitioner}, {@code :Practitioner.identifier} or {@code .identifier}; null when none.
     */
    record Criterion(String name, QualifiedParamList values) {

        /** The name's qualifier as a parameter of the given kind reads it (only a reference has types and chains). */
        Qualifier qualifier(boolean reference) {
            String q = values.getQualifier();
            if (q == null) {
                return new Qualifier(null, null, null);
            }
            String rest = q.substring(1);
            if (q.charAt(0) == '.') {
                return new Qualifier(null, null, rest);
            }
            int dot = rest.indexOf('.');
            if (reference && dot > 0) {
                return new Qualifier(rest.substring(0, dot), null, rest.substring(dot + 1));
            }
            if (reference && rest.matches("[A-Z][A-Za-z]+")) {
                return new Qualifier(rest, null, null);
            }
            return new Qualifier(null, rest, null);
        }
    }

    /**
     * @param type     a {@code :Type} the reference must point to (null when any of its targets)
     * @param modifier a modifier such as {@code exact} (null when none)
     * @param chain    the target's parameter searched through the reference (null when not chained)
     */
    record Qualifier(String type, String modifier, String chain) {
    }

    /** The first page, from the HTTP parameters (name → values, in request order) and the Prefer header. */
    static SearchRequest first(String type, Map<String, String[]> parameters, String prefer) {
        List<List<String>> occurrences = new ArrayList<>();
        parameters.forEach((name, values) -> {
            for (String value : values) {
                occurrences.add(List.of(name, value));
            }
        });
        int count = count(parameters.get(Constants.PARAM_COUNT));
        boolean lenient = prefer != null && prefer.replace(" ", "").toLowerCase().contains("handling=lenient");
        return parse(new SearchState(type, occurrences, count, null, 1), lenient);
    }

    /** A later page, from its opened {@code next} link: the search as the first page ran it, which was accepted. */
    static SearchRequest continued(SearchState state) {
        return parse(state, true);
    }

    private static SearchRequest parse(SearchState state, boolean lenient) {
        List<Criterion> criteria = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        boolean revinclude = false;
        for (List<String> occurrence : state.parameters()) {
            String name = occurrence.get(0);
            String value = occurrence.get(1);
            if (name.equals("_include") || name.equals("_include:iterate")) {
                includes.add(new Include(value, name.endsWith(":iterate")));
            }
            revinclude |= name.startsWith("_revinclude");
            if (!CONTROL.contains(name)) {
                criteria.add(criterion(name, value));
            }
        }
        return new SearchRequest(state, List.copyOf(criteria), List.copyOf(includes), revinclude, lenient);
    }

    /** {@code name[.chain]} or {@code name[:qualifier]}: the name ends at the first '.' or ':' (not at its start). */
    private static Criterion criterion(String name, String value) {
        int colon = name.indexOf(':');
        int dot = name.indexOf('.');
        int end = dot > 0 && (colon < 0 || dot < colon) ? dot : colon > 0 ? colon : -1;
        QualifiedParamList values = new QualifiedParamList();
        if (end > 0) {
            values.setQualifier(name.substring(end));
        }
        if (value != null && !value.isEmpty()) {
            values.addAll(splitOr(value));
        }
        return new Criterion(end > 0 ? name.substring(0, end) : name, values);
    }

    /** FHIR's OR: values separated by commas, a backslash escaping a literal comma (or backslash). */
    static List<String> splitOr(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == ',' || value.charAt(i + 1) == '\\')) {
                current.append(value.charAt(++i));
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** {@code _count} (its first occurrence): 20 when absent or blank, at most 100; below 1 or not a number is a 400. */
    private static int count(String[] values) {
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            int n = Integer.parseInt(values[0].trim());
            if (n < 1) {
                throw new InvalidRequestException("_count must be at least 1.");
            }
            return Math.min(n, MAX_COUNT);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("_count must be a whole number.");
        }
    }

    /**
     * The ORed values of each occurrence of a parameter given without qualifier and with a value: what bounds the
     * days a computed resource is generated for.
     */
    List<List<String>> valuesOf(String name) {
        return criteria.stream().filter(c -> c.name().equals(name) && c.values().getQualifier() == null
                && !c.values().isEmpty()).map(c -> (List<String>) c.values()).toList();
    }
}
