package org.halocloud.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.halocloud.kernel.config.HaloProperties;
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

    @Test
    void pagesSealAndOpenAtEverySizeAndRefuseTamperingOrAnotherPage() {
        CredentialCipher cipher = cipher("");
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 4095, (1 << 20) + 3}) {
            byte[] page = new byte[size];
            random.nextBytes(page);
            byte[] sealed = cipher.sealBytes(page, "page:q:1");
            assertThat(sealed).hasSize(12 + size + 16);
            assertThat(cipher.openBytes(sealed, "page:q:1")).isEqualTo(page);
            assertThatThrownBy(() -> cipher.openBytes(sealed, "page:q:2")).isInstanceOf(IllegalStateException.class);
            byte[] tampered = sealed.clone();
            tampered[tampered.length / 2] ^= 1;
            assertThatThrownBy(() -> cipher.openBytes(tampered, "page:q:1")).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Pages written before the ByteBuffer change (array form) still open: the format is iv || ciphertext+tag. */
    @Test
    void aPageSealedWithThePlainJdkArrayFormOpens() throws Exception {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        CredentialCipher cipher = cipher(java.util.Base64.getEncoder().encodeToString(master));
        byte[] page = "[{\"X\":1}]".repeat(5000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] iv = new byte[12];
        javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(master, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        jdk.updateAAD("page:q:1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] body = jdk.doFinal(page);
        byte[] sealed = java.nio.ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();
        assertThat(cipher.openBytes(sealed, "page:q:1")).isEqualTo(page);
    }
}
