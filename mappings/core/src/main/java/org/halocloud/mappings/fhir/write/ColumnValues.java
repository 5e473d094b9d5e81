package org.halocloud.mappings.fhir.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Table;

/**
 * A resource read backwards into the PMS's columns: the value each declared column is to hold, the elements the
 * resource carries that the PMS cannot hold (refused with 422 unless the client asks for lenient handling), and
 * the values that break a rule (an IHI with a bad check digit: always refused).
 */
public final class ColumnValues {

    private final Map<Field<?>, Object> values = new LinkedHashMap<>();
    private final List<String> unheld = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    /** Sets a column; a second value for the same column is an element the PMS cannot hold twice. */
    public <T> ColumnValues set(Field<T> column, T value, String element) {
        if (values.containsKey(column) && values.get(column) != null && value != null) {
            unheld.add(element + " (a second value)");
            return this;
        }
        values.put(column, value);
        return this;
    }

    /** Sets a column unless a value is already there (a default the write path fills on create). */
    public <T> ColumnValues setIfAbsent(Field<T> column, T value) {
        if (values.get(column) == null) {
            values.put(column, value);
        }
        return this;
    }

    public void unheld(String element) {
        unheld.add(element);
    }

    public void invalid(String problem) {
        invalid.add(problem);
    }

    public Object get(Field<?> column) {
        return values.get(column);
    }

    /** Every column set, in the order the resource was read. */
    public Map<Field<?>, Object> all() {
        return Collections.unmodifiableMap(values);
    }

    /** The columns of one table (a mapping may read joined tables; a write touches its own). */
    public Map<Field<?>, Object> of(Table<?> table) {
        Map<Field<?>, Object> own = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (belongsTo(field, table)) {
                own.put(field, value);
            }
        });
        return own;
    }

    /** True when the mapping's (table-qualified) column is one of {@code table}'s. */
    public static boolean belongsTo(Field<?> column, Table<?> table) {
        return column.getQualifiedName().qualified()
                && column.getQualifiedName().qualifier().last().equalsIgnoreCase(table.getName());
    }

    /** Elements of the resource the PMS has no column for. */
    public List<String> unheld() {
        return List.copyOf(unheld);
    }

    /** Values that break a rule of their element. */
    public List<String> invalid() {
        return List.copyOf(invalid);
    }
}
