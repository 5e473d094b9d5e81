package org.halocloud.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Browser access to both APIs from the origins an operator lists ({@code halo.cors.allowed-origins}); none by
 * default. Preflight requests are answered here, before the front door, since browsers send them without the key.
 */
@Configuration
@org.springframework.boot.context.properties.EnableConfigurationProperties(CorsConfiguration.CorsProperties.class)
public class CorsConfiguration {

    @ConfigurationProperties("halo.cors")
    public record CorsProperties(@DefaultValue List<String> allowedOrigins) {
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties properties) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Ocp-Apim-Subscription-Key", "Content-Type", "Accept", "Prefer"));
        cors.setExposedHeaders(List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                "Location", "Content-Location", "ETag"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/integrator/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new OneVaryCorsProcessor());
        FilterRegistrationBean<CorsFilter> bean = new FilterRegistrationBean<>(filter);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }
}
