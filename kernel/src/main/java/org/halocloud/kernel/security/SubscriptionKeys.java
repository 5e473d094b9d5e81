package org.halocloud.kernel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Subscription keys: 256 random bits, shown to the integrator once and stored only as a SHA-256 digest.
 * A plain digest suffices because the key is random, not a human-chosen password.
 */
public final class SubscriptionKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SubscriptionKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The last characters, enough for support to tell keys apart. */
    public static String hint(String key) {
        return "…" + key.substring(Math.max(0, key.length() - 4));
    }
}
