package org.halocloud;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import org.halocloud.demo.DemoProperties;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.state.Integrators;
import org.junit.jupiter.api.Test;

/** A production node refuses to start with the demo on, with demo keys, or without a master key. */
class ProductionGuardTest {

    private static HaloProperties halo(String environment, String masterKey) {
        return new HaloProperties(Path.of("data"), environment, new HaloProperties.RateLimit(true, 15, Duration.ofSeconds(5)),
                new HaloProperties.Query(Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets(masterKey));
    }

    private static final String KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void refusesDemoModeDemoKeysAndAMissingMasterKey() {
        Integrators none = mock(Integrators.class);
        Integrators withDemoKeys = mock(Integrators.class);
        when(withDemoKeys.anyDemoKey()).thenReturn(true);

        assertThatThrownBy(() -> new ProductionGuard(halo("production", KEY), new DemoProperties(true, 10), none).run(null))
                .hasMessageContaining("demo.enabled");
        assertThatThrownBy(() -> new ProductionGuard(halo("production", KEY), new DemoProperties(false, 10), withDemoKeys).run(null))
                .hasMessageContaining("demo subscription keys");
        assertThatThrownBy(() -> new ProductionGuard(halo("production", ""), new DemoProperties(false, 10), none).run(null))
                .hasMessageContaining("master-key");
        assertThatCode(() -> new ProductionGuard(halo("production", KEY), new DemoProperties(false, 10), none).run(null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProductionGuard(halo("demo", ""), new DemoProperties(true, 10), withDemoKeys).run(null))
                .doesNotThrowAnyException();
    }
}
