package org.halocloud.fhir;

import java.util.ArrayList;
import java.util.List;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** A jOOQ query as the command a Link runs: its SQL with numbered placeholders, and their typed bind values. */
final class LinkCommands {

    /**
     * jOOQ renders standard SQL:2008 paging ({@code offset 0 rows fetch next n rows only}), which SQL Server, H2
     * and Firebird all accept; parameters are numbered ({@code @1}) and bound by the Link, never inlined.
     */
    static final DSLContext SQL = DSL.using(SQLDialect.H2, new Settings()
            .withRenderNamedParamPrefix("@").withParamType(ParamType.NAMED).withParamCastMode(ParamCastMode.NEVER)
            .withRenderQuotedNames(RenderQuotedNames.NEVER));

    private LinkCommands() {
    }

    static QueryCommand of(Query query) {
        query.attach(SQL.configuration()); // a mapping's write path builds its statements without this rendering
        return new QueryCommand(query.getSQL(ParamType.NAMED), QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, parameters(query));
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

    static String sqlDbType(Object value) {
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
}
