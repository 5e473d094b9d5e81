package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.security.SubscriptionKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator API's one gate: every request under {@code /admin/} must carry the operator's bearer token, whose
 * SHA-256 is configured ({@code halo.admin.token-sha256}). It runs before the request is bound, so a wrong token
 * is refused with 401 whatever else is wrong with the request, and an unknown admin path answers 401 too. An
 * integrator's subscription key is never accepted (it is not the token, and its header is ignored here).
 */
@Configuration
@EnableConfigurationProperties(AdminProperties.class)
@SecurityScheme(name = OperatorAuthorization.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator's token; only its SHA-256 is configured (halo.admin.token-sha256)")
public class OperatorAuthorization implements WebMvcConfigurer, HandlerInterceptor {

    public static final String SCHEME = "operator";

    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"halo-operator\"");

    private final AdminProperties properties;

    public OperatorAuthorization(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/admin", "/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        authorize(request.getHeader("Authorization"));
        return true;
    }

    /** Constant-time comparison of the token's digest with the configured one. */
    void authorize(String authorization) {
        if (properties.tokenSha256().isBlank()) {
            throw new Refusal(503, "The operator API is not configured (halo.admin.token-sha256).");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refusal(401, "The operator API needs the operator's bearer token.", CHALLENGE);
        }
        byte[] given = SubscriptionKeys.hash(authorization.substring(7).trim()).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = properties.tokenSha256().trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new Refusal(401, "The operator token is not valid.", CHALLENGE);
        }
    }
}
