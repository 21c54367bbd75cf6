package org.epermit.api.common;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.FieldError;
import org.epermit.api.problem.Message;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Opaque, tamper-evident cursors for keyset pagination. A cursor carries the position after which the next page
 * starts, a digest of the query it belongs to and the time it was issued, signed with HMAC-SHA256. A forged,
 * altered, foreign (other filters) or stale cursor is refused with {@code INVALID_CURSOR}.
 */
@ApplicationScoped
public class CursorCodec {

    private static final char SEPARATOR = '\u001f';
    private static final int MAX_LENGTH = 512;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,460}\\.[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final PagingConfig config;
    private final Clock clock;

    public CursorCodec(PagingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.key = config.cursorSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            Log.info("epermit.paging.cursor-secret is not set: cursors are signed with a random per-process key");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        if (key.length < 32) {
            throw new IllegalStateException("epermit.paging.cursor-secret must be at least 32 characters");
        }
    }

    /** A cursor for the page after {@code position}, valid only for the query whose canonical form is {@code query}. */
    public String encode(String query, List<String> position) {
        StringBuilder payload = new StringBuilder("1").append(SEPARATOR)
                .append(clock.millis() / 1000).append(SEPARATOR)
                .append(queryDigest(query));
        position.forEach(p -> payload.append(SEPARATOR).append(p));
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body));
    }

    /** A page cut from rows fetched with one extra row (which tells whether another page follows). */
    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /** The first {@code limit} rows, and the cursor after the last of them if more rows followed. */
    public <T> Slice<T> slice(List<T> rows, int limit, String query, java.util.function.Function<T, String> position) {
        if (rows.size() <= limit) {
            return new Slice<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Slice<>(items, encode(query, List.of(position.apply(items.get(limit - 1)))));
    }

    /** The position a cursor carries, after checking its signature, its query and its age. */
    public List<String> decode(String cursor, String query, String path) {
        if (cursor.length() > MAX_LENGTH || !SHAPE.matcher(cursor).matches()) {
            throw invalid(path, "FORMAT", Message.of("is not a cursor issued by this API",
                    "不是本接口签发的分页游标"));
        }
        int dot = cursor.indexOf('.');
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw invalid(path, "FORMAT", Message.of("is not a cursor issued by this API", "不是本接口签发的分页游标"));
        }
        // Base64 leaves unused bits in a last character; only the canonical spelling is ours.
        if (!(ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(signature)).equals(cursor)) {
            throw invalid(path, "SIGNATURE", Message.of("has been altered or was not issued by this API",
                    "已被篡改或并非本接口签发"));
        }
        if (!MessageDigest.isEqual(sign(body), signature)) {
            throw invalid(path, "SIGNATURE", Message.of("has been altered or was not issued by this API",
                    "已被篡改或并非本接口签发"));
        }
        List<String> fields = Arrays.asList(new String(body, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
        if (fields.size() < 3 || !fields.get(0).equals("1")) {
            throw invalid(path, "FORMAT", Message.of("is not a cursor issued by this API", "不是本接口签发的分页游标"));
        }
        if (!fields.get(2).equals(queryDigest(query))) {
            throw invalid(path, "QUERY_MISMATCH", Message.of(
                    "belongs to a query with other filters; repeat the same filters with it, or start again without a cursor",
                    "属于筛选条件不同的查询；请使用相同的筛选条件，或不带游标重新查询"));
        }
        long issued = Long.parseLong(fields.get(1));
        if (clock.millis() / 1000 - issued > config.cursorTtl().toSeconds()) {
            throw invalid(path, "STALE", Message.of("has expired; start again without a cursor",
                    "已过期；请不带游标重新查询"));
        }
        return List.copyOf(fields.subList(3, fields.size()));
    }

    private static ApiException invalid(String path, String reason, Message message) {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                Message.of("The cursor " + message.en() + ".", "分页游标" + message.zh() + "。"),
                List.of(new FieldError(path, reason, message)));
    }

    private static String queryDigest(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
