package org.halocloud.mappings.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;
import org.halocloud.mappings.fhir.write.BookingPath;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.halocloud.mappings.fhir.write.Versions;
import org.halocloud.mappings.fhir.write.WritePath;
import org.halocloud.mappings.fhir.write.Writes;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * How one FHIR resource type is read from one PMS: where its rows come from, its key (the resource id and the
 * paging order), the search parameters it answers, and the row mapper. Read like a table: "parameter → condition"
 * and "FHIR element ← column".
 */
public final class ResourceMapping<R extends Resource, K> {

    private final Class<R> type;
    private final String profile;
    private final Table<?> from;
    private final Field<K> key;
    private final Function<String, Optional<K>> parseKey;
    private final List<Field<?>> columns;
    private final Condition where;
    private final String catalogue;
    private final Map<String, SearchParameter> search;
    private final List<String> includes;
    private final List<String> containedIncludes;
    private final List<String> otherProfiles;
    private final Function<Row, R> mapper;
    private final DayWindow.Source window;
    private final List<MappedElement> elements;
    private final Field<java.time.LocalDateTime> version;
    private final java.time.ZoneId zone;
    private final Writes<R> writes;
    private final BookingPath bookings;

    private ResourceMapping(Builder<R, K> b) {
        this.type = b.type;
        this.profile = b.profile;
        this.from = b.from;
        this.key = b.key;
        this.parseKey = b.parseKey;
        this.columns = List.copyOf(b.columns);
        this.where = b.where;
        this.catalogue = b.catalogue;
        this.search = Collections.unmodifiableMap(new LinkedHashMap<>(b.search));
        this.includes = List.copyOf(b.includes);
        this.containedIncludes = List.copyOf(b.containedIncludes);
        this.otherProfiles = List.copyOf(b.otherProfiles);
        this.mapper = b.mapper;
        this.window = b.window;
        this.elements = List.copyOf(b.elements);
        this.version = b.version;
        this.zone = b.zone;
        this.writes = b.writes;
        this.bookings = b.bookings;
    }

    public static <R extends Resource, K> Builder<R, K> of(Class<R> type, String profile, Field<K> key,
                                                          Function<String, Optional<K>> parseKey) {
        return new Builder<>(type, profile, key, parseKey);
    }

    public Class<R> type() {
        return type;
    }

    public String resourceName() {
        return type.getSimpleName();
    }

    /** The profile every resource of this mapping claims; null when the mapper chooses one per row. */
    public String profile() {
        return profile;
    }

    /** Every profile this mapping's resources may claim (declared in /metadata as supportedProfile). */
    public List<String> supportedProfiles() {
        List<String> all = new ArrayList<>();
        if (profile != null) {
            all.add(profile);
        }
        all.addAll(otherProfiles);
        return all;
    }

    /** The rows' table; a {@link #windowed()} mapping has none of its own (see {@link #from(DayWindow)}). */
    public Table<?> from() {
        if (window != null) {
            throw new IllegalStateException(resourceName() + " is computed per day window: use from(DayWindow)");
        }
        return from;
    }

    /**
     * True when the rows are computed for a bounded range of practice-local days (a calendar of slots) instead of
     * read from a table: every query then needs its {@link DayWindow}.
     */
    public boolean windowed() {
        return window != null;
    }

    /** The rows of a windowed mapping for the given days. */
    public Table<?> from(DayWindow days) {
        return window == null ? from : window.table(days);
    }

    /**
     * The days a windowed search covers, from the values of its parameters' occurrences (see
     * {@link DayWindow.Source#window}); refused (InvalidSearch) when unbounded or too long.
     */
    public DayWindow window(Function<String, List<List<String>>> occurrences, java.time.ZoneId zone) {
        return window.window(occurrences, zone);
    }

    /** The day a windowed mapping's resource id falls on, if the id is well-formed. */
    public Optional<DayWindow> windowOf(String id) {
        return window.dayOf().apply(id).map(d -> new DayWindow(d, d.plusDays(1)));
    }

    public Field<K> key() {
        return key;
    }

    public Optional<K> parseKey(String id) {
        return parseKey.apply(id);
    }

    /** The selected columns, the key first. */
    public List<Field<?>> columns() {
        return columns;
    }

    /** What every query of this resource filters on (live records, no pseudo-rows). */
    public Condition where() {
        return where;
    }

    /** The catalogue to query; null for the database's default. */
    public String catalogue() {
        return catalogue;
    }

    public Map<String, SearchParameter> search() {
        return search;
    }

    /**
     * The {@code _include} values this resource answers, e.g. {@code PractitionerRole:practitioner}: each names one
     * of its reference search parameters; the referenced resources come back as include entries. Also those whose
     * target every resource carries contained ({@link #containedIncludes()}).
     */
    public List<String> includes() {
        List<String> all = new ArrayList<>(includes);
        all.addAll(containedIncludes);
        return all;
    }

    /**
     * The {@code _include} values answered by the resource itself: its target is contained in it (e.g. AU Core's
     * {@code MedicationRequest:medication} when the Medication is contained), so the include adds no entries.
     */
    public List<String> containedIncludes() {
        return containedIncludes;
    }

    /**
     * The FHIR elements this mapping declares with the columns that hold them (and their code tables), for reading
     * them backwards; empty for a mapping written as a plain row mapper.
     */
    public List<MappedElement> elements() {
        return elements;
    }

    /** The column the rows' version is derived from (see {@link Versions}); null when the PMS stamps none. */
    public Field<java.time.LocalDateTime> version() {
        return version;
    }

    /** How this PMS creates and updates the resource; empty when it does not (read-only). */
    public Optional<Writes<R>> writes() {
        return Optional.ofNullable(writes);
    }

    /** How this PMS books and cancels (an Appointment mapping); empty when it takes no bookings. */
    public Optional<BookingPath> bookings() {
        return Optional.ofNullable(bookings);
    }

    /**
     * Maps a row to the profiled resource, with its id, {@code meta.profile} (unless the mapper chose one) and, where
     * the row carries a version stamp, {@code meta.versionId} and {@code meta.lastUpdated}.
     */
    public R map(Row row) {
        R resource = mapper.apply(row);
        resource.setId(type.getSimpleName() + "/" + row.text(key));
        if (version != null) {
            java.time.LocalDateTime stamp = row.dateTime(version);
            resource.getMeta().setVersionId(Versions.id(stamp));
            if (stamp != null) {
                resource.getMeta().setLastUpdated(java.util.Date.from(stamp.atZone(zone).toInstant()));
            }
        }
        if (profile != null && resource.getMeta().getProfile().isEmpty()) {
            resource.getMeta().addProfile(profile);
        }
        return resource;
    }

    public static final class Builder<R extends Resource, K> {
        private final Class<R> type;
        private final String profile;
        private final Field<K> key;
        private final Function<String, Optional<K>> parseKey;
        private Table<?> from;
        private final List<Field<?>> columns = new ArrayList<>();
        private Condition where = DSL.noCondition();
        private String catalogue;
        private final Map<String, SearchParameter> search = new LinkedHashMap<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> containedIncludes = new ArrayList<>();
        private final List<String> otherProfiles = new ArrayList<>();
        private Function<Row, R> mapper;
        private DayWindow.Source window;
        private final List<MappedElement> elements = new ArrayList<>();
        private final List<MappedBlock<? super R>> blocks = new ArrayList<>();
        private Field<java.time.LocalDateTime> version;
        private java.time.ZoneId zone;
        private Writes<R> writes;
        private BookingPath bookings;

        private Builder(Class<R> type, String profile, Field<K> key, Function<String, Optional<K>> parseKey) {
            this.type = type;
            this.profile = profile;
            this.key = key;
            this.parseKey = parseKey;
            this.columns.add(key);
            this.search.put("_id", Params.id(key, parseKey));
        }

        public Builder<R, K> from(Table<?> table, Field<?>... selected) {
            this.from = table;
            for (Field<?> f : selected) {
                if (!f.getName().equalsIgnoreCase(key.getName())) {
                    columns.add(f);
                }
            }
            return this;
        }

        /** Rows computed per request for a bounded day window (see {@link DayWindow.Source}) instead of a table. */
        public Builder<R, K> fromWindow(DayWindow.Source source, Field<?>... selected) {
            this.window = source;
            this.from = DSL.table(DSL.name("WINDOWED")); // placeholder: never queried
            for (Field<?> f : selected) {
                if (!f.getName().equalsIgnoreCase(key.getName())) {
                    columns.add(f);
                }
            }
            return this;
        }

        public Builder<R, K> where(Condition condition) {
            this.where = condition;
            return this;
        }

        public Builder<R, K> catalogue(String name) {
            this.catalogue = name;
            return this;
        }

        public Builder<R, K> search(String name, SearchParameter parameter) {
            search.put(name, parameter);
            return this;
        }

        /** Profiles the mapper sets per row (e.g. each vital sign's), declared beside the mapping's own. */
        public Builder<R, K> supports(String... profiles) {
            otherProfiles.addAll(List.of(profiles));
            return this;
        }

        /** Declares {@code _include=<this type>:<parameter>} for a reference parameter already declared. */
        public Builder<R, K> include(String parameter) {
            SearchParameter p = search.get(parameter);
            if (p == null || p.targets().isEmpty()) {
                throw new IllegalStateException(type.getSimpleName() + ": _include needs a reference parameter '" + parameter + "'");
            }
            includes.add(type.getSimpleName() + ":" + parameter);
            return this;
        }

        /**
         * Declares {@code _include=<this type>:<element>} for a reference every mapped resource resolves to a
         * contained resource: accepted (AU Core asks for it) and answered by the resource itself.
         */
        public Builder<R, K> includeContained(String element) {
            containedIncludes.add(type.getSimpleName() + ":" + element);
            return this;
        }

        /**
         * The rows' version stamp (a last-modified column, or an expression falling back to the created one) in
         * the PMS's zone: selected with the row, rendered as {@code meta.versionId} and {@code meta.lastUpdated}.
         */
        public Builder<R, K> version(Field<java.time.LocalDateTime> stamp, java.time.ZoneId zone) {
            this.version = stamp;
            this.zone = zone;
            if (columns.stream().noneMatch(c -> c.equals(stamp))) {
                columns.add(stamp);
            }
            return this;
        }

        /** Makes the resource writable: {@code columns} reads it backwards, {@code path} writes the row. */
        public Builder<R, K> writes(java.util.function.Function<R, ColumnValues> columns, WritePath path) {
            this.writes = new Writes<>(type, columns, path);
            return this;
        }

        /** Appointments are booked and cancelled through {@code path} (the mapping's rows then read them back). */
        public Builder<R, K> books(BookingPath path) {
            this.bookings = path;
            return this;
        }

        /** The elements the row mapper fills, with their columns (see {@link ResourceMapping#elements()}). */
        public Builder<R, K> elements(List<MappedElement> declared) {
            elements.addAll(declared);
            return this;
        }

        /**
         * A block the SPI declares (e.g. an Appointment's actors): its columns join the select list, its searches
         * and includes the mapping's, and it renders after the row mapper.
         */
        public Builder<R, K> with(MappedBlock<? super R> block) {
            for (Field<?> f : block.columns()) {
                if (columns.stream().noneMatch(c -> c.equals(f))) {
                    columns.add(f);
                }
            }
            block.searches().forEach(this::search);
            block.includes().forEach(this::include);
            elements.addAll(block.elements());
            blocks.add(block);
            return this;
        }

        public ResourceMapping<R, K> map(Function<Row, R> rowMapper) {
            List<MappedBlock<? super R>> rendered = List.copyOf(blocks);
            this.mapper = rendered.isEmpty() ? rowMapper : row -> {
                R resource = rowMapper.apply(row);
                rendered.forEach(b -> b.render(row, resource));
                return resource;
            };
            if (from == null) {
                throw new IllegalStateException(type.getSimpleName() + ": from(...) is required");
            }
            return new ResourceMapping<>(this);
        }
    }
}
