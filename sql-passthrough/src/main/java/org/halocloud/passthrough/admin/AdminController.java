package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.passthrough.webhook.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator API for subscriptions: issue, list, rotate and revoke keys, and configure each subscription's
 * webhook. The operator's bearer token is checked by {@link OperatorAuthorization} before any of this runs. A key is
 * returned once, when issued or rotated; afterwards only its hint. No secret is ever returned.
 */
@OperatorApi
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final Integrators integrators;
    private final Webhooks webhooks;
    private final String environment;

    public AdminController(Integrators integrators, Webhooks webhooks, HaloProperties halo) {
        this.integrators = integrators;
        this.webhooks = webhooks;
        this.environment = halo.environment();
    }

    /** @param urlPattern the pre-negotiated URL, with optional {siteId}, {queryId} and {source} placeholders */
    public record WebhookConfig(String urlPattern, String secret) {

        @Override
        public String toString() {
            return "WebhookConfig[" + urlPattern + ", secret=***]";
        }
    }

    @Operation(summary = "An integrator's subscriptions (ids and key hints; never keys)",
            description = "integrator: the integrator's id or name.")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @GetMapping("/admin/subscriptions")
    public List<Integrators.SubscriptionSummary> subscriptions(@RequestParam String integrator) {
        return integrators.subscriptions(IntegratorsAdminController.resolve(integrators, integrator));
    }

    @Operation(summary = "Issue a subscription key to an integrator",
            description = "The key is in this answer only; the cloud keeps its SHA-256. It is valid in this node's "
                    + "environment (halo.environment) only.")
    @ApiResponse(responseCode = "201", description = "{subscriptionId, key, keyHint, environment}")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @PostMapping("/admin/integrators/{integratorId}/subscriptions")
    public ResponseEntity<Integrators.IssuedKey> issue(@PathVariable UUID integratorId) {
        integrators.find(integratorId).orElseThrow(() -> new Refusal(404, "No such integrator."));
        Integrators.IssuedKey issued = integrators.issue(integratorId, environment, false);
        log.info("operator: subscription {} issued to integrator {} ({})", issued.subscriptionId(), integratorId,
                environment);
        return ResponseEntity.status(201).header("Location", "/admin/subscriptions/" + issued.subscriptionId())
                .body(issued);
    }

    @Operation(summary = "One subscription (key hint and status; never the key)")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @GetMapping("/admin/subscriptions/{subscriptionId}")
    public Integrators.SubscriptionSummary subscription(@PathVariable UUID subscriptionId) {
        return requireSubscription(subscriptionId);
    }

    @Operation(summary = "Rotate a subscription's key",
            description = "A new key, in this answer only. The old key is refused (401) from this moment; the "
                    + "subscription id, its webhook, its queries and its rate-limit budget stay.")
    @ApiResponse(responseCode = "200", description = "{subscriptionId, key, keyHint, environment}")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @ApiResponse(responseCode = "409", description = "revoked, or a subscription of another environment")
    @PostMapping("/admin/subscriptions/{subscriptionId}/rotate")
    public Integrators.IssuedKey rotate(@PathVariable UUID subscriptionId) {
        Integrators.SubscriptionSummary s = requireSubscription(subscriptionId);
        if (!s.environment().equals(environment)) {
            throw new Refusal(409, "This subscription belongs to the " + s.environment()
                    + " environment; rotate it on a node of that environment.");
        }
        Integrators.IssuedKey rotated = integrators.rotate(subscriptionId)
                .orElseThrow(() -> new Refusal(409, "This subscription is " + s.status() + "; issue a new one."));
        log.info("operator: subscription {} key rotated", subscriptionId);
        return rotated;
    }

    @Operation(summary = "Revoke a subscription", description = "Its key is refused (401) from this moment, and "
            + "async or registered work accepted for it earlier is refused when it would run. Revoking twice is fine.")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @PostMapping("/admin/subscriptions/{subscriptionId}/revoke")
    public ResponseEntity<Void> revoke(@PathVariable UUID subscriptionId) {
        requireSubscription(subscriptionId);
        if (integrators.revoke(subscriptionId)) {
            log.info("operator: subscription {} revoked", subscriptionId);
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Revoke a subscription (as POST …/revoke)")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @DeleteMapping("/admin/subscriptions/{subscriptionId}")
    public ResponseEntity<Void> delete(@PathVariable UUID subscriptionId) {
        return revoke(subscriptionId);
    }

    @Operation(summary = "Configure (or replace) a subscription's webhook: URL pattern and signing secret")
    @ApiResponse(responseCode = "204", description = "configured")
    @ApiResponse(responseCode = "400", description = "the pattern or the secret is not acceptable")
    @ApiResponse(responseCode = "404", description = "no such subscription")
    @PutMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public ResponseEntity<Void> configure(@PathVariable UUID subscriptionId, @RequestBody WebhookConfig config) {
        requireSubscription(subscriptionId);
        try {
            webhooks.configure(subscriptionId, config.urlPattern(), config.secret());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A subscription's webhook (the URL pattern and delivery count; never the secret)")
    @ApiResponse(responseCode = "404", description = "no such subscription, or it has no webhook")
    @GetMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public Map<String, Object> webhook(@PathVariable UUID subscriptionId) {
        requireSubscription(subscriptionId);
        String pattern = webhooks.pattern(subscriptionId)
                .orElseThrow(() -> new Refusal(404, "This subscription has no webhook."));
        return Map.of("urlPattern", pattern, "deliveries", webhooks.deliveries(subscriptionId).size());
    }

    @Operation(summary = "Remove a subscription's webhook")
    @ApiResponse(responseCode = "204", description = "removed")
    @ApiResponse(responseCode = "404", description = "no such subscription, or it has no webhook")
    @DeleteMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public ResponseEntity<Void> remove(@PathVariable UUID subscriptionId) {
        requireSubscription(subscriptionId);
        if (!webhooks.remove(subscriptionId)) {
            throw new Refusal(404, "This subscription has no webhook.");
        }
        return ResponseEntity.noContent().build();
    }

    private Integrators.SubscriptionSummary requireSubscription(UUID subscriptionId) {
        Optional<Integrators.SubscriptionSummary> s = integrators.subscription(subscriptionId);
        return s.orElseThrow(() -> new Refusal(404, "No such subscription."));
    }
}
