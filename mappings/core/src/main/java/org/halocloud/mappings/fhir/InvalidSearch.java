package org.halocloud.mappings.fhir;

/** A search the mapping cannot answer as asked (a malformed value or an unsupported modifier): HTTP 400. */
public class InvalidSearch extends RuntimeException {

    public InvalidSearch(String message) {
        super(message, null, false, false);
    }
}
