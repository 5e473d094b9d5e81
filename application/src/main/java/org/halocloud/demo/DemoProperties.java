package org.halocloud.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo: synthetic practices on an in-process Halo Link.
 *
 * @param enabled  build (first start) or reopen the demo practices
 * @param patients patients per practice database
 */
@ConfigurationProperties("halo.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") int patients) {
}
