package org.halocloud.fhir;

import java.util.List;

/**
 * Everything needed to fetch the next page of a search without keeping anything on the server: the resource
 * type, the search parameters as given, the page size and the key of the last resource sent. It travels sealed in
 * the {@code next} link, bound to its site.
 *
 * @param parameters name and value of each occurrence, in request order
 * @param after      the key of the last resource already returned; null on the first page
 */
record SearchState(String type, List<List<String>> parameters, int count, String after, int page) {

    SearchState next(String lastKey) {
        return new SearchState(type, parameters, count, lastKey, page + 1);
    }
}
