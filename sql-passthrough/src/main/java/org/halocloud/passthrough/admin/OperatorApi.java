package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the operator API: documented under "Operator" with the operator's bearer scheme and its refusals.
 * The token itself is checked by {@link OperatorAuthorization} for every path under {@code /admin}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@Tag(name = "Operator")
@SecurityRequirement(name = OperatorAuthorization.SCHEME)
@ApiResponses({
        @ApiResponse(responseCode = "401", description = "missing or wrong operator token (never a subscription key)"),
        @ApiResponse(responseCode = "503", description = "the operator API is not configured on this node")})
public @interface OperatorApi {
}
