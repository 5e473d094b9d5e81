package org.halocloud.passthrough.api;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link Admitted} parameters through the front door: the site is the path's {@code {siteId}}. */
@Configuration
@SecurityScheme(name = AdmissionResolver.SCHEME, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = FrontDoor.KEY_HEADER, description = "The integrator's subscription key")
public class AdmissionResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    /** The OpenAPI security scheme of the integrator API. */
    public static final String SCHEME = "subscriptionKey";

    static {
        // the admission is the front door's answer, not a request parameter: the key is documented as the scheme
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Admission.class);
    }

    private final FrontDoor frontDoor;

    public AdmissionResolver(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** Every admitted endpoint documents its {@code {siteId}}, which the resolver reads instead of a parameter. */
    @Bean
    OperationCustomizer admittedSite() {
        return (operation, handler) -> {
            boolean admitted = java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter);
            boolean declared = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "siteId".equals(p.getName()));
            if (admitted && !declared) {
                operation.addParametersItem(new PathParameter().name("siteId").required(true)
                        .description("The site's Halo GUID").schema(new StringSchema()));
            }
            return operation;
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Admitted.class) && parameter.getParameterType() == Admission.class;
    }

    @Override
    public Admission resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest web,
                                     WebDataBinderFactory binders) {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String siteId = path == null ? null : path.get("siteId");
        boolean counted = parameter.getParameterAnnotation(Admitted.class).counted();
        return frontDoor.admit(request.getHeader(FrontDoor.KEY_HEADER), siteId, counted);
    }
}
