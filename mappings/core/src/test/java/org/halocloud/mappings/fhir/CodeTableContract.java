package org.halocloud.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What every {@link CodeTable} must satisfy, checked on a real database: for each stored value of a sample (the
 * listed values, their lower- and padded forms, null, blank and unlisted values), the value's row matches the search
 * for a token exactly when the table decodes the value to that token; and what a code encodes to decodes back to it.
 * Vendor modules run it on their demo database, so the check uses the vendor's own collation.
 */
public final class CodeTableContract {

    private CodeTableContract() {
    }

    /** Checks each of a vendor's tables. */
    public static void assertSearchMatchesDecode(Connection connection, List<CodeTable<?, ?>> tables) {
        tables.forEach(table -> assertSearchMatchesDecode(connection, table));
    }

    public static void assertSearchMatchesDecode(Connection connection, CodeTable<?, ?> table, Object... extraSamples) {
        DSLContext sql = DSL.using(connection, SQLDialect.H2);
        for (Object sample : samples(table, extraSamples)) {
            String decoded = tokenOf(table, table.decodeValue(sample));
            for (String token : tokens(table)) {
                boolean matches = matches(sql, table, sample, table.parameter().condition(null, List.of(token), null));
                assertThat(matches).as("%s value %s: search %s (decodes to %s)", table.column(),
                        sample == null ? "null" : "'" + sample + "'", token, decoded)
                        .isEqualTo(token.equals(decoded));
            }
            if (decoded != null) {
                assertThat(matches(sql, table, sample, table.parameter().condition(null,
                        List.of(table.system() + "|" + decoded), null))).as("%s|%s", table.system(), decoded).isTrue();
            }
        }
        roundTrips(table);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrips(CodeTable table) {
        for (Object code : table.codes()) {
            table.encode(code).ifPresent(value -> assertThat(table.decodeValue(value)).as("decode(encode(%s))", code)
                    .isEqualTo(code));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String tokenOf(CodeTable table, Object code) {
        return table.token(code);
    }

    private static List<String> tokens(CodeTable<?, ?> table) {
        Set<String> all = new LinkedHashSet<>();
        for (Object code : table.codes()) {
            String t = tokenOf(table, code);
            if (t != null) {
                all.add(t);
            }
        }
        all.add("no-such-code");
        return new ArrayList<>(all);
    }

    private static List<Object> samples(CodeTable<?, ?> table, Object... extra) {
        Set<Object> all = new LinkedHashSet<>();
        all.add(null);
        Class<?> type = table.column().getType();
        for (Object value : table.listedValues()) {
            all.add(value);
            if (value instanceof String s) {
                all.add(s.toLowerCase(Locale.ROOT));
                all.add(" " + s + "  ");
            }
        }
        if (type == String.class) {
            all.addAll(List.of("", "   ", "?", "ZZ"));
        } else if (type == Boolean.class) {
            all.addAll(List.of(true, false));
        } else if (Number.class.isAssignableFrom(type)) {
            all.addAll(List.of(-1, 0, 99));
        }
        all.addAll(Arrays.asList(extra));
        return new ArrayList<>(all);
    }

    /** Whether a one-row table holding {@code value} in the column's place passes {@code condition}. */
    private static boolean matches(DSLContext sql, CodeTable<?, ?> table, Object value, Condition condition) {
        Field<?> column = table.column();
        Name name = column.getQualifiedName();
        String[] parts = name.getName();
        Object typed = value == null ? null : column.getDataType().convert(value);
        if (value instanceof String s && column.getType() == String.class) {
            typed = s; // keep the padding: the database trims, not the test
        }
        var row = DSL.select(DSL.cast(DSL.val(typed, column.getDataType()), column.getDataType()).as(parts[parts.length - 1]))
                .asTable(parts.length > 1 ? parts[parts.length - 2] : "T");
        Integer count = sql.selectCount().from(row).where(condition).fetchOne(0, Integer.class);
        return Objects.requireNonNull(count) == 1;
    }
}
