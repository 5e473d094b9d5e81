package org.halocloud.passthrough.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.halocloud.passthrough.config.HaloProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

    @TempDir
    Path dir;

    private CredentialCipher cipher(String masterKey) {
        return new CredentialCipher(new HaloProperties(dir, "demo", new HaloProperties.RateLimit(true, 15, java.time.Duration.ofSeconds(5)),
                new HaloProperties.Query(java.time.Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets(masterKey)));
    }

    @Test
    void sealsAndOpensButNeverStoresThePlaintext() {
        CredentialCipher cipher = cipher("");
        String sealed = cipher.seal("s3cret-password", "vendor-signup:a:bp");
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.seal("s3cret-password", "vendor-signup:a:bp")).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "vendor-signup:a:bp")).isEqualTo("s3cret-password");
        // the generated master key persists: a second node on the same data directory opens it too
        assertThat(cipher("").open(sealed, "vendor-signup:a:bp")).isEqualTo("s3cret-password");
    }

    @Test
    void aSealedValueMovedToAnotherRowOrKeyDoesNotOpen() {
        CredentialCipher cipher = cipher("");
        String sealed = cipher.seal("pw", "vendor-signup:a:bp");
        assertThatThrownBy(() -> cipher.open(sealed, "vendor-signup:b:bp")).isInstanceOf(IllegalStateException.class);
        String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> cipher(other).open(sealed, "vendor-signup:a:bp")).isInstanceOf(IllegalStateException.class);
    }
}
