package org.halocloud.mappings.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Field;

/**
 * A group of elements the SPI declares once for every PMS (e.g. an Appointment's actors): the columns it reads,
 * the search parameters and {@code _include}s it answers, its elements read backwards, and its rendering, which
 * runs after the mapping's own row mapper. A mapping takes it with {@link ResourceMapping.Builder#with}.
 *
 * @param <R> the resource the block renders into
 */
public interface MappedBlock<R extends Resource> {

    /** The columns the block reads (added to the mapping's select list, each once). */
    List<Field<?>> columns();

    /** Its search parameters, in the order /metadata lists them. */
    Map<String, SearchParameter> searches();

    /** The reference parameters of {@link #searches()} that {@code _include} answers. */
    List<String> includes();

    /** Its elements with their columns (see {@link ResourceMapping#elements()}). */
    List<MappedElement> elements();

    /** Fills the block's elements of a resource the mapping's row mapper has made. */
    void render(Row row, R resource);
}
