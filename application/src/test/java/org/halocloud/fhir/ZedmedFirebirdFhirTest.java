package org.halocloud.fhir;

import org.halocloud.FirebirdZedmedSite;
import org.halocloud.demo.DemoManifest;
import org.halocloud.demo.DemoProperties;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.mappings.demo.EnabledIfFirebird;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every Zedmed FHIR test of {@link ZedmedFhirTest}, against the Zedmed practice on a real Firebird 3 server
 * ({@link FirebirdZedmedSite}): the mapping's SQL runs on Firebird through Jaybird, and the expected rows are
 * read from the Firebird databases as the practice. Skipped with one message where no Firebird server answers.
 *
 * <p>Every inherited test runs unchanged on Firebird; what the real engine rejected at first, and how the mapping
 * and the FHIR server's Firebird rendering were fixed, is in docs/real-engines.md.
 */
@EnabledIfFirebird
class ZedmedFirebirdFhirTest extends ZedmedFhirTest {

    @Autowired
    private PmsDatabases databases;

    @Autowired
    private DemoProperties demoProperties;

    @Override
    protected DemoManifest.Site site(String pms, boolean authoritative) {
        DemoManifest.Site h2 = super.site(pms, authoritative);
        if (!pms.equals("zedmed") || !authoritative) {
            return h2;
        }
        try {
            return FirebirdZedmedSite.site(h2, demoProperties.patients(), integrators, databases, transport);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot build the Zedmed practice on Firebird", e);
        }
    }
}
