package org.halocloud.kernel.state;

import java.util.UUID;

/** An integrator's subscription, as the front door sees it after the key matched. */
public record Subscription(UUID id, UUID integratorId, String integratorName, String environment, boolean active, boolean demo) {
}
