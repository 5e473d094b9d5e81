package org.halocloud.fhir;

import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halocloud.link.RowSink;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.hl7.fhir.r4.model.Resource;

/** Maps rows to resources as they stream in; reads one row past the page to know whether there is more. */
final class ResourceRows implements RowSink {

    private final ResourceMapping<?, ?> mapping;
    private final int count;
    private final List<Resource> resources = new ArrayList<>();
    private Map<String, Integer> index = Map.of();
    private String lastKey;
    private boolean more;

    ResourceRows(ResourceMapping<?, ?> mapping, int count) {
        this.mapping = mapping;
        this.count = count;
    }

    @Override
    public void columns(List<String> names) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.putIfAbsent(names.get(i).toUpperCase(), i);
        }
        this.index = map;
    }

    @Override
    public void row(Object[] values) {
        if (resources.size() == count) {
            more = true;
            return;
        }
        Row row = new Row(index, values);
        try {
            resources.add(mapping.map(row));
        } catch (RuntimeException e) {
            // the message may quote the row's values: the integrator gets the resource type and the error's class
            throw new InternalErrorException("A " + mapping.resourceName() + " row could not be mapped ("
                    + e.getClass().getSimpleName() + ").");
        }
        lastKey = row.text(mapping.key());
    }

    List<Resource> resources() {
        return resources;
    }

    /** The key of the page's last resource when more rows follow it; null on the last page. */
    String nextAfter() {
        return more ? lastKey : null;
    }
}
