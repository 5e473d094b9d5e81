package org.halocloud.mappings.fhir;

import org.hl7.fhir.r4.model.Reference;
import org.jooq.Field;

/**
 * A reference held as a foreign key, naming the mapping it points to: the target's resource type and how its ids
 * parse come from that mapping, so the rendered reference, the reference search and a chain through it agree.
 *
 * @param target the mapping of the resource referred to
 * @param column the column holding the target's id
 */
public record Ref<K>(ResourceMapping<?, K> target, Field<K> column) {

    public static <K> Ref<K> to(ResourceMapping<?, K> target, Field<K> column) {
        return new Ref<>(target, column);
    }

    /** The target's resource type, e.g. {@code Practitioner}. */
    public String type() {
        return target.resourceName();
    }

    /** The row's reference; null when it holds no id (no value, blank, or a number not above 0: PMSs' "none"). */
    public Reference render(Row row) {
        String id = row.text(column);
        if (id == null || Number.class.isAssignableFrom(column.getType()) && Long.parseLong(id) <= 0) {
            return null;
        }
        return new Reference(type() + "/" + id);
    }

    /** The reference search parameter over the column ({@code patient=123}, {@code Patient/123}, chains). */
    public SearchParameter parameter() {
        return Params.reference(type(), column, target::parseKey);
    }

    /** This reference as one target of a multi-type reference parameter (e.g. Appointment {@code actor}). */
    public Params.Target<K> asTarget() {
        return Params.target(type(), column, target::parseKey);
    }

    /** The element read backwards: {@code path} held in the column, qualified by the target type. */
    public MappedElement element(String path) {
        return new MappedElement(path, type(), java.util.List.of(column), null);
    }
}
