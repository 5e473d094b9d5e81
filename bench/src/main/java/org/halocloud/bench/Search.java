package org.halocloud.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One FHIR search: its label in the report, the resource type and its parameters (name, value). */
record Search(String label, String resource, List<String[]> params) {

    String url(String fhirBase) {
        return url(fhirBase, Map.of());
    }

    /** @param patientIds the server's own id for each demo patient id named by a {@code patient} parameter */
    String url(String fhirBase, Map<String, String> patientIds) {
        StringBuilder sb = new StringBuilder(fhirBase + "/" + resource + "?");
        for (String[] p : params) {
            String value = p[0].equals("patient") && !patientIds.isEmpty() ? patientIds.get(p[1]) : p[1];
            if (value == null) {
                throw new IllegalStateException("patient " + p[1] + " was not loaded into the JPA peer");
            }
            sb.append(p[0]).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
