package org.halocloud.logging;

import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link RequestDataLogPolicy} while the context is refreshed: after Spring Boot has (re)configured
 * Logback and before the web server is started, so the policy is in place before the first request is accepted.
 */
@Configuration(proxyBeanMethods = false)
public class LogPolicyConfiguration {

    public LogPolicyConfiguration() {
        RequestDataLogPolicy.install();
    }
}
