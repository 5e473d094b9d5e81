package org.halocloud.mappings.fhir;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Table;

/**
 * A range of practice-local days {@code [first, end)}: what a computed resource (a calendar of slots) is generated
 * for. The calendar is built in SQL for exactly these days, so its size stays bounded whatever the search.
 */
public record DayWindow(LocalDate first, LocalDate end) {

    public int days() {
        return (int) Math.max(0, ChronoUnit.DAYS.between(first, end));
    }

    /**
     * Where a windowed mapping's rows come from: a table built for the window, the date parameter that bounds it and
     * how far it may reach, and the day a resource id falls on (a read by id is a window of one day).
     */
    public record Source(String parameter, int maxDays, Function<DayWindow, Table<?>> table,
                         Function<String, Optional<LocalDate>> dayOf) {

        Table<?> table(DayWindow window) {
            return table.apply(window);
        }

        /**
         * The days the search's {@code parameter} (and {@code _id}) occurrences bound: each occurrence (its values
         * ORed) spans the hull of its values; occurrences are ANDed, so the window is their intersection. A search
         * bounded on both sides within {@code maxDays} is answered; anything else is refused, since the calendar is
         * generated, not read.
         */
        DayWindow window(List<List<String>> parameters, ZoneId zone) {
            LocalDateTime lower = null;
            LocalDateTime upper = null;
            boolean bounded = false;
            for (List<String> p : parameters) {
                String name = p.get(0);
                String value = p.get(1);
                if (value == null || value.isEmpty() || !(name.equals(parameter) || name.equals("_id"))) {
                    continue;
                }
                LocalDateTime low = LocalDateTime.MAX;
                LocalDateTime high = LocalDateTime.MIN;
                for (String v : value.split(",")) {
                    LocalDateTime l;
                    LocalDateTime h;
                    if (name.equals("_id")) {
                        Optional<LocalDate> day = dayOf.apply(v.trim());
                        if (day.isEmpty()) {
                            continue; // matches nothing: does not widen the window
                        }
                        l = day.get().atStartOfDay();
                        h = l.plusDays(1);
                    } else {
                        Params.DateBounds b = Params.dateBounds(v, zone);
                        l = b.lowest();
                        h = b.before();
                    }
                    low = l == null || low == null ? null : l.isBefore(low) ? l : low;
                    high = h == null || high == null ? null : h.isAfter(high) ? h : high;
                }
                if (low == LocalDateTime.MAX) {
                    return new DayWindow(LocalDate.EPOCH, LocalDate.EPOCH); // only malformed ids: nothing matches
                }
                if (low != null) {
                    lower = lower == null || low.isAfter(lower) ? low : lower;
                }
                if (high != null) {
                    upper = upper == null || high.isBefore(upper) ? high : upper;
                }
                bounded = true;
            }
            if (!bounded || lower == null || upper == null) {
                throw new InvalidSearch("needs a bounded '" + parameter + "' range, e.g. " + parameter + "=ge2026-03-02&"
                        + parameter + "=lt2026-03-09 (at most " + maxDays + " days): slots are generated from the "
                        + "practice's sessions, not stored");
            }
            LocalDate first = lower.toLocalDate();
            LocalDate end = upper.minusNanos(1).toLocalDate().plusDays(1);
            DayWindow window = new DayWindow(first, end.isBefore(first) ? first : end);
            if (window.days() > maxDays) {
                throw new InvalidSearch("'" + parameter + "' may span at most " + maxDays + " days (asked: "
                        + window.days() + ")");
            }
            return window;
        }
    }
}
