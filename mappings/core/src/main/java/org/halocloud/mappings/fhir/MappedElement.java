package org.halocloud.mappings.fhir;

import java.util.List;
import org.jooq.Field;

/**
 * One FHIR element a mapping declares, read backwards: which columns hold it and, for a coded element, the code
 * table that encodes it — what a FHIR write needs to turn the element into column values.
 *
 * @param path      the element, e.g. {@code Patient.name.family}, {@code Patient.gender}
 * @param qualifier what tells two declarations of one path apart: an identifier's system, a reference's target
 *                  type, a contact point's system and use; null when none
 * @param columns   the columns holding it, in the order the element's parts are read (e.g. Medicare card, IRN)
 * @param codes     the code table a coded element is decoded and encoded with; null when none
 */
public record MappedElement(String path, String qualifier, List<Field<?>> columns, CodeTable<?, ?> codes) {

    public MappedElement {
        columns = List.copyOf(columns);
    }

    public static MappedElement of(String path, Field<?>... columns) {
        return new MappedElement(path, null, List.of(columns), null);
    }

    public static MappedElement coded(String path, CodeTable<?, ?> codes) {
        return new MappedElement(path, null, List.of(codes.column()), codes);
    }
}
