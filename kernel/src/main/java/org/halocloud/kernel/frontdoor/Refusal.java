package org.halocloud.kernel.frontdoor;

import java.util.Map;

/**
 * A request refused with an HTTP status and a message meant for the integrator. Each API renders it in its own
 * shape (Halo's JSON error body, or a FHIR OperationOutcome). The message never carries clinical data.
 */
public class Refusal extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    public Refusal(int status, String message) {
        this(status, message, Map.of());
    }

    public Refusal(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    /** The same refusal, also carrying headers gathered earlier (e.g. the rate-limit ones). */
    public Refusal withHeaders(Map<String, String> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new java.util.LinkedHashMap<>(earlier);
        merged.putAll(headers);
        return new Refusal(status, getMessage(), merged);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
