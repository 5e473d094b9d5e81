package org.halocloud.mappings.d4w;

import java.util.List;
import java.util.Optional;
import org.halocloud.mappings.d4w.fhir.D4wFhir;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.pms.PmsDescriptor;

/**
 * Centaur's two flavours of one schema (SQL Anywhere): Dental4Windows on the practice's server and the Dental4Web
 * tenant of a multi-tenant cluster. Integrators sign up once with Centaur for both; both answer Halo as {@code D4w}.
 */
public abstract sealed class Centaur extends PmsDescriptor permits Centaur.Dental4Windows, Centaur.Dental4Web {

    private static final PmsMapping FHIR = new D4wFhir();

    public static final class Dental4Windows extends Centaur {
        @Override
        public String id() {
            return "d4w";
        }

        @Override
        public List<String> catalogues() {
            return List.of(Dental4WindowsDemo.CATALOGUE);
        }
    }

    public static final class Dental4Web extends Centaur {
        @Override
        public String id() {
            return "d4web";
        }

        @Override
        public List<String> catalogues() {
            return List.of(Dental4WebDemo.CATALOGUE);
        }
    }

    public static final Centaur D4W = new Dental4Windows();
    public static final Centaur D4WEB = new Dental4Web();

    @Override
    public String apiName() {
        return "D4w";
    }

    @Override
    public String vendor() {
        return "centaur";
    }

    @Override
    public String errorType() {
        return "sybase";
    }

    @Override
    public String enabledLoginsQuery() {
        return D4wData.ENABLED_LOGINS;
    }

    @Override
    public <T> Optional<T> facet(Class<T> type) {
        return type.isInstance(FHIR) ? Optional.of(type.cast(FHIR)) : Optional.empty();
    }
}
