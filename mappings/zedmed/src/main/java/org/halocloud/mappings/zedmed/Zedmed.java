package org.halocloud.mappings.zedmed;

import java.util.List;
import java.util.Optional;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.zedmed.fhir.ZedmedFhir;
import org.halocloud.pms.PmsDescriptor;
import org.jooq.SQLDialect;

/** Zedmed: a pair of Firebird databases per practice, administration first, then the clinical record. */
public final class Zedmed extends PmsDescriptor {

    public static final Zedmed PMS = new Zedmed();
    private static final PmsMapping FHIR = new ZedmedFhir();

    @Override
    public String id() {
        return "zedmed";
    }

    @Override
    public String apiName() {
        return "Zedmed";
    }

    @Override
    public String vendor() {
        return "zedmed";
    }

    @Override
    public String errorType() {
        return "fbsql";
    }

    @Override
    public List<String> catalogues() {
        return List.of(ZedmedDemo.ADMIN, ZedmedDemo.CLINICAL);
    }

    @Override
    public String enabledLoginsQuery() {
        return "SELECT DB_LOGIN FROM INTEGRATION_PARTNER WHERE ENABLED = 1 ORDER BY DB_LOGIN";
    }

    /**
     * The FHIR mapping, and the engine its SQL runs on: {@link SQLDialect#FIREBIRD}, so the FHIR server renders
     * the text binds as Firebird needs them (the embedded demo's H2 accepts the same SQL).
     */
    @Override
    public <T> Optional<T> facet(Class<T> type) {
        if (type == SQLDialect.class) {
            return Optional.of(type.cast(SQLDialect.FIREBIRD));
        }
        return type.isInstance(FHIR) ? Optional.of(type.cast(FHIR)) : Optional.empty();
    }
}
