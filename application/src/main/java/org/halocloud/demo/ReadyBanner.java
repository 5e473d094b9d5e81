package org.halocloud.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Once the demo is up, prints a curl that works as it stands: the first demo key against the Bp Premier practice. */
@Component
public class ReadyBanner {

    private final DemoProperties demo;
    private final DemoPractices practices;
    private final Environment environment;

    public ReadyBanner(DemoProperties demo, DemoPractices practices, Environment environment) {
        this.demo = demo;
        this.practices = practices;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printCurl() {
        if (!demo.enabled() || !java.nio.file.Files.exists(practices.manifestFile())) {
            return;
        }
        DemoManifest manifest = practices.manifest();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String key = manifest.integrators().get(0).subscriptionKey();
        DemoManifest.Site bp = manifest.sites().get(0);
        // Printed, not logged: the demo key belongs on the console of the person who started the demo, not in logs.
        System.out.println("""

                Halo Cloud demo is ready at %1$s  (API docs: %1$s/swagger-ui.html; keys and sites: %2$s)
                Try an immediate query on %3$s (Bp Premier):

                  curl -s -X POST '%1$s/integrator/sites/%4$s/queries/immediate' \\
                    -H 'Ocp-Apim-Subscription-Key: %5$s' -H 'Content-Type: application/json' \\
                    -d '{"command":{"text":"SELECT TOP 5 InternalID, Firstname, Surname, DOB FROM BPS_Patients WHERE Surname LIKE @s","parameters":[{"name":"@s","type":"VarChar","value":"S%%"}]}}' \\
                    | python3 -c 'import sys,json,base64; r=json.load(sys.stdin); print(r["status"]); print(base64.b64decode(r["result"]["data"]).decode())'
                """.formatted(base, practices.manifestFile(), bp.practiceName(), bp.haloGuid(), key));
    }
}
