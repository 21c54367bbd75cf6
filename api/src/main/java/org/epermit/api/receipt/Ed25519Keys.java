package org.epermit.api.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 keys as configuration writes them and as a JWK (RFC 8037) publishes them: the JDK reads and writes the keys,
 * BouncyCastle signs and verifies.
 * Messages never contain key material.
 */
final class Ed25519Keys {

    /**
     * The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112,
     * BIT STRING of 33 bytes; the 32 bytes after it are the JWK's {@code x}.
     */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_LENGTH = 32;

    private Ed25519Keys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no Ed25519", e);
        }
    }

    /** A PKCS#8 private key (PEM or base64 DER) with its public key; {@code name} is the config key, for messages. */
    static KeyPair parsePrivate(String text, String name) {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY", name)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not an Ed25519 private key in PKCS#8 (PEM or base64 of the DER "
                    + "bytes); generate one with: openssl genpkey -algorithm ed25519", e);
        }
        if (!(key instanceof EdECPrivateKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            throw new IllegalStateException(name + " is not an Ed25519 key (Ed448 or another algorithm?)");
        }
        return new KeyPair(publicOf(ed, name), key);
    }

    /**
     * A public key as SubjectPublicKeyInfo (PEM or base64 DER) or as the raw 32 bytes of a JWK's {@code x}
     * (base64url), which is what an operator can copy from the published key set.
     */
    static PublicKey parsePublic(String text, String name) {
        try {
            String trimmed = text.strip();
            byte[] der;
            if (trimmed.matches("[A-Za-z0-9_-]{43}")) {
                der = spki(Base64.getUrlDecoder().decode(trimmed));
            } else {
                der = der(trimmed, "PUBLIC KEY", name);
            }
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof EdECPublicKey ed) || !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                throw new IllegalStateException(name + " is not an Ed25519 public key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not an Ed25519 public key (SubjectPublicKeyInfo as PEM or base64, "
                    + "or a JWK's x in base64url)", e);
        }
    }

    /** The JWK's {@code x}: the 32-byte encoded point, base64url without padding. */
    static String x(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(Arrays.copyOf(der, SPKI_PREFIX.length), SPKI_PREFIX)) {
            throw new IllegalStateException("not an Ed25519 SubjectPublicKeyInfo");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
    }

    /** The RFC 7638 thumbprint of the key's JWK (the required members, in lexicographic order, no whitespace). */
    static String thumbprint(PublicKey key) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x(key) + "\"}";
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs with BouncyCastle's RFC 8032 implementation: the JDK 17 one costs about 0.6 ms a signature, ten times
     * more, and every accepted filing is signed in its write. The signatures are the same (Ed25519 is deterministic).
     */
    static byte[] sign(PrivateKey key, byte[] input) {
        byte[] seed = seed(key);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, input, 0, input.length, signature, 0);
        Arrays.fill(seed, (byte) 0);
        return signature;
    }

    static boolean verify(PublicKey key, byte[] input, byte[] signatureBytes) {
        if (signatureBytes == null || signatureBytes.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signatureBytes, 0, raw(key), 0, input, 0, input.length);
    }

    private static byte[] seed(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edec)) {
            throw new IllegalStateException("not an Ed25519 private key");
        }
        return edec.getBytes().orElseThrow(() -> new IllegalStateException("the Ed25519 key holds no private key bytes"));
    }

    /** The 32-byte encoded point of an Ed25519 public key (RFC 8032 5.1.5), from its SubjectPublicKeyInfo. */
    private static byte[] raw(PublicKey key) {
        return Base64.getUrlDecoder().decode(x(key));
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from a private one, but its key-pair generator draws the
     * private key (the 32-byte seed, RFC 8032) from the random source it is given and computes the public key from
     * it: given the seed as its "random" bytes, it derives exactly this key's public key. A signature made with the
     * configured key and checked with the derived one proves it.
     */
    private static PublicKey publicOf(EdECPrivateKey key, String name) {
        byte[] seed = key.getBytes().orElseThrow(() -> new IllegalStateException(name + " holds no private key bytes"));
        if (seed.length != KEY_LENGTH) {
            throw new IllegalStateException(name + " is not an Ed25519 private key (wrong length)");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair derived = generator.generateKeyPair();
            byte[] probe = "epermit receipt key check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(derived.getPublic(), probe, sign(key, probe))) {
                throw new IllegalStateException("could not derive the public key of " + name);
            }
            return derived.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the public key of " + name, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] der(String text, String label, String name) {
        String body = text.strip();
        if (body.startsWith("-----BEGIN ")) {
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = body.indexOf(begin);
            int to = body.indexOf(end);
            if (from != 0 || to < 0) {
                throw new IllegalArgumentException(name + ": expected a PEM block " + begin);
            }
            body = body.substring(begin.length(), to);
        }
        // strict: a stray character is an error, not skipped (the MIME decoder would skip it)
        return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
    }

    private static byte[] spki(byte[] x) {
        if (x.length != KEY_LENGTH) {
            throw new IllegalArgumentException("x must be 32 bytes");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
        System.arraycopy(x, 0, der, SPKI_PREFIX.length, KEY_LENGTH);
        return der;
    }

    /** A "random" source that yields one fixed seed: see {@link #publicOf}. */
    private static final class SeedSource extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
