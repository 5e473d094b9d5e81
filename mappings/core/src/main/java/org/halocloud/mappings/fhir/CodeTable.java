package org.halocloud.mappings.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * One vendor code table, declared once: which stored values of one column stand for which FHIR code, and which
 * code a value the table does not list, or no value at all, stands for. The row mapper decodes with it, the search
 * parameter is derived from it (a token matches exactly the rows that decode to it, the fallback buckets included)
 * and writes encode with it, so reading, searching and writing cannot disagree.
 *
 * <p>Text is compared as {@link Row#text} reads it: trimmed, blank meaning absent; {@link Builder#ignoringCase()}
 * folds case in both directions.
 *
 * @param <V> the column's Java type
 * @param <C> the FHIR side: a HAPI enum (e.g. {@code AdministrativeGender}) or a {@link Code}
 */
public final class CodeTable<V, C> {

    /** A FHIR code of the table's system with its display, for code systems HAPI has no enum for. */
    public record Code(String code, String display) {
    }

    private final Field<V> column;
    private final String system;
    private final Function<C, String> token;
    private final boolean ignoringCase;
    private final Map<C, List<V>> stored;
    private final Map<V, C> byValue;
    private final C unlisted;
    private final C absent;
    private final Map<String, Condition> searched;

    private CodeTable(Builder<V, C> b) {
        this.column = b.column;
        this.system = b.system;
        this.token = b.token;
        this.ignoringCase = b.ignoringCase;
        this.stored = Collections.unmodifiableMap(new LinkedHashMap<>(b.stored));
        this.byValue = Collections.unmodifiableMap(new LinkedHashMap<>(b.byValue));
        this.unlisted = b.unlisted;
        this.absent = b.absent;
        Map<String, Condition> conditions = new LinkedHashMap<>();
        for (C code : codes()) {
            String t = token(code);
            if (t != null) {
                conditions.merge(t, rowsOf(code), Condition::or);
            }
        }
        this.searched = Collections.unmodifiableMap(conditions);
    }

    /** A table whose FHIR side is {@code C} (often a HAPI enum), searched as {@code system|token(code)}. */
    public static <V, C> Builder<V, C> of(Field<V> column, String system, Function<C, String> token) {
        return new Builder<>(column, system, token);
    }

    /** A table whose FHIR side is a {@link Code} of {@code system}. */
    public static <V> Builder<V, Code> coded(Field<V> column, String system) {
        return new Builder<>(column, system, Code::code);
    }

    public Field<V> column() {
        return column;
    }

    public String system() {
        return system;
    }

    /** Every FHIR code the table can render, in declaration order (fallbacks last). */
    public List<C> codes() {
        Set<C> all = new LinkedHashSet<>(stored.keySet());
        if (unlisted != null) {
            all.add(unlisted);
        }
        if (absent != null) {
            all.add(absent);
        }
        return List.copyOf(all);
    }

    /** The search token of a code (its {@code code} in the table's system); null for none or a code not searched. */
    public String token(C code) {
        return code == null ? null : token.apply(code);
    }

    /** Every stored value the table lists (normalised as it compares them). */
    public List<V> listedValues() {
        return List.copyOf(byValue.keySet());
    }

    /** The code the row's column stands for; null when the table gives that value none. */
    public C decode(Row row) {
        return decodeValue(row.value(column));
    }

    /** The code a stored value stands for (any representation the column's type converts); null when none. */
    public C decodeValue(Object storedValue) {
        V value = normalise(storedValue);
        if (value == null) {
            return absent;
        }
        C code = byValue.get(value);
        return code != null ? code : unlisted;
    }

    /** The value to store for a code (the first the table lists for it); empty when it lists none. */
    public Optional<V> encode(C code) {
        List<V> values = stored.get(code);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Writes the value stored for {@code code}; a code the table stores no value for is an element the PMS cannot hold. */
    public void write(C code, org.halocloud.mappings.fhir.write.ColumnValues values, String element) {
        encode(code).ifPresentOrElse(stored -> values.set(column, stored, element),
                () -> values.unheld(element + " (" + token(code) + ")"));
    }

    /** The rows whose column decodes to {@code code}: its listed values, and the fallback buckets it is. */
    public Condition rowsOf(C code) {
        List<Condition> any = new ArrayList<>();
        List<V> values = stored.getOrDefault(code, List.of());
        if (!values.isEmpty()) {
            any.add(compared().in(values));
        }
        if (Objects.equals(code, unlisted)) {
            Condition present = present();
            any.add(byValue.isEmpty() ? present : present.and(compared().notIn(byValue.keySet())));
        }
        if (Objects.equals(code, absent)) {
            any.add(DSL.not(present()));
        }
        return any.isEmpty() ? Params.NEVER : DSL.or(any);
    }

    /** The token search parameter over the column: {@code system|code} or {@code code}. */
    public SearchParameter parameter() {
        return Params.token(system, searched);
    }

    /** The column as the SQL compares it, normalised as {@link #normalise} does in Java. */
    @SuppressWarnings("unchecked")
    private Field<V> compared() {
        if (!isText()) {
            return column;
        }
        Field<String> trimmed = DSL.trim((Field<String>) column);
        return (Field<V>) (ignoringCase ? DSL.upper(trimmed) : trimmed);
    }

    /** Holds a value: not null and, for text, not blank (as {@link Row#text} reads it). */
    @SuppressWarnings("unchecked")
    private Condition present() {
        return isText() ? column.isNotNull().and(DSL.trim((Field<String>) column).ne(DSL.inline(""))) : column.isNotNull();
    }

    private boolean isText() {
        return column.getType() == String.class;
    }

    private V normalise(Object value) {
        return normalise(column, ignoringCase, value);
    }

    private static <V> V normalise(Field<V> column, boolean ignoringCase, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            s = s.strip();
            if (s.isEmpty()) {
                return null;
            }
            value = column.getType() == String.class && ignoringCase ? s.toUpperCase(Locale.ROOT) : s;
        }
        return column.getDataType().convert(value);
    }

    /** Declares a table: {@code code(…)} lines, then {@code otherwise}/{@code unlisted}/{@code absent}, then build. */
    public static final class Builder<V, C> {
        private final Field<V> column;
        private final String system;
        private final Function<C, String> token;
        private boolean ignoringCase;
        private final Map<C, List<V>> stored = new LinkedHashMap<>();
        private final Map<V, C> byValue = new LinkedHashMap<>();
        private C unlisted;
        private C absent;

        private Builder(Field<V> column, String system, Function<C, String> token) {
            this.column = column;
            this.system = system;
            this.token = token;
        }

        /** Text compared without case (the PMS reads 'f' as 'F'): upper-cased in the mapper and in the SQL. */
        public Builder<V, C> ignoringCase() {
            if (!byValue.isEmpty()) {
                throw new IllegalStateException("declare ignoringCase() before the codes");
            }
            this.ignoringCase = true;
            return this;
        }

        /** The stored values that stand for {@code code}; the first is the one a write stores. */
        @SafeVarargs
        public final Builder<V, C> code(C code, V... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("a code needs at least one stored value");
            }
            for (V raw : values) {
                V value = Objects.requireNonNull(normalise(column, ignoringCase, raw), "a listed value may not be blank");
                if (byValue.putIfAbsent(value, code) != null) {
                    throw new IllegalArgumentException(column.getName() + ": " + raw + " is listed twice");
                }
                stored.computeIfAbsent(code, c -> new ArrayList<>()).add(value);
            }
            return this;
        }

        /** The code of every value the table does not list and of no value (null, blank). */
        public CodeTable<V, C> otherwise(C code) {
            return unlisted(code).absent(code).build();
        }

        /** The code of a value the table does not list; without one such values render no code. */
        public Builder<V, C> unlisted(C code) {
            this.unlisted = code;
            return this;
        }

        /** The code of no value (null, blank); without one a row without a value renders no code. */
        public Builder<V, C> absent(C code) {
            this.absent = code;
            return this;
        }

        public CodeTable<V, C> build() {
            return new CodeTable<>(this);
        }
    }
}
