package org.halocloud.passthrough.sites;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.link.LinkTransport;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.pms.Pmss;
import org.halocloud.kernel.state.PmsDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.kernel.state.Subscription;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.halocloud.passthrough.api.Admitted;
import org.halocloud.kernel.frontdoor.Admission;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.halocloud.passthrough.api.AdmissionResolver;

/** Meta API: trade a PMS ID for Halo GUIDs, and a site's status. */
@RestController
@SecurityRequirement(name = AdmissionResolver.SCHEME)
@Tag(name = "Sites")
public class SitesController {

    private final FrontDoor frontDoor;
    private final PmsDatabases databases;
    private final Integrators integrators;
    private final LinkTransport transport;

    public SitesController(FrontDoor frontDoor, PmsDatabases databases, Integrators integrators, LinkTransport transport) {
        this.frontDoor = frontDoor;
        this.databases = databases;
        this.integrators = integrators;
        this.transport = transport;
    }

    @Operation(summary = "Get Halo GUIDs: the authoritative database(s) of a practice, by its PMS ID",
            description = "practiceManagementName is Best Practice, Zedmed or D4w. Only databases of vendors your "
                    + "integration is signed up with are returned.")
    @GetMapping("/integrator/sites")
    public Map<String, List<SiteView>> haloGuids(
            @RequestHeader(name = FrontDoor.KEY_HEADER, required = false) String key,
            @RequestParam String practiceManagementSiteId, @RequestParam String practiceManagementName) {
        Subscription subscription = frontDoor.authenticate(key);
        String vendor = Pmss.vendorOfName(practiceManagementName).orElseThrow(() -> new Refusal(400,
                "practiceManagementName must be one of Best Practice, Zedmed, D4w."));
        if (integrators.vendorSignup(subscription.integratorId(), vendor).isEmpty()) {
            throw new Refusal(403, "Your integration is not signed up with " + practiceManagementName + ".");
        }
        List<SiteView> sites = databases.byPmsId(vendor, practiceManagementSiteId.trim()).stream()
                .filter(PmsDatabase::authoritative).map(d -> SiteView.of(d, transport)).toList();
        return Map.of("sites", sites);
    }

    @Operation(summary = "Site status")
    @GetMapping("/integrator/sites/{siteId}")
    public SiteView site(@Admitted Admission admission) {
        return SiteView.of(admission.database(), transport);
    }
}
