package org.halocloud.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.halocloud.mappings.fhir.InvalidSearch;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.pipeline.Incident;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.hl7.fhir.r4.model.Resource;
import org.halocloud.mappings.fhir.Params;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Turns a FHIR read or search into one SQL query through the vendor's mapping, and runs it down the same
 * pipeline as SQL passthrough — as the integrator's database user, on the site's Link. Pages by key (the next page
 * starts after the last key sent), so no page re-scans the ones before it.
 */
@Component
public class FhirSearches {

    /** Parameters HAPI or this engine handles itself, not search criteria. */
    static final Set<String> CONTROL = Set.of("_count", "_format", "_pretty", "_summary", "_elements", "_include",
            "_revinclude", "_sort", "_total", "_getpages", "_pageId", "_bundletype");

    /**
     * jOOQ renders standard SQL:2008 paging ({@code offset 0 rows fetch next n rows only}), which SQL Server, H2
     * and Firebird all accept; parameters are numbered ({@code @1}) and bound by the Link, never inlined.
     */
    private static final DSLContext SQL = DSL.using(SQLDialect.H2, new Settings()
            .withRenderNamedParamPrefix("@").withParamType(ParamType.NAMED).withParamCastMode(ParamCastMode.NEVER)
            .withRenderQuotedNames(RenderQuotedNames.NEVER));

    private static final Duration MAX_TIME_IN_QUEUE = Duration.ofSeconds(30);
    private static final int MAX_CHAINED_KEYS = 1000;
    private static final ca.uhn.fhir.util.FhirTerser TERSER = ca.uhn.fhir.context.FhirContext.forR4Cached().newTerser();

    private final QueryPipeline pipeline;

    public FhirSearches(QueryPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** One page of a search: the resources, and the key to continue after when there are more. */
    public record Page(List<Resource> resources, String nextAfter) {
    }

    public Optional<Resource> read(SiteRequest site, ResourceMapping<?, ?> mapping, String id) {
        return readKey(site, mapping, id);
    }

    private <K> Optional<Resource> readKey(SiteRequest site, ResourceMapping<?, K> mapping, String id) {
        Optional<K> key = mapping.parseKey(id);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        // a computed resource (a slot) is generated for the one day its id names
        Table<?> from = mapping.windowed() ? mapping.from(mapping.windowOf(id).orElseThrow()) : mapping.from();
        Page page = run(site, mapping, from, mapping.key().eq(key.get()), null, 1);
        return page.resources().stream().findFirst();
    }

    /**
     * @param lenient ignore unknown parameters (Prefer: handling=lenient) instead of refusing them
     */
    public Page search(SiteRequest site, ResourceMapping<?, ?> mapping, SearchState state, boolean lenient) {
        List<String> includes = includes(mapping, state.parameters());
        Condition where = criteria(site, mapping, state.parameters(), lenient);
        Table<?> from;
        try {
            from = mapping.windowed() ? mapping.from(mapping.window(state.parameters(), site.mapping().zone())) : mapping.from();
        } catch (InvalidSearch e) {
            throw new InvalidRequestException(mapping.resourceName() + " search " + e.getMessage());
        }
        Page page = run(site, mapping, from, where, state.after(), state.count());
        if (includes.isEmpty() || page.resources().isEmpty()) {
            return page;
        }
        List<Resource> withIncludes = new ArrayList<>(page.resources());
        withIncludes.addAll(included(site, mapping, includes, page.resources()));
        return new Page(withIncludes, page.nextAfter());
    }

    /** The {@code _include} values of a search, each one the mapping declares (others are refused). */
    private static List<String> includes(ResourceMapping<?, ?> mapping, List<List<String>> parameters) {
        List<String> includes = new ArrayList<>();
        for (List<String> p : parameters) {
            if (p.get(0).equals("_include") || p.get(0).equals("_include:iterate")) {
                String value = p.get(1);
                String declared = value.split(":").length == 3 ? value.substring(0, value.lastIndexOf(':')) : value;
                if (!mapping.includes().contains(declared)) {
                    throw new InvalidRequestException("_include=" + value + " is not supported; supported: " + mapping.includes());
                }
                if (!mapping.containedIncludes().contains(declared)) {
                    includes.add(declared); // a contained target is already in each resource
                }
            }
        }
        if (parameters.stream().anyMatch(p -> p.get(0).startsWith("_revinclude"))) {
            throw new InvalidRequestException("_revinclude is not supported here.");
        }
        return includes;
    }

    /** The resources the page references through the included parameters, read in one query per target type. */
    private List<Resource> included(SiteRequest site, ResourceMapping<?, ?> mapping, List<String> includes, List<Resource> page) {
        List<Resource> out = new ArrayList<>();
        for (String include : includes) {
            SearchParameter param = mapping.search().get(include.substring(include.indexOf(':') + 1));
            for (String targetType : param.targets()) {
                ResourceMapping<?, ?> target = site.mapping().resource(targetType).orElse(null);
                if (target == null) {
                    continue;
                }
                java.util.Set<String> ids = new java.util.LinkedHashSet<>();
                for (Resource r : page) {
                    for (org.hl7.fhir.r4.model.Reference ref : TERSER.getAllPopulatedChildElementsOfType(r, org.hl7.fhir.r4.model.Reference.class)) {
                        if (targetType.equals(ref.getReferenceElement().getResourceType()) && ref.getReferenceElement().getIdPart() != null) {
                            ids.add(ref.getReferenceElement().getIdPart());
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    out.addAll(byIds(site, target, ids));
                }
            }
        }
        out.forEach(r -> ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r,
                ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE));
        return out;
    }

    private <K> List<Resource> byIds(SiteRequest site, ResourceMapping<?, K> target, java.util.Set<String> ids) {
        List<K> keys = ids.stream().map(target::parseKey).flatMap(Optional::stream).toList();
        if (keys.isEmpty() || target.windowed()) {
            return List.of(); // nothing includes a computed resource
        }
        return run(site, target, target.from(), target.key().in(keys), null, keys.size()).resources();
    }

    private Condition criteria(SiteRequest site, ResourceMapping<?, ?> mapping, List<List<String>> parameters,
                               boolean lenient) {
        PmsMapping pms = site.mapping();
        List<Condition> all = new ArrayList<>();
        SearchParameter.SearchContext chains = (targetType, chained, values, foreignKey) -> {
            ResourceMapping<?, ?> target = pms.resource(targetType).filter(t -> !t.windowed()).orElseThrow(() ->
                    new InvalidRequestException("Chained search through " + targetType + " is not supported here."));
            SearchParameter param = target.search().get(chained);
            if (param == null) {
                throw new InvalidRequestException("Unknown chained parameter " + targetType + "." + chained + ".");
            }
            Condition targetCondition = param.condition(null, values, null);
            if (sameCatalogue(site, mapping, target)) {
                return in(foreignKey, target, targetCondition);
            }
            // the target lives in another of the practice's databases: find its keys there first, then bind them
            return foreignKeyIn(foreignKey, keys(site, target, targetCondition));
        };
        for (List<String> occurrence : parameters) {
            String name = occurrence.get(0);
            String value = occurrence.get(1);
            if (CONTROL.contains(name)) {
                continue;
            }
            String base = name;
            String modifier = null;
            int colon = name.indexOf(':');
            int dot = name.indexOf('.');
            if (dot > 0 && (colon < 0 || dot < colon)) {
                base = name.substring(0, dot);
                modifier = name.substring(dot + 1);
            } else if (colon > 0) {
                base = name.substring(0, colon);
                modifier = name.substring(colon + 1);
            }
            SearchParameter param = mapping.search().get(base);
            if (param == null) {
                if (lenient) {
                    continue;
                }
                throw new InvalidRequestException("Unknown search parameter '" + base + "' for " + mapping.resourceName()
                        + ". Supported: " + mapping.search().keySet() + " (or send Prefer: handling=lenient).");
            }
            boolean chain = dot > 0 && (colon < 0 || dot < colon);
            // a typed chain (actor:Practitioner.identifier=…): the type modifier, then the chain through that type only
            String type = null;
            if (!chain && modifier != null && !param.targets().isEmpty() && modifier.indexOf('.') > 0) {
                type = modifier.substring(0, modifier.indexOf('.'));
                modifier = modifier.substring(modifier.indexOf('.') + 1);
                chain = true;
            } else if (!chain && modifier != null && !param.targets().isEmpty() && modifier.matches("[A-Z][A-Za-z]+")) {
                type = modifier;
                modifier = null;
            }
            if (type != null && !param.targets().contains(type)) {
                throw new InvalidRequestException("'" + base + "' cannot refer to a " + type + "; it refers to "
                        + param.targets() + ".");
            }
            if (modifier != null && !chain && !param.modifiers().contains(modifier)) {
                throw new InvalidRequestException("Modifier ':" + modifier + "' is not supported on '" + base + "'"
                        + (param.targets().isEmpty() ? "." : " (it refers to " + param.targets() + ")."));
            }
            if (chain && param.targets().isEmpty()) {
                throw new InvalidRequestException("'" + base + "' is not a reference: it cannot be chained.");
            }
            if (value == null || value.isEmpty()) {
                continue; // an empty parameter is ignored, as FHIR asks
            }
            try {
                List<String> values = splitOr(value);
                if (!param.targets().isEmpty() && !chain) {
                    values = typedReferences(base, param, type, values);
                }
                SearchParameter.SearchContext context = chains;
                if (chain && type != null) {
                    String only = type;
                    context = (targetType, chained, vs, foreignKey) -> {
                        if (!targetType.equals(only)) {
                            throw new InvalidRequestException("not " + only);
                        }
                        return chains.chain(targetType, chained, vs, foreignKey);
                    };
                }
                all.add(param.condition(modifier, values, context));
            } catch (InvalidSearch e) {
                throw new InvalidRequestException("Parameter '" + base + "': " + e.getMessage());
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
            java.util.regex.Matcher m = TYPED_REFERENCE.matcher(v);
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

    private static final java.util.regex.Pattern TYPED_REFERENCE = java.util.regex.Pattern.compile("([A-Z][A-Za-z]+)/([^/]+)");

    private static boolean sameCatalogue(SiteRequest site, ResourceMapping<?, ?> a, ResourceMapping<?, ?> b) {
        String fallback = site.admission().database().defaultCatalogue();
        String ca = a.catalogue() == null ? fallback : a.catalogue();
        String cb = b.catalogue() == null ? fallback : b.catalogue();
        return java.util.Objects.equals(ca, cb);
    }

    /** The keys of the target's rows that match, fetched from the target's own catalogue (bounded). */
    private <K> List<Object> keys(SiteRequest site, ResourceMapping<?, K> target, Condition condition) {
        Query query = SQL.select(target.key()).from(target.from()).where(target.where()).and(condition)
                .orderBy(target.key()).offset(0).limit(MAX_CHAINED_KEYS + 1);
        List<Object> keys = new ArrayList<>();
        RowSink sink = new RowSink() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                keys.add(values[0]);
            }
        };
        execute(site, target.catalogue(), query, sink);
        if (keys.size() > MAX_CHAINED_KEYS) {
            throw new InvalidRequestException("The chained search matches too many " + target.resourceName()
                    + " resources; narrow it (e.g. a full identifier).");
        }
        return keys;
    }

    private static Condition foreignKeyIn(Field<?> foreignKey, List<Object> keys) {
        if (keys.isEmpty()) {
            return Params.NEVER;
        }
        @SuppressWarnings("unchecked")
        Field<Object> fk = (Field<Object>) foreignKey;
        return fk.in(keys.stream().map(k -> fk.getDataType().convert(k)).toList());
    }

    private static <K> Condition in(Field<?> foreignKey, ResourceMapping<?, K> target, Condition condition) {
        @SuppressWarnings("unchecked")
        Field<Object> fk = (Field<Object>) foreignKey;
        return fk.in(DSL.select(target.key()).from(target.from()).where(target.where()).and(condition));
    }

    /** FHIR's OR: values separated by commas, a backslash escaping a literal comma. */
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

    private <K> Page run(SiteRequest site, ResourceMapping<?, K> mapping, Table<?> from, Condition where, String after,
                         int count) {
        Condition page = DSL.noCondition();
        if (after != null) {
            K key = mapping.parseKey(after).orElseThrow(() -> new InvalidRequestException("Invalid paging position."));
            page = mapping.key().gt(key);
        }
        Query query = SQL.select(mapping.columns()).from(from).where(mapping.where()).and(where).and(page)
                .orderBy(mapping.key()).offset(0).limit(count + 1);
        Collector collector = new Collector(mapping, count);
        execute(site, mapping.catalogue(), query, collector);
        String nextAfter = collector.more ? collector.lastKey : null;
        return new Page(collector.resources, nextAfter);
    }

    /** Sends one rendered query down the shared pipeline: as the integrator's database user, on the site's Link. */
    private void execute(SiteRequest site, String catalogue, Query query, RowSink sink) {
        QueryCommand command = new QueryCommand(query.getSQL(ParamType.NAMED), QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, parameters(query));
        try {
            pipeline.run(site.admission(), "fhir", catalogue, command, MAX_TIME_IN_QUEUE, 0, sink);
        } catch (LinkFailure e) {
            throw failure(e);
        } catch (Refusal e) {
            throw new UnclassifiedServerFailureException(e.status(), e.getMessage());
        } catch (BaseServerResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            // HAPI would quote the exception's message, which may hold SQL or values: an incident instead
            throw OperationOutcomes.failure(QueryFailure.INTERNAL, Incident.of("a FHIR query", e).message());
        }
    }

    /** The bind values in rendered order: jOOQ numbers its placeholders @1, @2, … the same way. */
    private static List<QueryParameter> parameters(Query query) {
        List<QueryParameter> result = new ArrayList<>();
        List<Object> values = query.getBindValues();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            result.add(new QueryParameter(Integer.toString(i + 1), QueryParameter.Direction.INPUT, sqlDbType(value),
                    value == null ? null : value instanceof Number || value instanceof Boolean ? value : value.toString(),
                    null));
        }
        return result;
    }

    private static String sqlDbType(Object value) {
        if (value instanceof Integer || value instanceof Short) {
            return "Int";
        }
        if (value instanceof Long) {
            return "BigInt";
        }
        if (value instanceof java.math.BigDecimal) {
            return "Decimal";
        }
        if (value instanceof Boolean) {
            return "Bit";
        }
        if (value instanceof java.time.LocalDateTime || value instanceof java.sql.Timestamp) {
            return "DateTime";
        }
        if (value instanceof java.time.LocalDate) {
            return "Date";
        }
        return "NVarChar";
    }

    static BaseServerResponseException failure(LinkFailure e) {
        QueryFailure failure = QueryFailure.of(e.kind());
        // the database's own message may quote values: the integrator gets its code, not its text
        return OperationOutcomes.failure(failure, failure != QueryFailure.DATABASE ? e.getMessage()
                : "The practice database could not answer this request (database error " + e.errorCode()
                        + "); check your database grants with the PMS vendor.");
    }

    /** Maps rows to resources as they stream in; reads one row past the page to know whether there is more. */
    private static final class Collector implements RowSink {
        private final ResourceMapping<?, ?> mapping;
        private final int count;
        private final List<Resource> resources = new ArrayList<>();
        private Map<String, Integer> index = Map.of();
        private String lastKey;
        private boolean more;

        Collector(ResourceMapping<?, ?> mapping, int count) {
            this.mapping = mapping;
            this.count = count;
        }

        @Override
        public void columns(List<String> names) {
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.putIfAbsent(names.get(i).toUpperCase(), i);
            }
            this.index = map;
        }

        @Override
        public void row(Object[] values) {
            if (resources.size() == count) {
                more = true;
                return;
            }
            Row row = new Row(index, values);
            try {
                resources.add(mapping.map(row));
            } catch (RuntimeException e) {
                throw new InternalErrorException("A " + mapping.resourceName() + " row could not be mapped ("
                        + e.getClass().getSimpleName() + ").");
            }
            lastKey = row.text(mapping.key());
        }
    }
}
