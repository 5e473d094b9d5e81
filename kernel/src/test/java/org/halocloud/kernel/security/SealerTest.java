package org.halocloud.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.halocloud.kernel.config.HaloProperties;
import org.halocloud.kernel.security.Sealer.Binding;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    private static final UUID A = UUID.fromString("0b7f3c2e-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("0b7f3c2e-0000-4000-8000-00000000000b");

    @TempDir
    Path dir;

    private Sealer sealer(String masterKey) {
        return new Sealer(new HaloProperties(dir, "demo", new HaloProperties.RateLimit(true, 15, java.time.Duration.ofSeconds(5)),
                new HaloProperties.Query(java.time.Duration.ofSeconds(60), 8 << 20, 1 << 20, 8), new HaloProperties.Secrets(masterKey)));
    }

    @Test
    void sealsAndOpensButNeverStoresThePlaintext() {
        Sealer sealer = sealer("");
        Binding vendor = Purpose.VENDOR_PASSWORD.of(A, "best-practice");
        String sealed = sealer.seal("s3cret-password", vendor);
        assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
        assertThat(sealer.seal("s3cret-password", vendor)).isNotEqualTo(sealed);
        assertThat(sealer.open(sealed, vendor)).isEqualTo("s3cret-password");
        // the generated master key persists: a second node on the same data directory opens it too
        assertThat(sealer("").open(sealed, vendor)).isEqualTo("s3cret-password");
    }

    @Test
    void aSealedValueMovedToAnotherRowPurposeOrKeyDoesNotOpen() {
        Sealer sealer = sealer("");
        String sealed = sealer.seal("pw", Purpose.VENDOR_PASSWORD.of(A, "best-practice"));
        assertThatThrownBy(() -> sealer.open(sealed, Purpose.VENDOR_PASSWORD.of(B, "best-practice")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(sealed, Purpose.VENDOR_PASSWORD.of(A, "zedmed")))
                .isInstanceOf(IllegalStateException.class);
        String secret = sealer.seal("pw", Purpose.WEBHOOK_SECRET.of(A));
        assertThatThrownBy(() -> sealer.open(secret, Purpose.ASYNC_COMMAND.of(A))).isInstanceOf(IllegalStateException.class);
        String other = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> sealer(other).open(sealed, Purpose.VENDOR_PASSWORD.of(A, "best-practice")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pagesSealAndOpenAtEverySizeAndRefuseTamperingOrAnotherPage() {
        Sealer sealer = sealer("");
        java.util.Random random = new java.util.Random(7);
        for (int size : new int[] {0, 1, 4095, (1 << 20) + 3}) {
            byte[] page = new byte[size];
            random.nextBytes(page);
            byte[] sealed = sealer.sealBytes(page, Purpose.ASYNC_PAGE.of(A, 1));
            assertThat(sealed).hasSize(12 + size + 16);
            assertThat(sealer.openBytes(sealed, Purpose.ASYNC_PAGE.of(A, 1))).isEqualTo(page);
            assertThatThrownBy(() -> sealer.openBytes(sealed, Purpose.ASYNC_PAGE.of(A, 2))).isInstanceOf(IllegalStateException.class);
            byte[] tampered = sealed.clone();
            tampered[tampered.length / 2] ^= 1;
            assertThatThrownBy(() -> sealer.openBytes(tampered, Purpose.ASYNC_PAGE.of(A, 1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void pagingLinksAreUrlSafeAndBoundToTheirSite() {
        Sealer sealer = sealer("");
        String token = sealer.sealForUrl("{\"after\":\"42\"}", Purpose.PAGING_LINK.of(A));
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(sealer.openFromUrl(token, Purpose.PAGING_LINK.of(A))).isEqualTo("{\"after\":\"42\"}");
        assertThatThrownBy(() -> sealer.openFromUrl(token, Purpose.PAGING_LINK.of(B))).isInstanceOf(IllegalStateException.class);
    }

    /** Pages written before the ByteBuffer change (array form) still open: the format is iv || ciphertext+tag. */
    @Test
    void aPageSealedWithThePlainJdkArrayFormOpens() throws Exception {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        Sealer sealer = sealer(Base64.getEncoder().encodeToString(master));
        byte[] page = "[{\"X\":1}]".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = jdkSeal(master, page, "async-page:" + A + ":1");
        assertThat(sealer.openBytes(sealed, Purpose.ASYNC_PAGE.of(A, 1))).isEqualTo(page);
    }

    /**
     * Everything sealed before the purposes were typed (when callers passed their own context strings) still opens:
     * each purpose binds exactly the associated data its caller used to write.
     */
    @Test
    void everyPurposeOpensWhatItsOldContextStringSealed() throws Exception {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        Sealer sealer = sealer(Base64.getEncoder().encodeToString(master));
        Map<Binding, String> written = Map.ofEntries(
                Map.entry(Purpose.VENDOR_PASSWORD.of(A, "centaur"), "vendor-signup:" + A + ":centaur"),
                Map.entry(Purpose.PAGING_LINK.of(A), "fhir-search:" + A),
                Map.entry(Purpose.ASYNC_COMMAND.of(A), "async-command:" + A),
                Map.entry(Purpose.ASYNC_PARAMETERS.of(A), "async-parameters:" + A),
                Map.entry(Purpose.ASYNC_ERROR.of(A), "async-error:" + A),
                Map.entry(Purpose.ASYNC_PAGE.of(A, 3), "async-page:" + A + ":3"),
                Map.entry(Purpose.REGISTERED_COMMAND.of(A), "registered-command:" + A),
                Map.entry(Purpose.REGISTERED_RESULT.of(A), "registered-result:" + A),
                Map.entry(Purpose.REGISTERED_PARAMETERS.of(A), "registered-parameters:" + A),
                Map.entry(Purpose.REGISTERED_ERROR.of(A), "registered-error:" + A),
                Map.entry(Purpose.WEBHOOK_SECRET.of(A), "webhook-secret:" + A),
                Map.entry(Purpose.CLUSTER_MESSAGE.of(A, "r:7"), "cluster-message:" + A + ":r:7"));
        assertThat(written.keySet().stream().map(Binding::purpose)).containsExactlyInAnyOrder(Purpose.values());
        byte[] plain = "opened".getBytes(StandardCharsets.UTF_8);
        written.forEach((binding, context) -> {
            try {
                byte[] old = jdkSeal(master, plain, context);
                assertThat(sealer.open("v1:" + Base64.getEncoder().encodeToString(old), binding)).as(context).isEqualTo("opened");
                assertThat(sealer.openBytes(old, binding)).as(context).isEqualTo(plain);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A registered result's lastHash stays the same across the change: the fingerprint key derives from the same text. */
    @Test
    void fingerprintsAreKeyedByPurposeAndOwner() throws Exception {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        Sealer sealer = sealer(Base64.getEncoder().encodeToString(master));
        byte[] rows = "[{\"N\":1}]\n[]".getBytes(StandardCharsets.UTF_8);
        javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(master, "HmacSHA256"));
        byte[] macKey = derive.doFinal(("halo-fingerprint-v1:registered-result:" + A).getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        assertThat(sealer.fingerprint(rows, Purpose.REGISTERED_RESULT.of(A)))
                .isEqualTo(java.util.HexFormat.of().formatHex(mac.doFinal(rows)))
                .isNotEqualTo(sealer.fingerprint(rows, Purpose.REGISTERED_RESULT.of(B)));
    }

    private static byte[] jdkSeal(byte[] master, byte[] plain, String context) throws Exception {
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(master, "AES"), new GCMParameterSpec(128, iv));
        jdk.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] body = jdk.doFinal(plain);
        return java.nio.ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();
    }
}
