package org.halocloud.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.pipeline.Incident;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routes {@code /integrator/sites/{haloGuid}/fhir/R4/...} to the HAPI plain server, after the same front door as
 * SQL passthrough: every FHIR GET, POST, PUT and PATCH counts against the rate limit, and every refusal is an
 * OperationOutcome with the front door's status. HAPI sees the site's FHIR base as its servlet path, so every link
 * it writes stays under the site.
 */
public class FhirGateway extends OncePerRequestFilter {

    private static final Pattern SITE_BASE = Pattern.compile("^(/integrator/sites/([^/]+)/fhir/R4)(/.*)?$");

    private final FrontDoor frontDoor;
    private final PmsMappings mappings;
    private final RestfulServer server;
    private final FhirContext fhir;

    public FhirGateway(FrontDoor frontDoor, PmsMappings mappings, RestfulServer server, FhirContext fhir) {
        this.frontDoor = frontDoor;
        this.mappings = mappings;
        this.server = server;
        this.fhir = fhir;
    }

    /** Every FHIR read and write counts against the shared rate limit. */
    private static final java.util.Set<String> COUNTED = java.util.Set.of("GET", "POST", "PUT", "PATCH");

    private static final Pattern FHIR_PATH = Pattern.compile("[A-Za-z0-9\\-._$/]*");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SITE_BASE.matcher(pathWithinApp(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = SITE_BASE.matcher(pathWithinApp(request));
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        boolean counted = COUNTED.contains(request.getMethod());
        Admission admission;
        try {
            admission = frontDoor.admit(request.getHeader(FrontDoor.KEY_HEADER), m.group(2), counted);
        } catch (Refusal refusal) {
            OperationOutcomes.write(fhir, response, refusal.status(), issueType(refusal.status()), refusal.getMessage(),
                    refusal.headers());
            return;
        } catch (RuntimeException e) {
            // e.g. the state store unreachable: an OperationOutcome with an incident id, never the message (it may
            // quote SQL) nor a stack trace
            Incident incident = Incident.of("the FHIR front door", e);
            OperationOutcomes.write(fhir, response, 500, OperationOutcome.IssueType.EXCEPTION, incident.message(),
                    java.util.Map.of());
            return;
        }
        admission.headers().forEach(response::setHeader);
        var mapping = mappings.forPms(admission.database().pms().id());
        if (mapping.isEmpty()) {
            OperationOutcomes.write(fhir, response, 404, OperationOutcome.IssueType.NOTSUPPORTED,
                    "The FHIR API is not available for this site's PMS.", java.util.Map.of());
            return;
        }
        request.setAttribute(SiteRequest.ATTRIBUTE, new SiteRequest(admission, mapping.get()));
        String base = m.group(1);
        String rest = m.group(3);
        if (rest != null && !FHIR_PATH.matcher(rest).matches()) {
            // FHIR types, ids ([A-Za-z0-9-.]{1,64}) and operations need no escapes; HAPI would decode them twice (a 500)
            OperationOutcomes.write(fhir, response, 400, OperationOutcome.IssueType.INVALID,
                    "The request path may only hold resource types, ids (letters, digits, '-' and '.') and operations.",
                    java.util.Map.of());
            return;
        }
        if ("POST".equals(request.getMethod()) && rest != null && rest.endsWith("/_search") && hasBody(request)
                && !isForm(request.getContentType())) {
            // HAPI would ignore such a body and search without its criteria
            OperationOutcomes.write(fhir, response, 415, OperationOutcome.IssueType.NOTSUPPORTED,
                    "POST _search takes its parameters as application/x-www-form-urlencoded.", java.util.Map.of());
            return;
        }
        server.service(new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return base;
            }

            @Override
            public String getPathInfo() {
                return rest;
            }
        }, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).trim()
                .startsWith("application/x-www-form-urlencoded");
    }

    private static String pathWithinApp(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            default -> OperationOutcome.IssueType.PROCESSING;
        };
    }
}
