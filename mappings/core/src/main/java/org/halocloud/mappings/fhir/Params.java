package org.halocloud.mappings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The building blocks of a search spec: each turns FHIR parameter values into a jOOQ condition over vendor
 * columns. Values always travel as bind values.
 */
public final class Params {

    /**
     * Every row / no row, written as comparisons every engine accepts: SQL Server has no boolean literals, and jOOQ
     * renders its own true/false conditions as H2's {@code true}/{@code false}. Fixed text, never request input.
     */
    public static final Condition ALWAYS = DSL.condition("1 = 1");
    public static final Condition NEVER = DSL.condition("1 = 0");

    private static final org.jooq.DataType<String> EXACT_TEXT = org.jooq.impl.SQLDataType.VARCHAR(400);
    private static final org.jooq.DataType<byte[]> EXACT_BYTES = org.jooq.impl.SQLDataType.VARBINARY(400);

    private Params() {
    }

    /**
     * How a PMS database compares text. SQL Server installs default to a case-insensitive collation (Bp Premier's
     * {@code _CI_AS}); elsewhere it is unknown, so case is folded in the SQL.
     */
    public enum Collation {
        /** Fold case in the SQL ({@code UPPER(TRIM(column)) LIKE UPPER(?)}): right anywhere, but no index serves it. */
        UNKNOWN,
        /** The column already ignores case: {@code column LIKE ?}, which an index on the column serves for a prefix. */
        CASE_INSENSITIVE
    }

    /** FHIR string search: starts with, case-insensitive; {@code :exact} and {@code :contains} too. */
    @SafeVarargs
    public static SearchParameter string(Field<String>... fields) {
        return string(Collation.UNKNOWN, fields);
    }

    /**
     * FHIR string search over columns compared under the given collation. {@code :exact} compares the trimmed text
     * with {@code =} and, under a case-insensitive collation, its bytes too, so case counts as FHIR requires.
     */
    @SafeVarargs
    public static SearchParameter string(Collation collation, Field<String>... fields) {
        return SearchParameter.of(RestSearchParameterTypeEnum.STRING, List.of("exact", "contains"), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                List<Condition> perField = new ArrayList<>();
                for (Field<String> f : fields) {
                    perField.add(match(collation, f, value, modifier));
                }
                return DSL.or(perField);
            });
        });
    }

    private static Condition match(Collation collation, Field<String> field, String value, String modifier) {
        if ("exact".equals(modifier)) {
            Condition equal = DSL.trim(field).eq(DSL.val(value));
            // a case-insensitive collation makes = ignore case; :exact must not, so the bytes must match as well
            // (the value is cast to the column's kind of text first: SQL Server would otherwise compare UTF-16)
            return collation == Collation.CASE_INSENSITIVE
                    ? equal.and(DSL.cast(DSL.trim(field), EXACT_BYTES).eq(
                            DSL.cast(DSL.cast(DSL.val(value), EXACT_TEXT), EXACT_BYTES)))
                    : equal;
        }
        String escaped = value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        String pattern = ("contains".equals(modifier) ? "%" : "") + escaped + "%";
        // fixed-width char(n) columns pad with spaces: a pattern ending in % matches them untrimmed
        return collation == Collation.CASE_INSENSITIVE
                ? field.like(DSL.val(pattern), '!')
                : DSL.upper(DSL.trim(field)).like(DSL.upper(DSL.val(pattern)), '!');
    }

    /**
     * A token whose codes the vendor stores as its own values: each FHIR code maps to a condition.
     * {@code system|code} must name the given system; a code alone matches in it.
     */
    public static SearchParameter token(String system, Map<String, Condition> codes) {
        return token(system, code -> codes.getOrDefault(code, NEVER));
    }

    /**
     * A token whose condition per code is made at search time (e.g. relative to today); {@code system|code} must
     * name the given system. An unknown code should give {@link #NEVER}.
     */
    public static SearchParameter token(String system, Function<String, Condition> byCode) {
        return SearchParameter.of(RestSearchParameterTypeEnum.TOKEN, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                Token t = Token.parse(value);
                if (t.system() != null && !t.system().equals(system)) {
                    return NEVER;
                }
                return byCode.apply(t.code());
            });
        });
    }

    /**
     * A token searched by system: each system the PMS holds maps to a function from value to condition. A value
     * without a system is looked for in every system.
     */
    public static SearchParameter identifier(Map<String, Function<String, Condition>> bySystem) {
        return SearchParameter.of(RestSearchParameterTypeEnum.TOKEN, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                Token t = Token.parse(value);
                if (t.code() == null || t.code().isBlank()) {
                    throw new InvalidSearch("identifier needs a value (system|value)");
                }
                if (t.system() == null) {
                    return DSL.or(bySystem.values().stream().map(f -> f.apply(t.code())).toList());
                }
                Function<String, Condition> f = bySystem.get(t.system());
                return f == null ? NEVER : f.apply(t.code());
            });
        });
    }

    /**
     * Patient identifiers, plus the practice's own record number under AU Base's HPI-O-scoped medical record
     * number system ({@code <prefix><HPI-O>|<number>}): the HPI-O in the system must be the one in {@code hpio}.
     * A value without a system is looked for everywhere.
     */
    public static SearchParameter identifier(Map<String, Function<String, Condition>> bySystem, Field<String> hpio,
                                             Field<String> recordNumber) {
        SearchParameter known = identifier(bySystem);
        String prefix = org.halocloud.mappings.au.AuCodes.MEDICAL_RECORD_PREFIX;
        return SearchParameter.of(RestSearchParameterTypeEnum.TOKEN, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                Token t = Token.parse(value);
                if (t.system() != null && t.system().startsWith(prefix)) {
                    if (t.code() == null || t.code().isBlank()) {
                        throw new InvalidSearch("identifier needs a value (system|value)");
                    }
                    return hpio.eq(t.system().substring(prefix.length())).and(DSL.trim(recordNumber).eq(t.code()));
                }
                Condition other = known.condition(modifier, List.of(value), context);
                return t.system() == null ? other.or(DSL.trim(recordNumber).eq(t.code())) : other;
            });
        });
    }

    /**
     * A Medicare card number as FHIR carries it — 10 digits, or 11 with the individual reference number — against
     * the PMS's card column (spaces ignored) and IRN column.
     */
    public static Condition medicare(String value, Field<String> card, Field<String> irn) {
        String digits = value.replaceAll("\\D", "");
        if (digits.length() != 10 && digits.length() != 11) {
            return NEVER;
        }
        Condition sameCard = DSL.replace(card, DSL.inline(" "), DSL.inline("")).eq(digits.substring(0, 10));
        return digits.length() == 11 ? sameCard.and(DSL.trim(irn).eq(digits.substring(10))) : sameCard;
    }

    /** The resource id ({@code _id}), as the mapping's key. */
    public static <T> SearchParameter id(Field<T> key, Function<String, Optional<T>> parse) {
        return SearchParameter.of(RestSearchParameterTypeEnum.TOKEN, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, v -> parse.apply(Token.parse(v).code()).map(key::eq).orElse(NEVER));
        });
    }

    /**
     * A date or dateTime column holding practice-local time. Prefixes eq (default), ne, gt, lt, ge, le; values to
     * the second with an offset are converted to the practice's zone.
     */
    public static SearchParameter date(Field<LocalDateTime> field, ZoneId zone) {
        return SearchParameter.of(RestSearchParameterTypeEnum.DATE, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> dateCondition(field, value, zone));
        });
    }

    static Condition dateCondition(Field<LocalDateTime> field, String value, ZoneId zone) {
        DateBounds b = dateBounds(value, zone);
        return within(field, b.prefix(), b.start(), b.end());
    }

    /** A value compared, by a FHIR prefix, with the period {@code [start, end)} a date search value stands for. */
    private static <T> Condition within(Field<T> field, ParamPrefixEnum prefix, T start, T end) {
        return switch (prefix) {
            case EQUAL -> field.ge(start).and(field.lt(end));
            case NOT_EQUAL -> field.lt(start).or(field.ge(end));
            case GREATERTHAN, STARTS_AFTER -> field.ge(end);
            case GREATERTHAN_OR_EQUALS -> field.ge(start);
            case LESSTHAN, ENDS_BEFORE -> field.lt(start);
            case LESSTHAN_OR_EQUALS -> field.lt(end);
            case APPROXIMATE -> throw new InvalidSearch("the 'ap' date prefix is not supported");
        };
    }

    /**
     * A date column holding days, not times (each value stands for its whole day). A search value finer than a day
     * is taken to its practice-local day, and {@code gt}/{@code lt} become {@code ge}/{@code le}, since that day's
     * period overlaps any instant inside it (FHIR compares ranges).
     */
    public static SearchParameter day(Field<LocalDateTime> field, ZoneId zone) {
        return SearchParameter.of(RestSearchParameterTypeEnum.DATE, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                DateBounds b = dateBounds(value, zone);
                if (new DateParam(value).getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
                    return within(field, b.prefix(), b.start(), b.end());
                }
                LocalDateTime day = b.start().toLocalDate().atStartOfDay();
                ParamPrefixEnum prefix = switch (b.prefix()) {
                    case GREATERTHAN -> ParamPrefixEnum.GREATERTHAN_OR_EQUALS;
                    case LESSTHAN -> ParamPrefixEnum.LESSTHAN_OR_EQUALS;
                    default -> b.prefix();
                };
                return within(field, prefix, day, day.plusDays(1));
            });
        });
    }

    /**
     * A date held in separate year, month and day number columns (0 = not recorded, as Bp Premier keeps onsets),
     * compared as the number yyyymmdd: a date without month or day counts from the start of its year or month. Rows
     * without a year never match. A search value finer than a day stands for its practice-local day.
     */
    public static SearchParameter yearMonthDay(Field<Integer> year, Field<Integer> month, Field<Integer> day, ZoneId zone) {
        Field<Integer> ymd = year.mul(DSL.inline(10000))
                .plus(DSL.when(month.gt(DSL.inline(0)), month).otherwise(DSL.inline(1)).mul(DSL.inline(100)))
                .plus(DSL.when(day.gt(DSL.inline(0)), day).otherwise(DSL.inline(1)));
        return SearchParameter.of(RestSearchParameterTypeEnum.DATE, List.of(), List.of(),
                (modifier, values, context) -> {
            return anyOf(values, value -> {
                DateBounds b = dateBounds(value, zone);
                java.time.LocalDate first = b.start().toLocalDate();
                java.time.LocalDate last = b.end().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? b.end().toLocalDate() : b.end().toLocalDate().plusDays(1);
                return year.gt(0).and(within(ymd, b.prefix(), yyyymmdd(first), yyyymmdd(last)));
            });
        });
    }

    private static int yyyymmdd(java.time.LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /**
     * A FHIR date search value as the practice-local period it stands for ({@code [start, end)}, at its precision)
     * and its prefix (eq when none).
     */
    public record DateBounds(ParamPrefixEnum prefix, LocalDateTime start, LocalDateTime end) {

        /** The earliest time a match may have; null when unbounded below. */
        public LocalDateTime lowest() {
            return switch (prefix) {
                case EQUAL, GREATERTHAN_OR_EQUALS -> start;
                case GREATERTHAN, STARTS_AFTER -> end;
                default -> null;
            };
        }

        /** The time every match is before; null when unbounded above. */
        public LocalDateTime before() {
            return switch (prefix) {
                case EQUAL, LESSTHAN_OR_EQUALS -> end;
                case LESSTHAN, ENDS_BEFORE -> start;
                default -> null;
            };
        }
    }

    public static DateBounds dateBounds(String value, ZoneId zone) {
        DateParam param;
        try {
            param = new DateParam(value);
        } catch (RuntimeException e) {
            throw new InvalidSearch("not a FHIR date: use e.g. 2024-05-31, ge2024-05-31T09:30:00+10:00");
        }
        if (param.getValue() == null) {
            throw new InvalidSearch("not a FHIR date: use e.g. 2024-05-31, ge2024-05-31T09:30:00+10:00");
        }
        TemporalPrecisionEnum precision = param.getPrecision();
        LocalDateTime start = precision.ordinal() <= TemporalPrecisionEnum.DAY.ordinal()
                ? LocalDateTime.parse(param.getValueAsString().length() == 4 ? param.getValueAsString() + "-01-01T00:00:00"
                : param.getValueAsString().length() == 7 ? param.getValueAsString() + "-01T00:00:00"
                : param.getValueAsString().substring(0, 10) + "T00:00:00")
                : ZonedDateTime.ofInstant(param.getValue().toInstant(), zone).toLocalDateTime();
        LocalDateTime end = switch (precision) {
            case YEAR -> start.plusYears(1);
            case MONTH -> start.plusMonths(1);
            case DAY -> start.plusDays(1);
            case MINUTE -> start.plusMinutes(1);
            case SECOND -> start.plusSeconds(1);
            case MILLI -> start.plusNanos(1_000_000);
        };
        ParamPrefixEnum prefix = param.getPrefix() == null ? ParamPrefixEnum.EQUAL : param.getPrefix();
        if (prefix == ParamPrefixEnum.APPROXIMATE) {
            throw new InvalidSearch("the 'ap' date prefix is not supported");
        }
        return new DateBounds(prefix, start, end);
    }

    /**
     * A reference to another resource held as a foreign key: {@code patient=123}, {@code patient=Patient/123}, and
     * chains such as {@code patient.identifier=system|value} through the target's mapping.
     */
    public static <T> SearchParameter reference(String targetType, Field<T> foreignKey, Function<String, Optional<T>> parse) {
        return SearchParameter.of(RestSearchParameterTypeEnum.REFERENCE, List.of(), List.of(targetType),
                (chain, values, context) -> {
            if (chain != null && !chain.equals(targetType)) {
                return context.chain(targetType, chain, values, foreignKey);
            }
            return anyOf(values, v -> {
                String id = v.startsWith(targetType + "/") ? v.substring(targetType.length() + 1) : v;
                if (id.contains("/")) {
                    return NEVER;
                }
                return parse.apply(id).map(foreignKey::eq).orElse(NEVER);
            });
        });
    }

    /** One resource type a reference parameter may point to, the column holding its id and how its ids parse. */
    public record Target<K>(String type, Field<K> column, Function<String, Optional<K>> parse) {

        Condition matches(String id) {
            return parse.apply(id).map(column::eq).orElse(NEVER);
        }
    }

    public static <K> Target<K> target(String type, Field<K> column, Function<String, Optional<K>> parse) {
        return new Target<>(type, column, parse);
    }

    /**
     * A reference that may point to several types, each held in its own column (e.g. Appointment {@code actor}):
     * {@code Type/id} matches that type's column, a bare id any of them; a chain ({@code actor.identifier=…})
     * matches through every target that declares the chained parameter.
     */
    public static SearchParameter references(Target<?>... targets) {
        List<String> types = java.util.Arrays.stream(targets).map(Target::type).sorted().toList();
        return SearchParameter.of(RestSearchParameterTypeEnum.REFERENCE, List.of(), types, (chain, values, context) -> {
            if (chain != null) {
                List<Condition> any = new ArrayList<>();
                RuntimeException refused = null;
                for (Target<?> t : targets) {
                    try {
                        any.add(context.chain(t.type(), chain, values, t.column()));
                    } catch (RuntimeException e) {
                        refused = refused == null ? e : refused;
                    }
                }
                if (any.isEmpty()) {
                    throw refused;
                }
                return DSL.or(any);
            }
            return anyOf(values, v -> {
                int slash = v.indexOf('/');
                List<Condition> any = new ArrayList<>();
                for (Target<?> t : targets) {
                    if (slash < 0) {
                        any.add(t.matches(v));
                    } else if (v.substring(0, slash).equals(t.type())) {
                        any.add(t.matches(v.substring(slash + 1)));
                    }
                }
                return any.isEmpty() ? NEVER : DSL.or(any);
            });
        });
    }

    /** Any of the comma-separated values may match. */
    static Condition anyOf(List<String> values, Function<String, Condition> each) {
        return DSL.or(values.stream().map(each).toList());
    }

    /** Parses an integer id; anything else matches nothing. */
    public static Optional<Integer> integerId(String id) {
        return id != null && id.matches("-?\\d{1,9}") ? Optional.of(Integer.valueOf(id)) : Optional.empty();
    }

    /** {@code system|code}, {@code |code} (no system) or {@code code} (any system). */
    public record Token(String system, String code) {
        static Token parse(String value) {
            int bar = value.indexOf('|');
            if (bar < 0) {
                return new Token(null, value);
            }
            return new Token(bar == 0 ? "" : value.substring(0, bar), value.substring(bar + 1));
        }
    }
}
