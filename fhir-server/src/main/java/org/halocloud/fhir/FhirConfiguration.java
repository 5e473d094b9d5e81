package org.halocloud.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import jakarta.servlet.ServletException;
import java.util.List;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.halocloud.kernel.web.PublicBaseUrl;

/** The HAPI FHIR plain server behind {@code /integrator/sites/{haloGuid}/fhir/R4/}. */
@Configuration
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    RestfulServer fhirServer(FhirContext fhir, PmsMappings mappings, SearchEngine engine, SearchPaging paging,
                             ResourceWrites writes, PublicBaseUrl publicBase) {
        RestfulServer server = new RestfulServer(fhir);
        // links are written under the configured public base, never under the request's Host header
        server.setServerAddressStrategy((context, request) -> publicBase.baseFor(request) + request.getContextPath()
                + request.getServletPath());
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setPagingProvider(paging);
        server.setServerConformanceProvider(new SiteCapabilityStatement());
        List<MappedResourceProvider> providers = mappings.resourceClasses().values().stream()
                .map(c -> new MappedResourceProvider(c.asSubclass(IBaseResource.class), engine, paging, writes)).toList();
        server.registerProviders(List.copyOf(providers));
        server.registerInterceptor(new ResponseHighlighterInterceptor());
        return server;
    }

    /** HAPI's servlet is driven by the gateway filter rather than mapped itself, so it is initialised here. */
    @Bean
    ServletContextInitializer fhirServerInitializer(RestfulServer server) {
        return context -> {
            try {
                server.init(new jakarta.servlet.ServletConfig() {
                    @Override
                    public String getServletName() {
                        return "fhir";
                    }

                    @Override
                    public jakarta.servlet.ServletContext getServletContext() {
                        return context;
                    }

                    @Override
                    public String getInitParameter(String name) {
                        return null;
                    }

                    @Override
                    public java.util.Enumeration<String> getInitParameterNames() {
                        return java.util.Collections.emptyEnumeration();
                    }
                });
            } catch (ServletException e) {
                throw new IllegalStateException("the FHIR server did not start", e);
            }
        };
    }

    @Bean
    FilterRegistrationBean<FhirGateway> fhirGateway(FrontDoor frontDoor, PmsMappings mappings, RestfulServer server,
                                                   FhirContext fhir) {
        FilterRegistrationBean<FhirGateway> bean = new FilterRegistrationBean<>(new FhirGateway(frontDoor, mappings, server, fhir));
        bean.addUrlPatterns("/integrator/sites/*");
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return bean;
    }
}
