package org.halocloud.demo;

import java.util.Map;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.FirebirdServer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded demo: synthetic practices on an in-process Halo Link.
 *
 * @param enabled  build (first start) or reopen the demo practices
 * @param patients patients per practice database
 * @param engines  the database engine per PMS id ({@code halo.demo.engines.zedmed=firebird}); {@code h2} when absent
 * @param firebird the Firebird server the demo builds on when a PMS's engine is {@code firebird}
 */
@ConfigurationProperties("halo.demo")
public record DemoProperties(boolean enabled, int patients, Map<String, String> engines, Firebird firebird) {

    @ConstructorBinding
    public DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") int patients,
                          Map<String, String> engines, @DefaultValue Firebird firebird) {
        this.enabled = enabled;
        this.patients = patients;
        this.engines = engines == null ? Map.of() : Map.copyOf(engines);
        this.firebird = firebird;
    }

    public DemoProperties(boolean enabled, int patients) {
        this(enabled, patients, Map.of(), new Firebird(FirebirdServer.DEFAULT_URL, "SYSDBA", null));
    }

    /** The engine a PMS's demo databases are built on. */
    public String engine(String pms) {
        return engines.getOrDefault(pms, DemoPms.H2);
    }

    /**
     * @param url      the server (and optionally a directory on it, see {@link FirebirdServer})
     * @param user     its administrator
     * @param password the administrator's password; by default the environment's {@code ISC_PASSWORD}
     */
    public record Firebird(@DefaultValue(FirebirdServer.DEFAULT_URL) String url, @DefaultValue("SYSDBA") String user,
                           String password) {

        public FirebirdServer server() {
            String p = password != null ? password : System.getenv().getOrDefault("ISC_PASSWORD", "");
            return new FirebirdServer(url, user, p);
        }

        @Override
        public String toString() {
            return "Firebird[" + url + ", " + user + "]";
        }
    }
}
