package org.halocloud.fhir;

import java.util.List;
import org.halocloud.FirebirdZedmedSite;
import org.halocloud.demo.DemoManifest;
import org.halocloud.demo.DemoProperties;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.mappings.demo.EnabledIfFirebird;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link AuCoreConformanceTest} for the Zedmed practice on a real Firebird 3 server ({@link FirebirdZedmedSite}):
 * every resource type its {@code /metadata} declares is searched and each resource read back and validated against
 * AU Core, served from Firebird. The sites are that one and Bp Premier's (which the inherited test requires);
 * skipped with one message where no Firebird server answers.
 */
@EnabledIfFirebird
class ZedmedFirebirdAuCoreConformanceTest extends AuCoreConformanceTest {

    @Autowired
    private PmsDatabases databases;

    @Autowired
    private DemoProperties demoProperties;

    @Override
    protected DemoManifest manifest() {
        DemoManifest all = super.manifest();
        DemoManifest.Site bp = all.sites().stream().filter(s -> s.pms().equals("bp-premier") && s.authoritative())
                .findFirst().orElseThrow();
        DemoManifest.Site h2 = all.sites().stream().filter(s -> s.pms().equals("zedmed") && s.authoritative())
                .findFirst().orElseThrow();
        try {
            return new DemoManifest(all.integrators(), List.of(bp, FirebirdZedmedSite.site(h2,
                    demoProperties.patients(), integrators, databases, transport)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot build the Zedmed practice on Firebird", e);
        }
    }
}
