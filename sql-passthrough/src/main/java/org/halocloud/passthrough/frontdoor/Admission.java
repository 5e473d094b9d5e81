package org.halocloud.passthrough.frontdoor;

import java.util.Map;
import org.halocloud.passthrough.state.PmsDatabase;
import org.halocloud.passthrough.state.Subscription;

/** What the front door hands on once every check passed: who asks, which database, and headers for the answer. */
public record Admission(Subscription subscription, PmsDatabase database, Map<String, String> headers) {
}
