package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.passthrough.frontdoor.Refusal;
import org.halocloud.passthrough.security.SubscriptionKeys;
import org.halocloud.passthrough.state.Integrators;
import org.halocloud.passthrough.webhook.Webhooks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API (a first part): find an integrator's subscriptions and configure each one's webhook. It takes
 * the operator's bearer token — never an integrator's subscription key — and never returns a secret.
 */
@RestController
@Tag(name = "Operator")
@EnableConfigurationProperties(AdminProperties.class)
public class AdminController {

    private final AdminProperties properties;
    private final Integrators integrators;
    private final Webhooks webhooks;

    public AdminController(AdminProperties properties, Integrators integrators, Webhooks webhooks) {
        this.properties = properties;
        this.integrators = integrators;
        this.webhooks = webhooks;
    }

    /** @param urlPattern the pre-negotiated URL, with optional {siteId}, {queryId} and {source} placeholders */
    public record WebhookConfig(String urlPattern, String secret) {

        @Override
        public String toString() {
            return "WebhookConfig[" + urlPattern + ", secret=***]";
        }
    }

    @Operation(summary = "An integrator's subscriptions (ids and key hints; never keys)")
    @GetMapping("/admin/subscriptions")
    public List<Integrators.SubscriptionSummary> subscriptions(
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam String integrator) {
        authorize(authorization);
        UUID id = integrators.findByName(integrator).orElseThrow(() -> new Refusal(404, "No integrator of that name."));
        return integrators.subscriptions(id);
    }

    @Operation(summary = "Configure (or replace) a subscription's webhook: URL pattern and signing secret")
    @PutMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public ResponseEntity<Void> configure(@RequestHeader(name = "Authorization", required = false) String authorization,
                                          @PathVariable UUID subscriptionId, @RequestBody WebhookConfig config) {
        authorize(authorization);
        requireSubscription(subscriptionId);
        try {
            webhooks.configure(subscriptionId, config.urlPattern(), config.secret());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A subscription's webhook (the URL pattern and delivery count; never the secret)")
    @GetMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public Map<String, Object> webhook(@RequestHeader(name = "Authorization", required = false) String authorization,
                                       @PathVariable UUID subscriptionId) {
        authorize(authorization);
        requireSubscription(subscriptionId);
        String pattern = webhooks.pattern(subscriptionId)
                .orElseThrow(() -> new Refusal(404, "This subscription has no webhook."));
        return Map.of("urlPattern", pattern, "deliveries", webhooks.deliveries(subscriptionId).size());
    }

    @Operation(summary = "Remove a subscription's webhook")
    @DeleteMapping("/admin/subscriptions/{subscriptionId}/webhook")
    public ResponseEntity<Void> remove(@RequestHeader(name = "Authorization", required = false) String authorization,
                                       @PathVariable UUID subscriptionId) {
        authorize(authorization);
        requireSubscription(subscriptionId);
        return webhooks.remove(subscriptionId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private void requireSubscription(UUID subscriptionId) {
        if (!integrators.subscriptionExists(subscriptionId)) {
            throw new Refusal(404, "No such subscription.");
        }
    }

    /** Constant-time comparison of the token's digest with the configured one. */
    private void authorize(String authorization) {
        if (properties.tokenSha256().isBlank()) {
            throw new Refusal(503, "The operator API is not configured (halo.admin.token-sha256).");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Refusal(401, "The operator API needs the operator's bearer token.");
        }
        byte[] given = SubscriptionKeys.hash(authorization.substring("Bearer ".length()).trim()).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = properties.tokenSha256().trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new Refusal(401, "The operator token is not valid.");
        }
    }
}
