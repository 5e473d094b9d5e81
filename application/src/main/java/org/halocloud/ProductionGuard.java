package org.halocloud;

import org.halocloud.demo.DemoProperties;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.state.Integrators;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A production node refuses to start with the demo switched on or with any demo key still active. */
@Component
@Order(-1)
public class ProductionGuard implements ApplicationRunner {

    private final HaloProperties halo;
    private final DemoProperties demo;
    private final Integrators integrators;

    public ProductionGuard(HaloProperties halo, DemoProperties demo, Integrators integrators) {
        this.halo = halo;
        this.demo = demo;
        this.integrators = integrators;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"production".equals(halo.environment())) {
            return;
        }
        if (demo.enabled()) {
            throw new IllegalStateException("refusing to start: halo.demo.enabled is true in production");
        }
        if (integrators.anyDemoKey()) {
            throw new IllegalStateException("refusing to start: the state store holds active demo subscription keys; "
                    + "revoke them before running in production");
        }
        if (halo.secrets().masterKey().isBlank()) {
            throw new IllegalStateException("refusing to start: set halo.secrets.master-key (base64 of 32 bytes) in production");
        }
    }
}
