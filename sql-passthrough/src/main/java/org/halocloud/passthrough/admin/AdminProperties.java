package org.halocloud.passthrough.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator API's credential: only the SHA-256 (hex) of the admin token is configured, never the token. When
 * empty, the operator API is switched off.
 */
@ConfigurationProperties("halo.admin")
public record AdminProperties(@DefaultValue("") String tokenSha256) {
}
