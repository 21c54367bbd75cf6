package org.epermit.api.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code epk_<id>_<secret>}: a recognisable prefix (secret scanners can find leaked keys), a
 * public 16-character id to find the key with, and 256 random bits. Only the SHA-256 of the secret is stored; a
 * slow hash would add nothing against 256-bit secrets and would cost every request.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "epk_";
    private static final Pattern SHAPE = Pattern.compile("epk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{16}");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A new key: its id, the full key to show once, and the digest to store. */
    public record NewKey(String id, String key, byte[] secretSha256) {
    }

    /** The parts of a presented key. */
    public record Presented(String id, byte[] secretSha256) {
    }

    /** Whether {@code id} has the shape of a key id (the part after {@code epk_}); no other can name a key. */
    public static boolean isKeyId(String id) {
        return id != null && KEY_ID.matcher(id).matches();
    }

    public static NewKey generate() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(id.toString(), PREFIX + id + "_" + secretText, sha256(secretText));
    }

    public static Optional<Presented> parse(String header) {
        if (header == null || header.length() > 100) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Presented(m.group(1), sha256(m.group(2))));
    }

    /** Compares digests in constant time. */
    public static boolean matches(byte[] presented, byte[] stored) {
        return MessageDigest.isEqual(presented, stored);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
