package org.halocloud.mappings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * FHIR Slot (base R4) as a calendar generated in SQL: a PMS keeps weekly sessions (a provider's hours, cut into
 * slots of a fixed length) and appointments, not slots. For the searched days, each session that applies on a day
 * yields its slots; a slot is {@code busy} when a live booking overlaps it, {@code busy-unavailable} when the session
 * is not bookable, else {@code free}. Days and slot numbers come from a join to small digit tables, so the SQL reads
 * the practice database live, is bounded by the day window, and needs no engine-specific series function.
 *
 * <p>Slot ids are {@code <scheduleId>-<yyyyMMddHHmm>} (practice-local start): stable for as long as the session
 * exists, and they order a schedule's slots by time.
 *
 * @param <S> the Schedule's key type
 */
public final class SlotCalendar<S> {

    public static final String SLOT_STATUS = "http://hl7.org/fhir/slotstatus";
    /** The longest window one search may generate. */
    public static final int MAX_DAYS = 31;

    /**
     * The spellings the generated SQL needs from the PMS's engine: SQL Server joins text with {@code CONCAT(…)}
     * and calls a date and time {@code DATETIME} (its {@code TIMESTAMP} is a row version); the standard spelling
     * ({@code ||}, {@code TIMESTAMP}) suits SQL Anywhere. Firebird spells it the standard way but has no
     * {@code VALUES} table constructor and no {@code YEAR()}: its digit tables are unions of one-row selects from
     * {@code RDB$DATABASE} and its date parts {@code EXTRACT(YEAR FROM …)}. H2 (the demos) accepts all three, given
     * a one-row {@code RDB$DATABASE} table for Firebird's.
     */
    public enum Engine { SQL_SERVER, STANDARD, FIREBIRD }

    static final String SLOT = "HALO_SLOT";
    private static final String CAL = "HALO_CAL";
    private static final Pattern ID = Pattern.compile("([A-Za-z0-9]{1,20})-(\\d{12})");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

    public static final Field<String> SLOT_ID = DSL.field(DSL.name(SLOT, "SLOTID"), String.class);
    public static final Field<LocalDateTime> SLOT_START = DSL.field(DSL.name(SLOT, "SLOTSTART"), LocalDateTime.class);
    public static final Field<LocalDateTime> SLOT_END = DSL.field(DSL.name(SLOT, "SLOTEND"), LocalDateTime.class);
    public static final Field<String> SLOT_STATUS_CODE = DSL.field(DSL.name(SLOT, "SLOTSTATUS"), String.class);

    private final Class<S> scheduleType;
    private final Function<String, Optional<S>> parseSchedule;
    private final Field<S> slotSchedule;
    private Table<?> sessions;
    private Condition liveSessions = DSL.noCondition();
    private Field<S> sessionSchedule;
    private Field<Integer> weekday;
    private DayOfWeek weekdayOne = DayOfWeek.MONDAY;
    private Field<LocalDateTime> effectiveFrom;
    private Field<LocalDateTime> effectiveTo;
    private Field<Integer> startMinute;
    private Field<Integer> endMinute;
    private Field<Integer> slotMinutes;
    /** Null when every session is bookable (SQL Server has no boolean literal to render {@code false} with). */
    private Condition unavailable;
    private Table<?> bookings;
    private Condition liveBookings = DSL.noCondition();
    private Field<S> bookingSchedule;
    private Field<LocalDateTime> bookingDay;
    private Field<Integer> bookingStart;
    private Field<Integer> bookingMinutes;
    private Engine engine = Engine.SQL_SERVER;
    private String catalogue;

    private SlotCalendar(Class<S> scheduleType, Function<String, Optional<S>> parseSchedule) {
        this.scheduleType = scheduleType;
        this.parseSchedule = parseSchedule;
        this.slotSchedule = DSL.field(DSL.name(SLOT, "SCHEDULEID"), scheduleType);
    }

    /** A calendar whose slots belong to Schedules keyed by {@code scheduleType} ids parsed by {@code parseSchedule}. */
    public static <S> SlotCalendar<S> of(Class<S> scheduleType, Function<String, Optional<S>> parseSchedule) {
        return new SlotCalendar<>(scheduleType, parseSchedule);
    }

    /** The weekly sessions (templates), the live ones, and the Schedule each belongs to. */
    public SlotCalendar<S> sessions(Table<?> table, Condition live, Field<S> schedule) {
        this.sessions = table;
        this.liveSessions = live;
        this.sessionSchedule = schedule;
        return this;
    }

    /** The session's weekday column, numbered from 1 = {@code one} (Bp: Sunday; Zedmed, D4W: Monday). */
    public SlotCalendar<S> weekday(Field<Integer> column, DayOfWeek one) {
        this.weekday = column;
        this.weekdayOne = one;
        return this;
    }

    /** The first and last day a session applies (either may be null, as may the columns' values). */
    public SlotCalendar<S> effective(Field<LocalDateTime> from, Field<LocalDateTime> to) {
        this.effectiveFrom = from;
        this.effectiveTo = to;
        return this;
    }

    /** Minutes since midnight of a TIME column (fixed SQL around the column, no values): for {@link #minutes}. */
    public static Field<Integer> minutesOfDay(Field<?> time) {
        return DSL.field("DATEDIFF(MINUTE, CAST('00:00:00' AS TIME), {0})", Integer.class, time);
    }

    /** The session's hours and slot length, as minutes (since midnight). */
    public SlotCalendar<S> minutes(Field<Integer> start, Field<Integer> end, Field<Integer> slot) {
        this.startMinute = start;
        this.endMinute = end;
        this.slotMinutes = slot;
        return this;
    }

    /** Sessions whose time cannot be booked (lunch, admin): their slots are busy-unavailable. */
    public SlotCalendar<S> unavailableWhen(Condition condition) {
        this.unavailable = condition;
        return this;
    }

    /** What occupies a schedule's time: the live bookings (appointments and blocks), their day, start and length in minutes. */
    public SlotCalendar<S> bookings(Table<?> table, Condition live, Field<S> schedule, Field<LocalDateTime> day,
                                    Field<Integer> start, Field<Integer> minutes) {
        this.bookings = table;
        this.liveBookings = live;
        this.bookingSchedule = schedule;
        this.bookingDay = day;
        this.bookingStart = start;
        this.bookingMinutes = minutes;
        return this;
    }

    public SlotCalendar<S> engine(Engine spelling) {
        this.engine = spelling;
        return this;
    }

    /** The catalogue the sessions and bookings live in; null for the database's default. */
    public SlotCalendar<S> catalogue(String name) {
        this.catalogue = name;
        return this;
    }

    /** Slot: read by id, search by schedule (and its chains), start, status; {@code _include=Slot:schedule}. */
    public ResourceMapping<Slot, String> mapping(ZoneId zone) {
        Map<String, Condition> statuses = new LinkedHashMap<>();
        for (String code : new String[] {"free", "busy", "busy-unavailable"}) {
            statuses.put(code, SLOT_STATUS_CODE.eq(DSL.inline(code)));
        }
        return ResourceMapping.of(Slot.class, null, SLOT_ID, this::parseId)
                .fromWindow(new DayWindow.Source("start", MAX_DAYS, this::table, this::dayOf),
                        SLOT_ID, slotSchedule, SLOT_START, SLOT_END, SLOT_STATUS_CODE)
                .catalogue(catalogue)
                .search("schedule", Params.reference("Schedule", slotSchedule, parseSchedule))
                .search("start", Params.date(SLOT_START, zone).documented("Required: a bounded range of at most "
                        + MAX_DAYS + " days, e.g. start=ge2026-03-02&start=lt2026-03-09 (or an _id). Slots are "
                        + "generated from the practice's sessions and appointments for those days, not stored."))
                .search("status", Params.token(SLOT_STATUS, statuses))
                .include("schedule")
                .map(row -> slot(row, zone));
    }

    private Slot slot(Row row, ZoneId zone) {
        Slot slot = new Slot();
        slot.setSchedule(new Reference("Schedule/" + row.text(slotSchedule)));
        slot.setStatus(Slot.SlotStatus.fromCode(row.text(SLOT_STATUS_CODE)));
        slot.setStartElement(instant(row.dateTime(SLOT_START), zone));
        slot.setEndElement(instant(row.dateTime(SLOT_END), zone));
        return slot;
    }

    private static InstantType instant(LocalDateTime local, ZoneId zone) {
        return new InstantType(Date.from(local.atZone(zone).toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(zone));
    }

    Optional<String> parseId(String id) {
        return id != null && dayOf(id).isPresent() ? Optional.of(id) : Optional.empty();
    }

    /** The day of a well-formed slot id (a real date and time, and a schedule id the Schedule would accept). */
    Optional<LocalDate> dayOf(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || parseSchedule.apply(m.group(1)).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(2), MINUTE).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The slots of the window's days. Day n (0 ≤ n < days) is the window's first day plus n; slot k of a session
     * starts k slot lengths after the session does and must end by the session's end. The weekday of day n is
     * computed from the first day's (bound), so no engine date-part setting (SQL Server's DATEFIRST) matters.
     */
    Table<?> table(DayWindow window) {
        Field<Integer> day = digit("HALO_D1", 4).mul(DSL.inline(10)).plus(digit("HALO_D0", 10));
        Field<Integer> k = digit("HALO_K2", 3).mul(DSL.inline(100)).plus(digit("HALO_K1", 10).mul(DSL.inline(10)))
                .plus(digit("HALO_K0", 10));
        // the bound first day is cast so that engines typing parameters at prepare time (H2) know it is a date and time
        Field<LocalDateTime> dayDate = DSL.field("DATEADD(DAY, {0}, CAST({1} AS "
                + (engine == Engine.SQL_SERVER ? "DATETIME" : "TIMESTAMP") + "))", LocalDateTime.class, day,
                DSL.val(window.first().atStartOfDay()));
        int shift = Math.floorMod(window.first().getDayOfWeek().getValue() - weekdayOne.getValue(), 7);
        Field<Integer> shifted = day.plus(DSL.val(shift));
        Field<Integer> weekdayOfDay = shifted.minus(shifted.div(DSL.inline(7)).mul(DSL.inline(7))).plus(DSL.inline(1));
        Condition applies = liveSessions.and(day.lt(DSL.val(window.days()))).and(weekday.eq(weekdayOfDay))
                .and(startMinute.plus(k.plus(DSL.inline(1)).mul(slotMinutes)).le(endMinute));
        if (effectiveFrom != null) {
            applies = applies.and(effectiveFrom.isNull().or(effectiveFrom.le(dayDate)));
        }
        if (effectiveTo != null) {
            applies = applies.and(effectiveTo.isNull().or(effectiveTo.ge(dayDate)));
        }
        Table<?> cal = DSL.select(sessionSchedule.as("SCHEDULEID"), dayDate.as("DAYDATE"),
                        startMinute.plus(k.mul(slotMinutes)).as("SLOTMINUTE"), slotMinutes.as("SLOTLENGTH"),
                        (unavailable == null ? DSL.inline(1) : DSL.when(unavailable, DSL.inline(0)).otherwise(DSL.inline(1)))
                                .as("BOOKABLE"))
                .from(sessions)
                .crossJoin(digits("HALO_D1", 4)).crossJoin(digits("HALO_D0", 10))
                .crossJoin(digits("HALO_K2", 3)).crossJoin(digits("HALO_K1", 10)).crossJoin(digits("HALO_K0", 10))
                .where(applies)
                .asTable(CAL);

        Field<S> schedule = DSL.field(DSL.name(CAL, "SCHEDULEID"), scheduleType);
        Field<LocalDateTime> date = DSL.field(DSL.name(CAL, "DAYDATE"), LocalDateTime.class);
        Field<Integer> minute = DSL.field(DSL.name(CAL, "SLOTMINUTE"), Integer.class);
        Field<Integer> length = DSL.field(DSL.name(CAL, "SLOTLENGTH"), Integer.class);
        Field<Integer> bookable = DSL.field(DSL.name(CAL, "BOOKABLE"), Integer.class);

        Field<Integer> ymd = datePart("YEAR", date).mul(DSL.inline(10000))
                .plus(datePart("MONTH", date).mul(DSL.inline(100)))
                .plus(datePart("DAY", date));
        Field<Integer> hour = minute.div(DSL.inline(60));
        // 1hhmm as text, its last four digits: hhmm zero-padded without an engine-specific format function
        Field<Integer> hhmm = DSL.inline(10000).plus(hour.mul(DSL.inline(100))).plus(minute.minus(hour.mul(DSL.inline(60))));
        Field<String> id = join(schedule.cast(SQLDataType.VARCHAR(20)), DSL.inline("-"), ymd.cast(SQLDataType.VARCHAR(8)),
                DSL.field("RIGHT({0}, 4)", String.class, hhmm.cast(SQLDataType.VARCHAR(5))));

        Condition overlaps = liveBookings.and(bookingSchedule.eq(schedule)).and(bookingDay.eq(date))
                .and(bookingStart.lt(minute.plus(length))).and(bookingStart.plus(bookingMinutes).gt(minute));
        Field<String> status = DSL.when(bookable.eq(DSL.inline(0)), DSL.inline("busy-unavailable"))
                .when(DSL.exists(DSL.selectOne().from(bookings).where(overlaps)), DSL.inline("busy"))
                .otherwise(DSL.inline("free"));

        return DSL.select(id.as("SLOTID"), schedule.as("SCHEDULEID"),
                        DSL.field("DATEADD(MINUTE, {0}, {1})", LocalDateTime.class, minute, date).as("SLOTSTART"),
                        DSL.field("DATEADD(MINUTE, {0}, {1})", LocalDateTime.class, minute.plus(length), date).as("SLOTEND"),
                        status.as("SLOTSTATUS"))
                .from(cal)
                .asTable(SLOT);
    }

    private Field<String> join(Field<?>... parts) {
        boolean function = engine == Engine.SQL_SERVER;
        StringBuilder template = new StringBuilder(function ? "CONCAT(" : "(");
        for (int i = 0; i < parts.length; i++) {
            template.append(i == 0 ? "" : function ? ", " : " || ").append('{').append(i).append('}');
        }
        return DSL.field(template.append(')').toString(), String.class, (Object[]) parts);
    }

    /** A part ({@code YEAR}, {@code MONTH}, {@code DAY}) of a date: Firebird has only {@code EXTRACT}. */
    private Field<Integer> datePart(String part, Field<LocalDateTime> date) {
        return engine == Engine.FIREBIRD
                ? DSL.field("EXTRACT(" + part + " FROM {0})", Integer.class, date)
                : DSL.field(part + "({0})", Integer.class, date);
    }

    /**
     * The digits 0..n-1 as a derived table {@code alias(N)}: a {@code VALUES} table, or on Firebird, which has
     * none, one-row selects from its system table {@code RDB$DATABASE} joined by {@code UNION ALL}.
     */
    private Table<?> digits(String alias, int n) {
        if (engine == Engine.FIREBIRD) {
            org.jooq.Select<org.jooq.Record1<Integer>> union = null;
            for (int i = 0; i < n; i++) {
                org.jooq.Select<org.jooq.Record1<Integer>> one = DSL.select(DSL.inline(i).as("N"))
                        .from(DSL.table(DSL.name("RDB$DATABASE")));
                union = union == null ? one : union.unionAll(one);
            }
            return DSL.table(union).as(alias);
        }
        @SuppressWarnings("unchecked")
        org.jooq.Row1<Integer>[] rows = new org.jooq.Row1[n];
        for (int i = 0; i < n; i++) {
            rows[i] = DSL.row(DSL.inline(i));
        }
        return DSL.values(rows).as(alias, "N");
    }

    private static Field<Integer> digit(String alias, int n) {
        return DSL.field(DSL.name(alias, "N"), Integer.class);
    }
}
