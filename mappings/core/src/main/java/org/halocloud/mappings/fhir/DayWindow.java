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
         *
         * @param occurrences a parameter's name → the values of each of its occurrences (unqualified, not empty),
         *                    split on FHIR's unescaped commas
         */
        DayWindow window(Function<String, List<List<String>>> occurrences, ZoneId zone) {
            LocalDateTime lower = null;
            LocalDateTime upper = null;
            boolean bounded = false;
            List<Span> spans = new java.util.ArrayList<>();
            occurrences.apply(parameter).forEach(values -> spans.add(dates(values, zone)));
            occurrences.apply("_id").forEach(values -> spans.add(ids(values)));
            for (Span span : spans) {
                if (span.low() == LocalDateTime.MAX) {
                    return new DayWindow(LocalDate.EPOCH, LocalDate.EPOCH); // only malformed ids: nothing matches
                }
                if (span.low() != null) {
                    lower = lower == null || span.low().isAfter(lower) ? span.low() : lower;
                }
                if (span.high() != null) {
                    upper = upper == null || span.high().isBefore(upper) ? span.high() : upper;
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

        /** The hull of one occurrence's date values; a null end is unbounded on that side. */
        private static Span dates(List<String> values, ZoneId zone) {
            Span span = new Span(LocalDateTime.MAX, LocalDateTime.MIN);
            for (String v : values) {
                Params.DateBounds b = Params.dateBounds(v, zone);
                span = span.widen(b.lowest(), b.before());
            }
            return span;
        }

        /** The hull of the days one occurrence's ids fall on; low stays MAX when none is well-formed. */
        private Span ids(List<String> values) {
            Span span = new Span(LocalDateTime.MAX, LocalDateTime.MIN);
            for (String v : values) {
                Optional<LocalDate> day = dayOf.apply(v.trim());
                if (day.isPresent()) { // a malformed id matches nothing: it does not widen the window
                    span = span.widen(day.get().atStartOfDay(), day.get().plusDays(1).atStartOfDay());
                }
            }
            return span;
        }
    }

    /** The times one occurrence spans: from low, before high; null when unbounded on that side. */
    private record Span(LocalDateTime low, LocalDateTime high) {

        Span widen(LocalDateTime l, LocalDateTime h) {
            return new Span(l == null || low == null ? null : l.isBefore(low) ? l : low,
                    h == null || high == null ? null : h.isAfter(high) ? h : high);
        }
    }
}
