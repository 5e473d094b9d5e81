package org.halocloud.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo PMS server (compose's demo-pms) listens on the address it is given: loopback unless told otherwise. */
class DemoPmsServerBindTest {

    @Test
    void byDefaultItListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        assumeTrue(external.isPresent(), "this machine has no address but loopback to try");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = Files.createTempDirectory("demo-pms-bind");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoPmsServer.class.getName()).redirectErrorStream(true);
        builder.environment().put("DEMO_PORT", Integer.toString(port));
        builder.environment().put("DEMO_DIR", dir.toString());
        builder.environment().put("DEMO_PATIENTS", "5");
        builder.environment().put("DEMO_LOGIN_USER", "DEMO_BIND_TEST");
        builder.environment().put("DEMO_LOGIN_PASSWORD", "bind-test-login");
        builder.environment().put("DEMO_OWNER_PASSWORD", "bind-test-owner");
        builder.environment().remove("DEMO_BIND");
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.contains("demo-pms: serving on")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the server started: " + seen).isNotNull().contains("serving on 127.0.0.1:" + port);
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                assertThat(local.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress(external.get(), port), 5000);
                }
            }).as("not reachable on " + external.get()).isInstanceOf(java.io.IOException.class);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
