package org.halocloud.passthrough.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.halocloud.passthrough.frontdoor.Refusal;
import org.halocloud.passthrough.security.SubscriptionKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The operator API's one check: the operator's bearer token, never an integrator's subscription key. */
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class OperatorToken {

    private final AdminProperties properties;

    public OperatorToken(AdminProperties properties) {
        this.properties = properties;
    }

    /** Constant-time comparison of the token's digest with the configured one. */
    public void check(String authorization) {
        if (properties.tokenSha256().isBlank()) {
            throw new Refusal(503, "The operator API is not configured (halo.admin.token-sha256).");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new Refusal(401, "The operator API needs the operator's bearer token.");
        }
        byte[] given = SubscriptionKeys.hash(authorization.substring("Bearer ".length()).trim())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] expected = properties.tokenSha256().trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new Refusal(401, "The operator token is not valid.");
        }
    }
}
