package org.halocloud.mappings.fhir;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A mapping's search run straight on a demo database, as the FHIR server runs it (its select list, filter and search
 * conditions; rows handed to the row mapper with the values a Link sends) but without paging or HTTP.
 */
public final class MappingSearch {

    private MappingSearch() {
    }

    /** The resources of one parameter's search ({@code name=value}, no modifier); every row when name is null. */
    public static List<Resource> search(Connection connection, ResourceMapping<?, ?> mapping,
                                                      String name, String value) throws SQLException {
        Condition condition = name == null ? DSL.noCondition()
                : mapping.search().get(name).condition(null, List.of(value), null);
        DSLContext sql = DSL.using(connection, SQLDialect.H2, new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
        List<Resource> resources = new ArrayList<>();
        try (ResultSet rs = sql.select(mapping.columns()).from(mapping.from()).where(mapping.where()).and(condition)
                .orderBy(mapping.key()).fetchResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < meta.getColumnCount(); i++) {
                index.putIfAbsent(meta.getColumnLabel(i + 1).toUpperCase(), i);
            }
            while (rs.next()) {
                Object[] values = new Object[meta.getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    Object v = rs.getObject(i + 1);
                    values[i] = v instanceof java.sql.Timestamp t ? t.toLocalDateTime().toString()
                            : v instanceof Temporal ? v.toString() : v; // a Link sends dates as ISO text
                }
                resources.add(mapping.map(new Row(index, values)));
            }
        }
        return resources;
    }

    /** The ids ({@code Type/id}) of resources. */
    public static List<String> ids(List<? extends Resource> resources) {
        return resources.stream().map(r -> r.getIdElement().getValue()).toList();
    }
}
