package org.halocloud.mappings.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Reference;
import org.jooq.Field;
import org.jooq.impl.QOM;

/**
 * A reference held as a foreign key, naming the mapping it points to: the target's resource type and how its ids
 * parse come from that mapping, so the rendered reference, the reference search and a chain through it agree.
 * A column selected as an aliased expression (e.g. a sub-select) is searched by the expression itself.
 *
 * @param target  the mapping of the resource referred to
 * @param column  the column holding the target's id
 * @param display columns whose texts, joined by spaces, are the reference's display (none: no display)
 */
public record Ref<K>(ResourceMapping<?, K> target, Field<K> column, List<Field<String>> display) {

    public Ref {
        display = List.copyOf(display);
    }

    public static <K> Ref<K> to(ResourceMapping<?, K> target, Field<K> column) {
        return new Ref<>(target, column, List.of());
    }

    /** This reference with a display: the texts of {@code parts} the row holds, joined by spaces. */
    @SafeVarargs
    public final Ref<K> display(Field<String>... parts) {
        return new Ref<>(target, column, List.of(parts));
    }

    /** The target's resource type, e.g. {@code Practitioner}. */
    public String type() {
        return target.resourceName();
    }

    /** The columns a rendering reads: the id, then the display's. */
    public List<Field<?>> columns() {
        List<Field<?>> all = new ArrayList<>();
        all.add(column);
        all.addAll(display);
        return all;
    }

    /** The row's reference; null when it holds no id (no value, blank, or a number not above 0: PMSs' "none"). */
    public Reference render(Row row) {
        String id = row.text(column);
        if (id == null || Number.class.isAssignableFrom(column.getType()) && Long.parseLong(id) <= 0) {
            return null;
        }
        Reference reference = new Reference(type() + "/" + id);
        if (!display.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Field<String> part : display) {
                if (row.text(part) != null) {
                    parts.add(row.text(part));
                }
            }
            if (!parts.isEmpty()) {
                reference.setDisplay(String.join(" ", parts));
            }
        }
        return reference;
    }

    /**
     * Reads a reference back into its id column: {@code <type>/<id>} with an id the target's mapping accepts; any
     * other reference is refused (a PMS holds only its own records' ids).
     */
    public void write(Reference reference, String element, org.halocloud.mappings.fhir.write.ColumnValues values) {
        String ref = reference.getReference();
        String prefix = type() + "/";
        java.util.Optional<K> key = ref != null && ref.startsWith(prefix) ? target.parseKey(ref.substring(prefix.length()))
                : java.util.Optional.empty();
        if (key.isEmpty()) {
            values.invalid(element + ": '" + (ref == null ? "" : ref) + "' is not a " + type() + " of this site.");
        } else {
            values.set(column, key.get(), element);
        }
    }

    /** The reference search parameter over the column ({@code patient=123}, {@code Patient/123}, chains). */
    public SearchParameter parameter() {
        return Params.reference(type(), searched(), target::parseKey);
    }

    /** This reference as one target of a multi-type reference parameter (e.g. Appointment {@code actor}). */
    public Params.Target<K> asTarget() {
        return Params.target(type(), searched(), target::parseKey);
    }

    /** The element read backwards: {@code path} held in the column, qualified by the target type. */
    public MappedElement element(String path) {
        return new MappedElement(path, type(), List.of(column), null);
    }

    /** The column as a condition names it: an aliased expression by the expression (an alias is for the select). */
    private Field<K> searched() {
        return column instanceof QOM.FieldAlias<K> alias ? alias.$field() : column;
    }
}
