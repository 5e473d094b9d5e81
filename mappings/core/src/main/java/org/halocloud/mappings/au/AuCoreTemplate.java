package org.halocloud.mappings.au;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.halocloud.mappings.fhir.CodeTable;
import org.halocloud.mappings.fhir.Elements;
import org.halocloud.mappings.fhir.MappedElement;
import org.halocloud.mappings.fhir.Params;
import org.halocloud.mappings.fhir.Ref;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.mappings.fhir.SearchParameter;
import org.halocloud.mappings.fhir.write.ColumnValues;
import org.halocloud.mappings.fhir.write.WritePath;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What every AU Core template shares: a vendor declares "element ← column (+ code table)" once, and the template
 * derives the select list (every declared column, the key first), the search parameters AU Core asks of the
 * resource, the row mapper, and {@link ResourceMapping#elements()} (the same declarations read backwards, for
 * writes). A vendor's extras are a hook that runs after the template has filled the resource, with the columns it
 * reads and any parameters of its own.
 *
 * @param <R> the resource
 * @param <K> the key's type (the resource id)
 * @param <T> the template itself (so its declarations chain)
 */
public abstract class AuCoreTemplate<R extends DomainResource, K, T extends AuCoreTemplate<R, K, T>> {

    /** A contact point the PMS holds in one column. */
    public record Telecom(ContactPoint.ContactPointSystem system, ContactPoint.ContactPointUse use, Field<String> column) {
    }

    /** An Australian address in its PMS columns; {@code line2} and {@code state} may be null. */
    public record AddressColumns(Field<String> line1, Field<String> line2, Field<String> city, Field<String> state,
                                 Field<String> postcode) {
        List<Field<?>> all() {
            List<Field<?>> all = new ArrayList<>();
            for (Field<String> f : java.util.Arrays.asList(line1, line2, city, state, postcode)) {
                if (f != null) {
                    all.add(f);
                }
            }
            return all;
        }
    }

    private final Class<R> type;
    private final String profile;
    private final Field<K> key;
    private final Function<String, Optional<K>> parseKey;
    private Table<?> from;
    private Condition where = DSL.noCondition();
    private String catalogue;
    protected Params.Collation collation = Params.Collation.UNKNOWN;
    protected ZoneId zone = ZoneId.of("Australia/Sydney");

    protected final List<AuIdentifier> identifiers = new ArrayList<>();
    protected Field<String> family;
    protected final List<Field<String>> given = new ArrayList<>();
    protected Field<String> middle;
    protected Field<String> prefix;
    protected Field<String> preferred;
    protected HumanName.NameUse nameUse = HumanName.NameUse.OFFICIAL;
    protected final List<Telecom> telecom = new ArrayList<>();
    protected AddressColumns address;
    protected CodeTable<?, Boolean> active;
    protected Boolean alwaysActive;

    private final List<MappedElement> elements = new ArrayList<>();
    private final List<Field<?>> extraColumns = new ArrayList<>();
    private final List<BiConsumer<Row, R>> extras = new ArrayList<>();
    private final Map<String, SearchParameter> extraSearch = new LinkedHashMap<>();
    private final Set<String> omitted = new LinkedHashSet<>();
    private final List<String> includes = new ArrayList<>();
    private ResourceMapping<R, K> mapping;
    private Field<java.time.LocalDateTime> version;
    private WritePath writePath;

    protected AuCoreTemplate(Class<R> type, String profile, Field<K> key, Function<String, Optional<K>> parseKey) {
        this.type = type;
        this.profile = profile;
        this.key = key;
        this.parseKey = parseKey;
    }

    @SuppressWarnings("unchecked")
    protected final T self() {
        return (T) this;
    }

    // ------------------------------------------------------------------ where the rows are

    public T from(Table<?> table) {
        this.from = table;
        return self();
    }

    /** What every query filters on (live records, no pseudo-rows). */
    public T where(Condition condition) {
        this.where = condition;
        return self();
    }

    public T catalogue(String name) {
        this.catalogue = name;
        return self();
    }

    /** How the PMS compares text (string searches follow it: see {@link Params#string(Params.Collation, Field[])}). */
    public T collation(Params.Collation collation) {
        this.collation = collation;
        return self();
    }

    /** The zone the PMS records local times in (date searches); Australia/Sydney unless declared. */
    public T zone(ZoneId zone) {
        this.zone = zone;
        return self();
    }

    // ------------------------------------------------------------------ elements every person or place has

    /** The identifiers, rendered in this order and each searched under its system. */
    public T identifiers(AuIdentifier... declared) {
        for (AuIdentifier id : declared) {
            identifiers.add(id);
            declare(id.element(resourceName()));
        }
        return self();
    }

    /** {@code name.family} ← column; searched by {@code family} and {@code name}. */
    public T family(Field<String> column) {
        this.family = column;
        declare(MappedElement.of(resourceName() + ".name.family", column));
        return self();
    }

    /** {@code name.given} ← columns, in order (first name, middle name); searched by {@code given} and {@code name}. */
    @SafeVarargs
    public final T given(Field<String>... columns) {
        given.addAll(List.of(columns));
        declare(MappedElement.of(resourceName() + ".name.given", columns));
        return self();
    }

    /**
     * A middle name the PMS keeps apart: rendered as the last {@code name.given}, searched by {@code name} but not
     * by {@code given} (Bp Premier's choice).
     */
    public T middleName(Field<String> column) {
        this.middle = column;
        declare(new MappedElement(resourceName() + ".name.given", "middle", List.of(column), null));
        return self();
    }

    /**
     * The name the person goes by: a second, {@code usual} name with this given name and the official family name;
     * searched by {@code given} and {@code name}.
     */
    public T preferred(Field<String> column) {
        this.preferred = column;
        declare(new MappedElement(resourceName() + ".name.given", "usual", List.of(column), null));
        return self();
    }

    /** {@code name.prefix} ← column (a title); not searched. */
    public T prefix(Field<String> column) {
        this.prefix = column;
        declare(MappedElement.of(resourceName() + ".name.prefix", column));
        return self();
    }

    /** The {@code use} of the official name; null to render the name without one. */
    public T nameUse(HumanName.NameUse use) {
        this.nameUse = use;
        return self();
    }

    /** A contact point ← column (rendered in declaration order when the row holds it). */
    public T telecom(ContactPoint.ContactPointSystem system, ContactPoint.ContactPointUse use, Field<String> column) {
        telecom.add(new Telecom(system, use, column));
        declare(new MappedElement(resourceName() + ".telecom", system.toCode() + "|" + use.toCode(), List.of(column), null));
        return self();
    }

    public T phone(ContactPoint.ContactPointUse use, Field<String> column) {
        return telecom(ContactPoint.ContactPointSystem.PHONE, use, column);
    }

    public T email(ContactPoint.ContactPointUse use, Field<String> column) {
        return telecom(ContactPoint.ContactPointSystem.EMAIL, use, column);
    }

    /** An Australian address ← its columns ({@code line2}, {@code state} may be null). */
    public T address(Field<String> line1, Field<String> line2, Field<String> city, Field<String> state,
                     Field<String> postcode) {
        this.address = new AddressColumns(line1, line2, city, state, postcode);
        List<Field<?>> all = address.all();
        declare(new MappedElement(resourceName() + ".address", null, all, null));
        return self();
    }

    /** {@code active} ← a column through its code table (stored value → true/false). */
    public T active(CodeTable<?, Boolean> codes) {
        this.active = codes;
        declare(MappedElement.coded(resourceName() + ".active", codes));
        return self();
    }

    /** {@code active} is always true: the PMS serves only live records of this kind and keeps no flag. */
    public T alwaysActive() {
        this.alwaysActive = true;
        return self();
    }

    /** The row's {@code active}; null when none is declared or the code table gives none. */
    protected final Boolean renderActive(Row r) {
        return active != null ? active.decode(r) : alwaysActive;
    }

    /** Hands the row's {@code active} to {@code to}, when it has one. */
    protected final void active(Row r, java.util.function.Consumer<Boolean> to) {
        Boolean isActive = renderActive(r);
        if (isActive != null) {
            to.accept(isActive);
        }
    }

    // ------------------------------------------------------------------ versions and writes

    /** The rows' version stamp (see {@link ResourceMapping.Builder#version}), in the template's zone. */
    public T version(Field<java.time.LocalDateTime> stamp) {
        this.version = stamp;
        return self();
    }

    /** Makes the resource writable through the vendor's path; the template reads it backwards into its columns. */
    public T writtenBy(WritePath path) {
        this.writePath = path;
        return self();
    }

    /** The resource read backwards into the declared columns; null when the template cannot be written. */
    protected ColumnValues columnsOf(R resource) {
        return null;
    }

    // ------------------------------------------------------------------ the vendor's extras

    /** A vendor's own elements: {@code hook} runs after the template has filled the resource; it reads {@code columns}. */
    public T extras(BiConsumer<Row, R> hook, Field<?>... columns) {
        extras.add(hook);
        extraColumns.addAll(List.of(columns));
        return self();
    }

    /** A search parameter of the vendor's own (after the template's). */
    public T search(String name, SearchParameter parameter) {
        extraSearch.put(name, parameter);
        return self();
    }

    /** Parameters the template would derive that this PMS does not answer. */
    public T without(String... parameters) {
        omitted.addAll(List.of(parameters));
        return self();
    }

    /** Declares {@code _include=<type>:<parameter>} for a reference parameter the template derives. */
    public T include(String parameter) {
        includes.add(parameter);
        return self();
    }

    // ------------------------------------------------------------------ what the template derives

    /** Records an element the template's own declarations fill (for the select list and writes). */
    protected final void declare(MappedElement element) {
        elements.add(element);
    }

    protected final String resourceName() {
        return type.getSimpleName();
    }

    /** The template's own search parameters, in the order /metadata lists them. */
    protected abstract Map<String, SearchParameter> searches();

    /** Fills a new resource from the row: the template's elements, before the vendor's extras. */
    protected abstract R render(Row row);

    /** Every declared element with its columns, in declaration order. */
    public List<MappedElement> elements() {
        return List.copyOf(elements);
    }

    /** The select list: the key, then every declared element's columns and the extras', each once. */
    public List<Field<?>> columns() {
        List<Field<?>> columns = new ArrayList<>();
        columns.add(key);
        for (MappedElement e : elements) {
            for (Field<?> f : e.columns()) {
                add(columns, f);
            }
        }
        extraColumns.forEach(f -> add(columns, f));
        return columns;
    }

    private static void add(List<Field<?>> columns, Field<?> f) {
        if (columns.stream().noneMatch(c -> c.getName().equalsIgnoreCase(f.getName()) && c.equals(f))) {
            columns.add(f);
        }
    }

    /** The mapping the declarations make (built once). */
    public final synchronized ResourceMapping<R, K> mapping() {
        if (mapping == null) {
            Map<String, SearchParameter> search = new LinkedHashMap<>(searches());
            search.putAll(extraSearch);
            search.keySet().removeAll(omitted);
            ResourceMapping.Builder<R, K> b = ResourceMapping.of(type, profile, key, parseKey)
                    .from(from, columns().toArray(Field[]::new))
                    .where(where)
                    .elements(elements);
            if (catalogue != null) {
                b.catalogue(catalogue);
            }
            search.forEach(b::search);
            includes.forEach(b::include);
            if (version != null) {
                b.version(version, zone);
            }
            if (writePath != null) {
                b.writes(this::columnsOf, writePath);
            }
            mapping = b.map(row -> {
                R resource = render(row);
                extras.forEach(hook -> hook.accept(row, resource));
                return resource;
            });
        }
        return mapping;
    }

    // ------------------------------------------------------------------ shared rendering and searches

    /** Puts the parameter derived from a declaration, when it was declared (not null, not an empty list). */
    protected static void derive(Map<String, SearchParameter> search, String name, Object declared,
                                 java.util.function.Supplier<SearchParameter> parameter) {
        if (declared != null && !(declared instanceof java.util.Collection<?> c && c.isEmpty())) {
            search.put(name, parameter.get());
        }
    }

    /** A reference's element: {@code path} in its id column (read with its display's), qualified by the target type. */
    protected static MappedElement referenced(Ref<?> ref, String path) {
        return new MappedElement(path, ref.type(), ref.columns(), null);
    }

    /** Hands the row's reference to {@code to} when the reference is declared and the row holds one. */
    protected static void reference(Ref<?> ref, Row r, java.util.function.Consumer<org.hl7.fhir.r4.model.Reference> to) {
        org.hl7.fhir.r4.model.Reference held = ref == null ? null : ref.render(r);
        if (held != null) {
            to.accept(held);
        }
    }

    /** FHIR string search over columns, under the PMS's collation. */
    @SafeVarargs
    protected final SearchParameter string(Field<String>... columns) {
        return Params.string(collation, columns);
    }

    /** {@code identifier}: each declared identifier under its system; a medical record number by the HPI-O. */
    protected final SearchParameter identifierParameter() {
        Map<String, Function<String, Condition>> bySystem = new LinkedHashMap<>();
        AuIdentifier record = null;
        for (AuIdentifier id : identifiers) {
            if (id.isMedicalRecordNumber()) {
                record = id;
            } else {
                bySystem.merge(id.system(), id::search, (a, b) -> v -> a.apply(v).or(b.apply(v)));
            }
        }
        return record == null ? Params.identifier(bySystem)
                : Params.identifier(bySystem, record.hpioColumn(), record.recordNumberColumn());
    }

    /** The row's identifiers in declaration order. */
    protected final List<Identifier> renderIdentifiers(Row r) {
        List<Identifier> all = new ArrayList<>();
        for (AuIdentifier id : identifiers) {
            Identifier one = id.render(r);
            if (one != null) {
                all.add(one);
            }
        }
        return all;
    }

    /** The official name: family, given (and middle) names, prefix. */
    protected final HumanName renderName(Row r) {
        HumanName name = new HumanName().setFamily(family == null ? null : r.text(family));
        if (nameUse != null) {
            name.setUse(nameUse);
        }
        for (Field<String> g : given) {
            if (r.text(g) != null) {
                name.addGiven(r.text(g));
            }
        }
        if (middle != null && r.text(middle) != null) {
            name.addGiven(r.text(middle));
        }
        if (prefix != null && r.text(prefix) != null) {
            name.addPrefix(r.text(prefix));
        }
        return name;
    }

    /** The usual name when the row holds a preferred given name; null otherwise. */
    protected final HumanName renderUsualName(Row r) {
        if (preferred == null || r.text(preferred) == null) {
            return null;
        }
        return new HumanName().setUse(HumanName.NameUse.USUAL).addGiven(r.text(preferred))
                .setFamily(family == null ? null : r.text(family));
    }

    /** The row's contact points in declaration order. */
    protected final List<ContactPoint> renderTelecom(Row r) {
        List<ContactPoint> all = new ArrayList<>();
        for (Telecom t : telecom) {
            Elements.contact(all, t.system(), r.text(t.column()), t.use());
        }
        return all;
    }

    /** The row's address (with {@code use}); null when it holds no street, suburb or postcode. */
    protected final Address renderAddress(Row r, Address.AddressUse use) {
        if (address == null) {
            return null;
        }
        Address a = Elements.australianAddress(r.text(address.line1()), text(r, address.line2()), r.text(address.city()),
                text(r, address.state()), text(r, address.postcode()));
        return a == null ? null : a.setUse(use);
    }

    protected static String text(Row r, Field<?> column) {
        return column == null ? null : r.text(column);
    }

    /** The columns of the name searches: family, given (+ preferred), and every name part. */
    protected final List<Field<String>> givenSearched() {
        List<Field<String>> all = new ArrayList<>(given);
        if (preferred != null) {
            all.add(preferred);
        }
        return all;
    }

    protected final List<Field<String>> nameSearched() {
        List<Field<String>> all = new ArrayList<>();
        if (family != null) {
            all.add(family);
        }
        all.addAll(given);
        if (middle != null) {
            all.add(middle);
        }
        if (preferred != null) {
            all.add(preferred);
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    protected final SearchParameter string(List<Field<String>> columns) {
        return Params.string(collation, columns.toArray(Field[]::new));
    }
}
