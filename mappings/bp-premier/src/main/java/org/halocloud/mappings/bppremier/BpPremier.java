package org.halocloud.mappings.bppremier;

import java.util.List;
import java.util.Optional;
import org.halocloud.mappings.bppremier.fhir.BpPremierFhir;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.pms.PmsDescriptor;

/** Bp Premier: one SQL Server database per practice, {@code BPSPatients}; integrators sign up with Best Practice. */
public final class BpPremier extends PmsDescriptor {

    public static final BpPremier PMS = new BpPremier();
    private static final PmsMapping FHIR = new BpPremierFhir();

    @Override
    public String id() {
        return "bp-premier";
    }

    @Override
    public String apiName() {
        return "BestPractice";
    }

    @Override
    public String vendor() {
        return "best-practice";
    }

    @Override
    public String errorType() {
        return "mssql";
    }

    @Override
    public List<String> catalogues() {
        return List.of(BpPremierDemo.CATALOGUE);
    }

    /** The practice's own switch per integration: Setup › Configuration › Integrations in Bp Premier. */
    @Override
    public String enabledLoginsQuery() {
        return "SELECT DBLOGIN FROM dbo.INTEGRATIONS WHERE RECORDSTATUS = 1 AND ENABLED = 1 ORDER BY RECORDID";
    }

    @Override
    public <T> Optional<T> facet(Class<T> type) {
        return type.isInstance(FHIR) ? Optional.of(type.cast(FHIR)) : Optional.empty();
    }
}
