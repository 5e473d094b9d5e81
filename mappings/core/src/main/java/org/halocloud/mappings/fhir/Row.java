package org.halocloud.mappings.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.jooq.Field;

/**
 * One row as it arrives from a Halo Link: portable values (text, numbers, booleans; dates as ISO-8601 text) by
 * column label. The accessors carry the vendor quirks every mapping meets: padded {@code char(n)} text is trimmed
 * and blank means absent.
 */
public final class Row {

    private final Map<String, Integer> index;
    private final Object[] values;

    public Row(Map<String, Integer> index, Object[] values) {
        this.index = index;
        this.values = values;
    }

    public Object value(Field<?> field) {
        Integer i = index.get(field.getName().toUpperCase());
        if (i == null) {
            throw new IllegalArgumentException("column " + field.getName() + " was not selected");
        }
        return values[i];
    }

    /** Trimmed text, or null when absent or blank. */
    public String text(Field<?> field) {
        Object v = value(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    public Integer integer(Field<?> field) {
        Object v = value(field);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString().strip());
    }

    public Long number(Field<?> field) {
        Object v = value(field);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? n.longValue() : Long.valueOf(v.toString().strip());
    }

    public BigDecimal decimal(Field<?> field) {
        Object v = value(field);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString().strip());
    }

    public boolean flag(Field<?> field) {
        Object v = value(field);
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && (v.toString().strip().equals("1") || v.toString().strip().equalsIgnoreCase("true"));
    }

    public LocalDateTime dateTime(Field<?> field) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
    }

    public LocalDate date(Field<?> field) {
        LocalDateTime t = dateTime(field);
        return t == null ? null : t.toLocalDate();
    }

    public LocalTime time(Field<?> field) {
        String s = text(field);
        return s == null ? null : LocalTime.parse(s);
    }
}
