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
import org.halocloud.passthrough.frontdoor.Refusal;
import org.halocloud.passthrough.link.LinkFailure;
import org.halocloud.passthrough.link.QueryCommand;
import org.halocloud.passthrough.link.QueryParameter;
import org.halocloud.passthrough.link.RowSink;
import org.halocloud.passthrough.query.QueryPipeline;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
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
        Page page = run(site, mapping, mapping.key().eq(key.get()), null, 1);
        return page.resources().stream().findFirst();
    }

    /**
     * @param lenient ignore unknown parameters (Prefer: handling=lenient) instead of refusing them
     */
    public Page search(SiteRequest site, ResourceMapping<?, ?> mapping, SearchState state, boolean lenient) {
        Condition where = criteria(site.mapping(), mapping, state.parameters(), lenient);
        return run(site, mapping, where, state.after(), state.count());
    }

    private Condition criteria(PmsMapping pms, ResourceMapping<?, ?> mapping, List<List<String>> parameters,
                               boolean lenient) {
        List<Condition> all = new ArrayList<>();
        SearchParameter.SearchContext chains = (targetType, chained, values, foreignKey) -> {
            ResourceMapping<?, ?> target = pms.resource(targetType).orElseThrow(() ->
                    new InvalidRequestException("Chained search through " + targetType + " is not supported here."));
            SearchParameter param = target.search().get(chained);
            if (param == null) {
                throw new InvalidRequestException("Unknown chained parameter " + targetType + "." + chained + ".");
            }
            return in(foreignKey, target, param.condition(null, values, null));
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
            if (modifier != null && !chain && !param.modifiers().contains(modifier) && !param.targets().contains(modifier)) {
                throw new InvalidRequestException("Modifier ':" + modifier + "' is not supported on '" + base + "'.");
            }
            if (chain && param.targets().isEmpty()) {
                throw new InvalidRequestException("'" + base + "' is not a reference: it cannot be chained.");
            }
            if (value == null || value.isEmpty()) {
                continue; // an empty parameter is ignored, as FHIR asks
            }
            try {
                boolean typeModifier = modifier != null && param.targets().contains(modifier);
                all.add(param.condition(typeModifier ? null : modifier, splitOr(value), chains));
            } catch (InvalidSearch e) {
                throw new InvalidRequestException("Parameter '" + base + "': " + e.getMessage());
            }
        }
        return DSL.and(all);
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

    private <K> Page run(SiteRequest site, ResourceMapping<?, K> mapping, Condition where, String after, int count) {
        Condition page = DSL.noCondition();
        if (after != null) {
            K key = mapping.parseKey(after).orElseThrow(() -> new InvalidRequestException("Invalid paging position."));
            page = mapping.key().gt(key);
        }
        Query query = SQL.select(mapping.columns()).from(mapping.from()).where(mapping.where()).and(where).and(page)
                .orderBy(mapping.key()).offset(0).limit(count + 1);
        QueryCommand command = new QueryCommand(query.getSQL(ParamType.NAMED), QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, parameters(query));
        Collector collector = new Collector(mapping, count);
        try {
            pipeline.run(site.admission(), "fhir", mapping.catalogue(), command, MAX_TIME_IN_QUEUE, 0, collector);
        } catch (LinkFailure e) {
            throw failure(e);
        } catch (Refusal e) {
            throw new UnclassifiedServerFailureException(e.status(), e.getMessage());
        }
        String nextAfter = collector.more ? collector.lastKey : null;
        return new Page(collector.resources, nextAfter);
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

    private static BaseServerResponseException failure(LinkFailure e) {
        return switch (e.kind()) {
            // the database's own message may quote values: the integrator gets its code, not its text
            case DATABASE -> new UnclassifiedServerFailureException(502, "The practice database could not answer this "
                    + "request (database error " + e.errorCode() + "); check your database grants with the PMS vendor.");
            case TIMEOUT -> new UnclassifiedServerFailureException(504, e.getMessage());
            case UNAVAILABLE, EXPIRED_IN_QUEUE -> new UnclassifiedServerFailureException(503, e.getMessage());
        };
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
