package org.halocloud.link.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.halocloud.link.agent.HaloLink;
import tools.jackson.core.JacksonException;

/**
 * {@code java -jar halo-link-standalone.jar <config.json>}: a Halo Link on a practice server. It needs no inbound
 * port: it connects out to the cloud and keeps that connection.
 */
public final class LinkMain {

    private LinkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "halo-link-logback.xml");
        }
        String file = args.length > 0 ? args[0] : System.getenv("HALO_LINK_CONFIG");
        if (file == null) {
            System.err.println("usage: java -jar halo-link-standalone.jar <config.json>   (or HALO_LINK_CONFIG)");
            System.exit(2);
        }
        LinkConfig config;
        try {
            config = LinkConfig.read(Path.of(file));
        } catch (IOException | IllegalArgumentException | JacksonException e) {
            System.err.println("halo-link: cannot use " + file + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        HaloLink agent = new HaloLink(config.concurrency());
        CloudConnection connection = new CloudConnection(config, agent);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connection.close();
            agent.close();
            stopped.countDown();
        }, "halo-link-shutdown"));
        connection.start();
        stopped.await();
    }
}
