package org.halocloud.link.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkConfigTest {

    @TempDir
    Path dir;

    /** @param allowPlain null: the setting left out, as most configurations do */
    private LinkConfig read(String cloud, Boolean allowPlain) throws Exception {
        Path file = dir.resolve("link.json");
        Files.writeString(file, """
                {"cloud": "%s", "credential": "link-credential-xyz", %s
                 "databases": [{"key": "bp", "pms": "bp-premier", "pmsId": "1",
                                "catalogues": {"BPSPatients": "jdbc:h2:mem:x"}}]}""".formatted(cloud,
                allowPlain == null ? "" : "\"allowPlainWebSocket\": " + allowPlain + ","));
        return LinkConfig.read(file);
    }

    @Test
    void aLinkSpeaksTlsToTheCloudUnlessItIsOnThisMachineOrExplicitlyInsideAPrivateNetwork() throws Exception {
        assertThat(read("wss://halo.example.com/link/v1", null).heartbeat().toSeconds()).isEqualTo(15);
        assertThat(read("ws://localhost:8080/link/v1", null).databases()).hasSize(1);
        assertThatThrownBy(() -> read("ws://halo.example.com/link/v1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://");
        assertThatThrownBy(() -> read("ws://halo.example.com/link/v1", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wss://");
        assertThat(read("ws://cloud:8080/link/v1", true).cloud().getHost()).isEqualTo("cloud");
    }

    @Test
    void theCredentialIsNeverPrinted() throws Exception {
        assertThat(read("wss://halo.example.com/link/v1", false).toString()).doesNotContain("link-credential-xyz").contains("***");
    }
}
