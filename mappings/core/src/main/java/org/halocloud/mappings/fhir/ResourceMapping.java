package org.halocloud.mappings.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;
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

    /** Maps a row to the profiled resource, with its id and {@code meta.profile} (unless the mapper chose one). */
    public R map(Row row) {
        R resource = mapper.apply(row);
        resource.setId(type.getSimpleName() + "/" + row.text(key));
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
