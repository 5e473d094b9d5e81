package org.halocloud.fhir;

import java.util.ArrayList;
import java.util.List;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
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
    static final DSLContext SQL = DSL.using(SQLDialect.H2, settings());

    /**
     * The same SQL for a PMS on Firebird, its text binds cast to their own length
     * ({@code CAST(@1 AS VARCHAR(n))}): Firebird types a parameter from the column it is compared with
     * ({@code TRIM(DVA_NO) = ?} is a {@code VARCHAR(9)}), so a longer search value would fail with string right
     * truncation instead of matching nothing.
     */
    private static final DSLContext FIREBIRD = DSL.using(SQLDialect.H2, settings()).configuration()
            .derive(new TextBindCasts()).dsl();

    /** The longest text a Firebird {@code VARCHAR} in UTF8 holds (32,765 bytes at 4 bytes a character). */
    static final int FIREBIRD_MAX_VARCHAR = 8191;

    private LinkCommands() {
    }

    private static Settings settings() {
        return new Settings().withRenderNamedParamPrefix("@").withParamType(ParamType.NAMED)
                .withParamCastMode(ParamCastMode.NEVER).withRenderQuotedNames(RenderQuotedNames.NEVER);
    }

    static QueryCommand of(Query query) {
        query.attach(SQL.configuration()); // a mapping's write path builds its statements without this rendering
        return new QueryCommand(query.getSQL(ParamType.NAMED), QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, parameters(query));
    }

    /**
     * The command for a PMS whose database speaks {@code engine} (its descriptor's {@code SQLDialect} facet):
     * {@link SQLDialect#FIREBIRD} casts the text binds (see {@link #FIREBIRD}); any other engine gets {@link #of(Query)}.
     */
    static QueryCommand of(Query query, SQLDialect engine) {
        if (engine != SQLDialect.FIREBIRD) {
            return of(query);
        }
        return new QueryCommand(FIREBIRD.renderNamedParams(query), QueryCommand.ExecutionMode.READER,
                QueryCommand.CommandType.TEXT, parameters(query));
    }

    /**
     * Renders each text bind as {@code CAST(@n AS VARCHAR(length))}: the cast's length is the value's (at least 1,
     * at most {@value #FIREBIRD_MAX_VARCHAR}), inlined, so the binds and their order are unchanged.
     */
    private static final class TextBindCasts implements VisitListener {

        private static final Object CAST = new Object();

        @Override
        public void visitStart(VisitContext context) {
            if (!(context.queryPart() instanceof Param<?> param) || param.isInline()
                    || !(param.getValue() instanceof String value)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Set<QueryPart> made = (Set<QueryPart>) context.context().data().computeIfAbsent(CAST,
                    k -> Collections.newSetFromMap(new IdentityHashMap<>()));
            if (made.contains(param)) {
                return; // the bind inside a cast this listener made
            }
            Param<String> bind = DSL.val(value); // a new bind each time: a value used twice is cast twice
            made.add(bind);
            int length = Math.max(1, Math.min(FIREBIRD_MAX_VARCHAR, value.length()));
            context.queryPart(DSL.field("CAST({0} AS VARCHAR(" + length + "))", String.class, bind));
        }
    }

    /** The bind values in rendered order: jOOQ numbers its placeholders @1, @2, … the same way. */
    private static List<QueryParameter> parameters(Query query) {
        List<QueryParameter> result = new ArrayList<>();
        List<Object> values = query.getBindValues();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            result.add(input(Integer.toString(i + 1), value, value == null ? Object.class : value.getClass()));
        }
        return result;
    }

    /**
     * One input parameter as the Link binds it: typed with the SqlDbType of {@code type} (the value's class, or a
     * procedure argument's declared one when the value is null), the value as a JSON scalar.
     */
    static QueryParameter input(String name, Object value, Class<?> type) {
        return new QueryParameter(name, QueryParameter.Direction.INPUT, sqlDbType(type),
                value == null || value instanceof Number || value instanceof Boolean ? value : value.toString(), null);
    }

    private static String sqlDbType(Class<?> type) {
        if (type == Integer.class || type == Short.class) {
            return "Int";
        }
        if (type == Long.class) {
            return "BigInt";
        }
        if (type == java.math.BigDecimal.class) {
            return "Decimal";
        }
        if (type == Boolean.class) {
            return "Bit";
        }
        if (type == java.time.LocalDateTime.class || type == java.sql.Timestamp.class) {
            return "DateTime";
        }
        if (type == java.time.LocalDate.class) {
            return "Date";
        }
        return "NVarChar";
    }
}
