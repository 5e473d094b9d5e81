package org.halocloud.mappings.au;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halocloud.mappings.fhir.Row;

/** Rows as a Link sends them: every selected column, null unless given. */
final class TestRows {

    private TestRows() {
    }

    static Row of(List<String> names, Map<String, Object> values) {
        Map<String, Integer> index = new HashMap<>();
        Object[] row = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
            row[i] = values.get(names.get(i));
        }
        return new Row(index, row);
    }
}
