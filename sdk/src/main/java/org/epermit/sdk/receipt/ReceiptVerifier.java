package org.epermit.sdk.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.model.ExecutionReport;
import org.epermit.sdk.model.ExecutionReportVersion;
import org.epermit.sdk.model.ReportSource;
import org.epermit.sdk.receipt.ReceiptVerificationException.Reason;

/**
 * Verifies signed receipts (回执) offline: a receipt is a JWS in compact serialization (RFC 7515) signed with
 * {@code EdDSA} over Ed25519 (RFC 8037), header {@code typ} {@code epermit-receipt+jwt}, whose payload is the
 * {@link ReceiptClaims}. Uses the JDK's own Ed25519 (Java 15 and later); no other cryptography library.
 *
 * <pre>{@code
 * ReceiptVerifier verifier = ReceiptVerifier.fromService(client);   // or fromJwks(savedKeySetJson)
 * ReceiptClaims claims = verifier.verify(receiptJws);                // throws if anything is wrong
 * if (!ReceiptVerifier.contentMatches(claims, reportContentJson)) { ... }
 *
 * ExecutionReport report = client.filings().submit(permitNumber, content);
 * ReceiptClaims accepted = verifier.verifyCurrent(report);        // signature, report, version and content digest
 * }</pre>
 *
 * <p>Immutable in what it trusts and thread-safe: make one and share it.
 */
public final class ReceiptVerifier {

    /** The JWS {@code typ} of a receipt. */
    public static final String TYPE = "epermit-receipt+jwt";
    /** The JWS {@code alg} of a receipt. */
    public static final String ALGORITHM = "EdDSA";

    /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the JWK's 32-byte {@code x} follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");
    /** A receipt is a few hundred bytes; anything far larger is not one, and is refused before it is decoded. */
    private static final int MAX_LENGTH = 16_384;
    /** How often an unknown {@code kid} may make {@link #fromService} fetch the key set again. */
    private static final long REFRESH_INTERVAL_NANOS = 60_000_000_000L;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // a newer service may add claims: they do not make an older SDK refuse a good receipt
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /**
     * Writes a report version's content back to JSON as the service stored it: every member the contract declares,
     * {@code null}s included (the service hashes its content with its nulls), dates with their offsets as read.
     */
    private static final ObjectMapper MODELS = org.epermit.sdk.internal.Json.newMapper()
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private final Supplier<Map<String, PublicKey>> source;
    private final boolean refreshable;
    private volatile Map<String, PublicKey> keys;
    private long fetchedAt;

    private ReceiptVerifier(Supplier<Map<String, PublicKey>> source, boolean refreshable, Map<String, PublicKey> keys) {
        this.source = source;
        this.refreshable = refreshable;
        this.keys = keys;
    }

    /**
     * A verifier that trusts the keys of a JWK Set (RFC 7517), as {@code GET /v1/receipts/keys} returns it or as you
     * saved it. Keys other than Ed25519 OKP keys with a {@code kid} are ignored.
     *
     * @param jwksJson the key set's JSON, {@code {"keys":[...]}}
     * @return the verifier
     * @throws IllegalArgumentException when the text is not a JWK Set or holds no usable Ed25519 key
     */
    public static ReceiptVerifier fromJwks(String jwksJson) {
        Objects.requireNonNull(jwksJson, "jwksJson");
        Map<String, PublicKey> keys = parseJwks(jwksJson);
        return new ReceiptVerifier(() -> keys, false, keys);
    }

    /**
     * A verifier that reads the service's key set through {@code client} on its first use and keeps it. A receipt
     * naming a {@code kid} the kept set lacks (a key published since) makes it read the set again, at most once a
     * minute.
     *
     * @param client the client of the deployment that issued the receipts
     * @return the verifier
     */
    public static ReceiptVerifier fromService(EPermitClient client) {
        Objects.requireNonNull(client, "client");
        ObjectMapper models = org.epermit.sdk.internal.Json.newMapper();
        return new ReceiptVerifier(() -> {
            try {
                return parseJwks(models.writeValueAsString(client.receipts().keys()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the key set could not be read", e);
            }
        }, true, null);
    }

    /**
     * Verifies a receipt and returns what it states.
     *
     * @param jws the receipt, {@code header.payload.signature}
     * @return the receipt's claims, whose signature is good
     * @throws ReceiptVerificationException when the receipt is malformed ({@link Reason#MALFORMED}), is not an EdDSA
     *                                      receipt ({@link Reason#UNSUPPORTED_ALGORITHM}, {@link Reason#WRONG_TYPE}),
     *                                      names no published key ({@link Reason#UNKNOWN_KEY}) or its signature fails
     *                                      ({@link Reason#BAD_SIGNATURE})
     * @throws org.epermit.sdk.errors.EPermitException when a verifier {@link #fromService from the service} cannot
     *                                      read the key set
     */
    public ReceiptClaims verify(String jws) {
        if (jws == null || jws.length() > MAX_LENGTH) {
            throw failure(Reason.MALFORMED, "not a receipt: " + (jws == null ? "null" : "longer than " + MAX_LENGTH + " characters"));
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw failure(Reason.MALFORMED, "not a JWS in compact serialization (header.payload.signature)");
        }
        JsonNode header = json(decode(parts[0], "header"), "header");
        if (!header.isObject()) {
            throw failure(Reason.MALFORMED, "the JWS header is not a JSON object");
        }
        String alg = header.path("alg").asText(null);
        if (!ALGORITHM.equals(alg)) {
            throw failure(Reason.UNSUPPORTED_ALGORITHM, "the receipt's alg is " + alg + ", not " + ALGORITHM);
        }
        if (header.has("crit")) {
            // RFC 7515 4.1.11: extensions this verifier does not understand must make it refuse the JWS
            throw failure(Reason.UNSUPPORTED_ALGORITHM, "the receipt names critical header extensions " + header.get("crit"));
        }
        String typ = header.path("typ").asText(null);
        if (!TYPE.equals(typ)) {
            throw failure(Reason.WRONG_TYPE, "the JWS's typ is " + typ + ", not " + TYPE + ": it is not a receipt");
        }
        JsonNode kidNode = header.get("kid");
        if (kidNode == null || !kidNode.isTextual()) {
            throw failure(Reason.UNKNOWN_KEY, "the receipt's header names no key (kid)");
        }
        PublicKey key = key(kidNode.textValue());
        byte[] signature = decode(parts[2], "signature");
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!verifies(key, input, signature)) {
            throw failure(Reason.BAD_SIGNATURE, "the receipt's signature does not match it under key " + kidNode.textValue()
                    + ": it was altered or not signed by this service");
        }
        byte[] payload = decode(parts[1], "payload");
        ReceiptClaims claims;
        try {
            claims = JSON.readValue(payload, ReceiptClaims.class);
        } catch (java.io.IOException e) {
            throw new ReceiptVerificationException(Reason.MALFORMED, "the receipt's payload is not a receipt's claims", e);
        }
        if (claims.receiptId() == null || claims.contentSha256() == null || claims.acceptedAt() == null) {
            throw failure(Reason.MALFORMED, "the receipt's payload lacks receiptId, acceptedAt or contentSha256");
        }
        return claims;
    }

    /**
     * Verifies the receipt of the current version of a report, as {@link #verify(ExecutionReport, int)} does.
     *
     * @param report a report as {@code FilingService} returns it (submit, correct, get)
     * @return the receipt's claims
     * @throws ReceiptVerificationException as {@link #verify(ExecutionReport, int)} does
     */
    public ReceiptClaims verifyCurrent(ExecutionReport report) {
        Objects.requireNonNull(report, "report");
        if (report.getCurrentVersion() == null) {
            throw failure(Reason.WRONG_REPORT, "report " + report.getId() + " names no current version");
        }
        return verify(report, report.getCurrentVersion());
    }

    /**
     * Verifies the receipt of one version of a report, and that it is that version's: the signature is good, the
     * receipt names this report, version, permit, type and period, and the version's content has the digest the
     * receipt names ({@link #contentSha256(JsonNode)} of the content as the service returned it).
     *
     * @param report  a report as {@code FilingService} returns it (submit, correct, get)
     * @param version the version's number, from 1
     * @return the receipt's claims
     * @throws ReceiptVerificationException for a receipt that fails {@link #verify(String)}; {@link Reason#WRONG_REPORT}
     *                                      when the version has no receipt or the receipt is another report's;
     *                                      {@link Reason#IMPORTED_WITHOUT_RECEIPT} when the version was imported
     *                                      (source IMPORTED) and so has no receipt to verify;
     *                                      {@link Reason#CONTENT_MISMATCH} when the content is not what was accepted
     */
    public ReceiptClaims verify(ExecutionReport report, int version) {
        Objects.requireNonNull(report, "report");
        ExecutionReportVersion v = report.getVersions() == null ? null : report.getVersions().stream()
                .filter(x -> x.getNumber() != null && x.getNumber() == version).findFirst().orElse(null);
        if (v != null && v.getSource() == ReportSource.IMPORTED && v.getReceipt() == null) {
            throw failure(Reason.IMPORTED_WITHOUT_RECEIPT, "report " + report.getId() + " version " + version
                    + " was imported from another platform and has no receipt of ours to verify");
        }
        if (v == null || v.getReceipt() == null || v.getReceipt().getJws() == null) {
            throw failure(Reason.WRONG_REPORT, "report " + report.getId() + " has no version " + version
                    + " with a receipt");
        }
        ReceiptClaims claims = verify(v.getReceipt().getJws());
        String type = report.getType() == null ? null : report.getType().getValue();
        if (report.getId() == null || claims.reportId() != report.getId() || claims.reportVersion() != version
                || !Objects.equals(claims.permitNumber(), report.getPermitNumber())
                || !Objects.equals(claims.reportType(), type) || !Objects.equals(claims.period(), report.getPeriod())) {
            throw failure(Reason.WRONG_REPORT, "receipt " + claims.receiptId() + " is for report " + claims.reportId()
                    + " version " + claims.reportVersion() + " (" + claims.permitNumber() + ", " + claims.reportType()
                    + " " + claims.period() + "), not report " + report.getId() + " version " + version + " ("
                    + report.getPermitNumber() + ", " + type + " " + report.getPeriod() + ")");
        }
        if (v.getContent() == null || !contentMatches(claims, asStored(v.getContent()))) {
            throw failure(Reason.CONTENT_MISMATCH, "the content of report " + report.getId() + " version " + version
                    + " is not the content receipt " + claims.receiptId() + " was issued for (SHA-256 of its canonical "
                    + "JSON differs from contentSha256)");
        }
        return claims;
    }

    /**
     * Whether {@code content} is the content the receipt names: its RFC 8785 canonical JSON has the SHA-256 of
     * {@link ReceiptClaims#contentSha256()}. Formatting and member order do not matter; any changed value does.
     *
     * @param claims  the claims of a verified receipt
     * @param content the report content, as JSON text
     * @return whether the digests are equal
     * @throws IllegalArgumentException when {@code content} is not JSON
     */
    public static boolean contentMatches(ReceiptClaims claims, String content) {
        Objects.requireNonNull(content, "content");
        try {
            return contentMatches(claims, JSON.readTree(content));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the content is not JSON", e);
        }
    }

    /**
     * Whether {@code content} is the content the receipt names; see {@link #contentMatches(ReceiptClaims, String)}.
     *
     * @param claims  the claims of a verified receipt
     * @param content the report content
     * @return whether the digests are equal
     */
    public static boolean contentMatches(ReceiptClaims claims, JsonNode content) {
        Objects.requireNonNull(claims, "claims");
        String expected = claims.contentSha256();
        // both are digests the caller can see: a plain comparison leaks nothing worth timing
        return expected != null && expected.equalsIgnoreCase(contentSha256(content));
    }

    /**
     * Throws unless {@code content} is the content the receipt names.
     *
     * @param claims  the claims of a verified receipt
     * @param content the report content, as JSON text
     * @throws ReceiptVerificationException {@link Reason#CONTENT_MISMATCH} when the digests differ
     */
    public static void requireContentMatches(ReceiptClaims claims, String content) {
        if (!contentMatches(claims, content)) {
            throw failure(Reason.CONTENT_MISMATCH, "the content is not the content receipt " + claims.receiptId()
                    + " was issued for (SHA-256 of its canonical JSON differs from contentSha256)");
        }
    }

    /**
     * The digest a receipt names content by: lowercase hex SHA-256 of the UTF-8 bytes of its RFC 8785 canonical JSON.
     *
     * @param content the content
     * @return 64 lowercase hex digits
     */
    public static String contentSha256(JsonNode content) {
        Objects.requireNonNull(content, "content");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.of(content).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private PublicKey key(String kid) {
        Map<String, PublicKey> known = keys();
        PublicKey key = known.get(kid);
        if (key == null && refreshable) {
            key = refreshed(kid);
        }
        if (key == null) {
            throw failure(Reason.UNKNOWN_KEY, "no published key has kid " + kid + " (known: " + known.keySet() + ")");
        }
        return key;
    }

    private Map<String, PublicKey> keys() {
        Map<String, PublicKey> known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = source.get();
                    fetchedAt = System.nanoTime();
                }
                known = keys;
            }
        }
        return known;
    }

    /** The key after reading the set again, unless it was read within the last minute (forged kids cost nothing). */
    private synchronized PublicKey refreshed(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null && System.nanoTime() - fetchedAt > REFRESH_INTERVAL_NANOS) {
            keys = source.get();
            fetchedAt = System.nanoTime();
            key = keys.get(kid);
        }
        return key;
    }

    private static boolean verifies(PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // a signature of the wrong length or encoding
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no Ed25519 (Java 15 or later is needed)", e);
        }
    }

    /**
     * Base64url without padding, strictly: re-encoding gives the same text. Otherwise two texts would decode alike
     * (the unused low bits of the last character), and an altered signature part could still verify.
     */
    private static byte[] decode(String part, String what) {
        if (!PART.matcher(part).matches()) {
            throw failure(Reason.MALFORMED, "the JWS " + what + " is not base64url without padding");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new ReceiptVerificationException(Reason.MALFORMED, "the JWS " + what + " is not base64url", e);
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
            throw failure(Reason.MALFORMED, "the JWS " + what + " is not canonical base64url");
        }
        return bytes;
    }

    /**
     * A model as the service stored it: every member its schema declares, a {@code null} for each one the model has
     * no value for. The service writes its content with every member, nulls included, and hashes that; the models
     * cannot always tell a {@code null} they read from a member left out (a read-only one, such as
     * {@code licensedTonnes}, reads {@code null} as unset), so the members are put back here.
     */
    static JsonNode asStored(Object model) {
        JsonNode tree = MODELS.valueToTree(model);
        fill(tree, MODELS.constructType(model.getClass()));
        return tree;
    }

    private static void fill(JsonNode node, com.fasterxml.jackson.databind.JavaType declared) {
        com.fasterxml.jackson.databind.JavaType type = declared;
        while (type.isReferenceType() || type.isCollectionLikeType()) {
            type = type.getContentType(); // JsonNullable<X>, List<X>: the X of each element
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                fill(element, type);
            }
            return;
        }
        if (!node.isObject() || !type.getRawClass().getPackageName().equals("org.epermit.sdk.model")) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
        for (var property : MODELS.getSerializationConfig().introspect(type).findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            JsonNode member = object.get(property.getName());
            if (member == null) {
                object.putNull(property.getName());
            } else {
                fill(member, property.getPrimaryType());
            }
        }
    }

    private static JsonNode json(byte[] bytes, String what) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new ReceiptVerificationException(Reason.MALFORMED, "the JWS " + what + " is not JSON", e);
        }
    }

    private static Map<String, PublicKey> parseJwks(String jwksJson) {
        JsonNode set;
        try {
            set = JSON.readTree(jwksJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the key set is not JSON", e);
        }
        if (set == null || !set.path("keys").isArray()) {
            throw new IllegalArgumentException("not a JWK Set: no \"keys\" array");
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (JsonNode jwk : set.get("keys")) {
            boolean usable = "OKP".equals(jwk.path("kty").asText()) && "Ed25519".equals(jwk.path("crv").asText())
                    && jwk.path("kid").isTextual() && jwk.path("x").isTextual()
                    && (!jwk.has("use") || "sig".equals(jwk.path("use").asText()))
                    && (!jwk.has("alg") || ALGORITHM.equals(jwk.path("alg").asText()));
            if (usable) {
                keys.putIfAbsent(jwk.get("kid").textValue(), publicKey(jwk.get("x").textValue()));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key set holds no Ed25519 signing key with a kid");
        }
        return Collections.unmodifiableMap(keys);
    }

    private static PublicKey publicKey(String x) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key's x is not base64url", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("a key's x is not 32 bytes");
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a key's x is not an Ed25519 public key", e);
        }
    }

    private static ReceiptVerificationException failure(Reason reason, String message) {
        return new ReceiptVerificationException(reason, message, null);
    }

    @Override
    public String toString() {
        Map<String, PublicKey> known = keys;
        return "ReceiptVerifier" + (known == null ? "(keys not read yet)" : known.keySet());
    }
}
