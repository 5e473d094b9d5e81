package org.halocloud.passthrough.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link org.halocloud.kernel.frontdoor.Admission} parameter of an endpoint under
 * {@code /integrator/sites/{siteId}/…}: the front door admits the request (key, rate limit when counted, site,
 * authority, sign-up, enablement) before any other argument is read or the method runs.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Admitted {

    /** Whether the request uses the subscription's rate limit (immediate SQL does; async and status calls do not). */
    boolean counted() default false;
}
