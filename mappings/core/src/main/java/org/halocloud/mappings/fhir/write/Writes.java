package org.halocloud.mappings.fhir.write;

import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;

/**
 * A resource type a PMS can create and update: the mapping's declarations read backwards ({@code columns}) and the
 * vendor's {@link WritePath}.
 */
public record Writes<R extends Resource>(Class<R> type, Function<R, ColumnValues> columns, WritePath path) {

    /** The columns {@code resource} sets (of this type: the caller has checked it). */
    public ColumnValues columnsOf(Resource resource) {
        return columns.apply(type.cast(resource));
    }
}
