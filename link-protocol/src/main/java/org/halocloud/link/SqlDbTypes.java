package org.halocloud.link;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * ADO.NET SqlDbType names (as Halo's API uses them) → JDBC types and the Java value to bind from a JSON scalar.
 */
public final class SqlDbTypes {

    /** @param jdbcType java.sql.Types constant; @param convert JSON scalar → value to bind */
    public record Binding(int jdbcType, Function<Object, Object> convert) {
    }

    private static final Binding TEXT = new Binding(Types.VARCHAR, String::valueOf);
    private static final Map<String, Binding> BINDINGS = Map.ofEntries(
            Map.entry("char", TEXT), Map.entry("nchar", TEXT), Map.entry("varchar", TEXT),
            Map.entry("nvarchar", TEXT), Map.entry("text", TEXT), Map.entry("ntext", TEXT), Map.entry("xml", TEXT),
            Map.entry("int", new Binding(Types.INTEGER, v -> number(v).intValueExact())),
            Map.entry("bigint", new Binding(Types.BIGINT, v -> number(v).longValueExact())),
            Map.entry("smallint", new Binding(Types.SMALLINT, v -> number(v).shortValueExact())),
            Map.entry("tinyint", new Binding(Types.TINYINT, v -> number(v).shortValueExact())),
            Map.entry("bit", new Binding(Types.BOOLEAN, SqlDbTypes::bool)),
            Map.entry("decimal", new Binding(Types.DECIMAL, SqlDbTypes::number)),
            Map.entry("numeric", new Binding(Types.DECIMAL, SqlDbTypes::number)),
            Map.entry("money", new Binding(Types.DECIMAL, SqlDbTypes::number)),
            Map.entry("smallmoney", new Binding(Types.DECIMAL, SqlDbTypes::number)),
            Map.entry("float", new Binding(Types.DOUBLE, v -> number(v).doubleValue())),
            Map.entry("real", new Binding(Types.REAL, v -> number(v).floatValue())),
            Map.entry("date", new Binding(Types.DATE, v -> dateTime(v).toLocalDate())),
            Map.entry("time", new Binding(Types.TIME, v -> LocalTime.parse(v.toString()))),
            Map.entry("datetime", new Binding(Types.TIMESTAMP, SqlDbTypes::dateTime)),
            Map.entry("datetime2", new Binding(Types.TIMESTAMP, SqlDbTypes::dateTime)),
            Map.entry("smalldatetime", new Binding(Types.TIMESTAMP, SqlDbTypes::dateTime)),
            Map.entry("datetimeoffset", new Binding(Types.TIMESTAMP_WITH_TIMEZONE, v -> OffsetDateTime.parse(v.toString()))),
            Map.entry("uniqueidentifier", new Binding(Types.OTHER, v -> UUID.fromString(v.toString()))),
            Map.entry("varbinary", new Binding(Types.VARBINARY, v -> Base64.getDecoder().decode(v.toString()))),
            Map.entry("binary", new Binding(Types.VARBINARY, v -> Base64.getDecoder().decode(v.toString()))));

    private SqlDbTypes() {
    }

    /** The binding for a type name, case-insensitive; a missing type binds as text. */
    public static Binding of(String type) {
        if (type == null || type.isBlank()) {
            return TEXT;
        }
        Binding b = BINDINGS.get(type.trim().toLowerCase(Locale.ROOT));
        if (b == null) {
            throw new IllegalArgumentException("unknown parameter type '" + type + "'; use an SqlDbType name such as "
                    + "Int, BigInt, NVarChar, VarChar, DateTime, Date, Bit, Decimal");
        }
        return b;
    }

    private static BigDecimal number(Object v) {
        return v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().trim());
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equals("1") || s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equals("0") || s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a Bit value");
    }

    private static LocalDateTime dateTime(Object v) {
        String s = v.toString().trim();
        try {
            if (s.matches("\\d{8}")) {
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: use ISO-8601 (2024-05-31 or 2024-05-31T09:30:00) or yyyyMMdd");
        }
    }
}
