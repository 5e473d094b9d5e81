package org.halocloud.web;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

/** {@link RequestInput} in front of every path, right after CORS (so a browser can read its refusals). */
@Configuration(proxyBeanMethods = false)
public class RequestInputConfiguration {

    @Bean
    FilterRegistrationBean<RequestInput> requestInput(FhirContext fhir, ObjectMapper json) {
        FilterRegistrationBean<RequestInput> bean = new FilterRegistrationBean<>(new RequestInput(fhir, json));
        bean.addUrlPatterns("/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return bean;
    }
}
