package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.UUID;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.pms.PmsDescriptor;
import org.halocloud.pms.Pmss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The operator API for integrators: onboard them and record their database login with each PMS vendor. The login's
 * password is sealed (AES-GCM) the moment it arrives and no answer ever carries it.
 */
@OperatorApi
public class IntegratorsAdminController {

    private static final Logger log = LoggerFactory.getLogger(IntegratorsAdminController.class);
    private static final int MAX_NAME = 200;
    private static final int MAX_DB_USER = 128;
    /** Keeps the sealed value (base64 of IV, ciphertext and tag) within its column. */
    private static final int MAX_PASSWORD_BYTES = 500;

    private final Integrators integrators;

    public IntegratorsAdminController(Integrators integrators) {
        this.integrators = integrators;
    }

    public record NewIntegrator(String name) {
    }

    public record Onboarded(UUID id, String name) {
    }

    /** The integrator's login at a vendor's practices; {@code toString} never shows the password. */
    public record VendorLogin(String dbUser, String dbPassword) {

        @Override
        public String toString() {
            return "VendorLogin[dbUser=" + dbUser + ", dbPassword=***]";
        }
    }

    @Operation(summary = "Onboard an integrator")
    @ApiResponse(responseCode = "201", description = "{id, name}")
    @ApiResponse(responseCode = "400", description = "no name, or longer than 200 characters")
    @ApiResponse(responseCode = "409", description = "an integrator of that name exists")
    @PostMapping("/admin/integrators")
    public ResponseEntity<Onboarded> onboard(@RequestBody NewIntegrator body) {
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal(400, "name must be 1–" + MAX_NAME + " characters, without control characters.");
        }
        if (integrators.findByName(name).isPresent()) {
            throw new Refusal(409, "An integrator of that name exists.");
        }
        UUID id;
        try {
            id = integrators.create(name);
        } catch (DuplicateKeyException raced) {
            throw new Refusal(409, "An integrator of that name exists.");
        }
        log.info("operator: integrator {} onboarded", id);
        return ResponseEntity.status(201).header("Location", "/admin/integrators/" + id).body(new Onboarded(id, name));
    }

    @Operation(summary = "Every integrator (id, name, createdAt)")
    @GetMapping("/admin/integrators")
    public List<Integrators.IntegratorSummary> list() {
        return integrators.list();
    }

    @Operation(summary = "One integrator")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @GetMapping("/admin/integrators/{integratorId}")
    public Integrators.IntegratorSummary integrator(@PathVariable UUID integratorId) {
        return requireIntegrator(integratorId);
    }

    @Operation(summary = "Sign an integrator up with a PMS vendor (or replace its login there)",
            description = "vendor: best-practice, zedmed or centaur (a PMS name such as bp-premier, d4w or d4web "
                    + "names its vendor: d4w and d4web share Centaur's sign-up). The password is stored sealed "
                    + "(AES-GCM) and never returned; the practices still decide whether to enable the login.")
    @ApiResponse(responseCode = "200", description = "{vendor, dbUser, createdAt, updatedAt}")
    @ApiResponse(responseCode = "400", description = "unknown vendor, or dbUser/dbPassword missing or too long")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @PutMapping("/admin/integrators/{integratorId}/vendors/{vendor}")
    public Integrators.VendorSignup signUp(@PathVariable UUID integratorId, @PathVariable String vendor,
                                           @RequestBody VendorLogin login) {
        requireIntegrator(integratorId);
        String canonical = vendor(vendor);
        String user = login == null || login.dbUser() == null ? "" : login.dbUser().strip();
        if (user.isEmpty() || user.length() > MAX_DB_USER || user.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal(400, "dbUser must be 1–" + MAX_DB_USER + " characters, without control characters.");
        }
        String password = login.dbPassword();
        if (password == null || password.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new Refusal(400, "dbPassword must be given (at most " + MAX_PASSWORD_BYTES + " bytes).");
        }
        Integrators.VendorSignup signup = integrators.putSignup(integratorId, canonical, user, password);
        log.info("operator: integrator {} signed up with {}", integratorId, canonical);
        return signup;
    }

    @Operation(summary = "An integrator's vendor sign-ups (vendor, dbUser, createdAt; never the password)")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @GetMapping("/admin/integrators/{integratorId}/vendors")
    public List<Integrators.VendorSignup> signups(@PathVariable UUID integratorId) {
        requireIntegrator(integratorId);
        return integrators.signups(integratorId);
    }

    @Operation(summary = "Remove an integrator's sign-up with a vendor (its queries there are refused with 403)")
    @ApiResponse(responseCode = "204", description = "removed")
    @ApiResponse(responseCode = "400", description = "unknown vendor")
    @ApiResponse(responseCode = "404", description = "no such integrator, or not signed up with that vendor")
    @DeleteMapping("/admin/integrators/{integratorId}/vendors/{vendor}")
    public ResponseEntity<Void> removeSignup(@PathVariable UUID integratorId, @PathVariable String vendor) {
        requireIntegrator(integratorId);
        String canonical = vendor(vendor);
        if (!integrators.removeSignup(integratorId, canonical)) {
            throw new Refusal(404, "This integrator is not signed up with " + canonical + ".");
        }
        log.info("operator: integrator {} sign-up with {} removed", integratorId, canonical);
        return ResponseEntity.noContent().build();
    }

    private Integrators.IntegratorSummary requireIntegrator(UUID id) {
        return integrators.find(id).orElseThrow(() -> new Refusal(404, "No such integrator."));
    }

    /** The vendor a sign-up is kept under: a vendor's name, or a PMS's (which names its vendor). */
    static String vendor(String given) {
        String g = given.strip().toLowerCase(Locale.ROOT);
        return Pmss.all().stream().filter(p -> p.vendor().equals(g) || p.id().equals(g)).map(PmsDescriptor::vendor)
                .findFirst().or(() -> Pmss.vendorOfName(g))
                .orElseThrow(() -> new Refusal(400, "Unknown vendor; one of " + Pmss.all().stream()
                        .map(PmsDescriptor::vendor).distinct().collect(Collectors.joining(", ")) + "."));
    }

    /** An integrator given by id or by name. */
    static UUID resolve(Integrators integrators, String idOrName) {
        try {
            UUID id = UUID.fromString(idOrName.strip());
            if (integrators.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException notAnId) {
            // a name
        }
        return integrators.findByName(idOrName.strip())
                .orElseThrow(() -> new Refusal(404, "No integrator of that id or name."));
    }
}
