package org.epermit.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.epermit.api.contract.ContractOperations.Property;
import org.epermit.api.testing.RawRequests.Header;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The hostile values the sweep sends, as they go on the wire. Path and query values are written into the request
 * target exactly as given: percent-escapes stay as written, bad ones included.
 */
final class HostileValues {

    private HostileValues() {
    }

    /** A value for a path segment or query parameter, in its wire form. */
    record Value(String name, String wire) {
    }

    /** One or more header lines replacing the request's own header of that name (credentials: both of them). */
    record HeaderVariant(String name, List<Header> headers) {

        boolean replacesCredentials() {
            return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("X-API-Key")
                    || h.name().equalsIgnoreCase("Authorization"));
        }
    }

    /**
     * A request body: its bytes, the Content-Type to send with it (null: none), and whether the contract makes it
     * something the service must refuse.
     */
    record Body(String name, byte[] bytes, String contentType, boolean mustBeRefused) {
    }

    static final String LONG = "A".repeat(10_000);
    static final String MEDIUM = "A".repeat(2_000);

    /** For path segments and query values. {@code raw} values are bytes a client should have percent-encoded. */
    static final List<Value> PARAMETER = List.of(
            new Value("NUL %00", "%00"),
            new Value("22 x %C3%9F", "%C3%9F".repeat(22)),
            new Value("bad escape %G1", "%G1"),
            new Value("lone %", "%"),
            new Value("truncated escape %C3", "%C3"),
            new Value("invalid UTF-8 %FF%FE", "%FF%FE"),
            new Value("overlong slash %C0%AF", "%C0%AF"),
            new Value("encoded lone surrogate %ED%A0%80", "%ED%A0%80"),
            new Value("SQL", "'%3B%20DROP%20TABLE%20x%3B--"),
            new Value("encoded traversal", "..%2F..%2Fetc%2Fpasswd"),
            new Value("raw traversal", "../../etc/passwd"),
            new Value("10k characters", LONG),
            new Value("2k characters", MEDIUM),
            new Value("emoji", "%F0%9F%98%80"),
            new Value("raw UTF-8 on the wire", "许可证😀"),
            new Value("bidi override", "%E2%80%AE91130200699229617X001P"),
            new Value("zero-width only", "%E2%80%8B%E2%80%8B"),
            new Value("CRLF injection", "%0D%0ASet-Cookie:%20x=1"),
            new Value("fullwidth digits", "%EF%BC%91%EF%BC%92"),
            new Value("Arabic-Indic digit", "%D9%A3"),
            new Value("negative", "-1"),
            new Value("zero", "0"),
            new Value("huge number", "99999999999999999999999"),
            new Value("int overflow", "2147483648"),
            new Value("space", "%20"),
            new Value("encoded slash", "%2F"),
            new Value("format string", "%25s%25n%25x"));

    /** In a header value: the caller's API key, or its bearer token. */
    static final String KEY = "{key}";
    static final String TOKEN = "{token}";
    /** In a header value: a number unique to the request, so that an id the service keeps matches one request. */
    static final String UNIQUE = "{n}";

    static final List<HeaderVariant> HEADERS = headers();

    private static List<HeaderVariant> headers() {
        List<HeaderVariant> out = new ArrayList<>();
        String unknownKey = "epk_zzzzzzzzzzzzzzzz_" + "B".repeat(43);
        for (String[] v : new String[][] {
                {"garbage", "x"}, {"empty", ""}, {"well-formed unknown", unknownKey}, {"2k", "epk_" + MEDIUM},
                {"10k", "epk_" + LONG}, {"raw UTF-8", "密钥😀"}, {"percent NUL", "%00"}, {"SQL", "' OR '1'='1"},
                {"raw NUL byte", "epk_\u0000"}}) {
            out.add(new HeaderVariant("X-API-Key " + v[0], List.of(new Header("X-API-Key", v[1]))));
        }
        // {key} and {token} stand for the caller's own valid credentials
        out.add(new HeaderVariant("valid X-API-Key and valid bearer token",
                List.of(new Header("X-API-Key", KEY), new Header("Authorization", "Bearer " + TOKEN))));
        out.add(new HeaderVariant("Authorization lower-case scheme", List.of(new Header("Authorization", "bearer " + TOKEN))));
        out.add(new HeaderVariant("Authorization token with garbage after",
                List.of(new Header("Authorization", "Bearer " + TOKEN + "x"))));
        out.add(new HeaderVariant("Authorization token twice",
                List.of(new Header("Authorization", "Bearer " + TOKEN + " " + TOKEN))));
        out.add(new HeaderVariant("X-API-Key valid then garbage", List.of(new Header("X-API-Key", KEY + "%00"))));
        out.add(new HeaderVariant("X-API-Key twice", List.of(new Header("X-API-Key", unknownKey), new Header("X-API-Key", "x"))));
        for (String[] v : new String[][] {
                {"Bearer alone", "Bearer"}, {"Bearer and space", "Bearer "}, {"not a JWT", "Bearer a.b"},
                {"JWT-shaped garbage", "Bearer a.b.c"}, {"alg none", "Bearer eyJhbGciOiJub25lIn0.eyJhenAiOiJ4In0."},
                {"2k JWT-shaped", "Bearer " + MEDIUM + "." + MEDIUM + "." + MEDIUM}, {"Basic", "Basic YWRtaW46YWRtaW4="},
                {"raw UTF-8", "Bearer 令牌😀"}, {"unknown scheme", "Negotiate abc"}}) {
            out.add(new HeaderVariant("Authorization " + v[0], List.of(new Header("Authorization", v[1]))));
        }
        for (String[] v : new String[][] {
                {"empty", ""}, {"256 characters", "k".repeat(256)}, {"raw UTF-8", "幂等键"}, {"space inside", "a b"},
                {"percent NUL", "%00"}, {"SQL", "'; DROP TABLE idempotency;--"}}) {
            out.add(new HeaderVariant("Idempotency-Key " + v[0], List.of(new Header("Idempotency-Key", v[1]))));
        }
        for (String[] v : new String[][] {
                {"star", "*"}, {"lone quote", "\""}, {"weak prefix only", "W/"}, {"list", "\"x\", W/\"y\""},
                {"2k", "\"" + MEDIUM + "\""}, {"raw UTF-8", "\"标签\""}}) {
            out.add(new HeaderVariant("If-None-Match " + v[0], List.of(new Header("If-None-Match", v[1]))));
        }
        for (String[] v : new String[][] {{"star", "*"}, {"unknown tag", "\"nope\""}, {"garbage", "garbage"}}) {
            out.add(new HeaderVariant("If-Match " + v[0], List.of(new Header("If-Match", v[1]))));
        }
        for (String[] v : new String[][] {
                {"HTML", "text/html"}, {"XML", "application/xml"}, {"nothing acceptable", "*/*;q=0"},
                {"garbage", ";;;"}, {"bad q", "application/json;q=abc"}, {"problem only", "application/problem+json"},
                {"2k", "a/b,".repeat(500)}}) {
            out.add(new HeaderVariant("Accept " + v[0], List.of(new Header("Accept", v[1]))));
        }
        for (String[] v : new String[][] {
                {"unknown", "zz"}, {"star", "*"}, {"q over 1", "zh-CN;q=2"}, {"q NaN", "en;q=NaN"}, {"commas", ",,,"},
                {"2k", "en,".repeat(700)}, {"raw UTF-8", "中文"}}) {
            out.add(new HeaderVariant("Accept-Language " + v[0], List.of(new Header("Accept-Language", v[1]))));
        }
        for (String[] v : new String[][] {
                {"text", "text/plain"}, {"unknown charset", "application/json; charset=ebcdic"}, {"garbage", ";;"},
                {"multipart without boundary", "multipart/form-data; boundary="}}) {
            out.add(new HeaderVariant("Content-Type " + v[0], List.of(new Header("Content-Type", v[1]))));
        }
        for (String[] v : new String[][] {
                {"too short", "short"}, {"2k", MEDIUM}, {"raw UTF-8", "请求😀请求请求请求"}, {"percent NUL", "%00%00%00%00"},
                {"traversal", "../../../../"}, {"spaces", "a b c d e f g h"}}) {
            out.add(new HeaderVariant("X-Request-Id " + v[0], List.of(new Header("X-Request-Id", v[1]))));
        }
        out.add(new HeaderVariant("X-Request-Id CRLF injection",
                List.of(new Header("X-Request-Id", "injected-" + UNIQUE + "\r\nX-Injected: yes"))));
        out.add(new HeaderVariant("X-Request-Id bare CR", List.of(new Header("X-Request-Id", "bare-cr-" + UNIQUE + "\rX-Injected: yes"))));
        out.add(new HeaderVariant("X-Request-Id obsolete line folding",
                List.of(new Header("X-Request-Id", "folded-" + UNIQUE + "\r\n continued"))));
        for (String[] v : new String[][] {
                {"null", "null"}, {"not allowed", "https://evil.example.com"},
                {"allowed as a prefix", "https://portal.example.cn.evil.example.com"}, {"garbage", "%00"},
                {"raw UTF-8", "https://门户.example.cn"}}) {
            out.add(new HeaderVariant("Origin " + v[0], List.of(new Header("Origin", v[1]))));
        }
        return List.copyOf(out);
    }

    /** Stands for one string property's value (with its quotes) in a valid body, to put raw fragments there. */
    static final String SLOT = "\"@@slot@@\"";

    /**
     * Whole-body variants for an operation whose valid body is {@code valid}; {@code template} is the same body with
     * {@link #SLOT} as one string property's value.
     */
    static List<Body> bodies(String valid, String template) {
        String json = "application/json";
        String inner = valid.substring(1, valid.length() - 1);
        String firstMember = inner.contains(",") ? inner.substring(0, inner.indexOf(",")) : inner;
        List<Body> out = new ArrayList<>();
        out.add(text("malformed", valid.substring(0, valid.length() / 2), json, true));
        out.add(text("empty body", "", json, true));
        out.add(text("duplicate key", "{" + firstMember + "," + inner + "}", json, true));
        out.add(text("trailing object", valid + " {}", json, true));
        out.add(text("trailing garbage", valid + " x", json, true));
        out.add(text("top-level array", "[" + valid + "]", json, true));
        out.add(text("top-level string", "\"text\"", json, true));
        out.add(text("top-level null", "null", json, true));
        out.add(text("top-level number", "42", json, true));
        out.add(text("top-level huge number", "1" + "0".repeat(5_000), json, true));
        out.add(text("deeply nested arrays", template.replace(SLOT, "[".repeat(5_000) + "]".repeat(5_000)), json, true));
        out.add(text("deeply nested objects", template.replace(SLOT, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)),
                json, true));
        out.add(text("comment", "/* c */" + valid, json, true));
        out.add(text("single quotes", valid.replace('"', '\''), json, true));
        out.add(text("NaN", template.replace(SLOT, "NaN"), json, true));
        out.add(text("unquoted string", template.replace(SLOT, "abc"), json, true));
        out.add(text("unknown property", "{" + inner + ",\"zzUnknown\":1}", json, true));
        out.add(text("byte-order mark", "\uFEFF" + valid, json, false));
        out.add(bytes("raw invalid UTF-8 in a string", template, new byte[] {'"', (byte) 0xFF, (byte) 0xFE, '"'}, json));
        out.add(bytes("raw lone surrogate (CESU-8) in a string", template,
                new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, json));
        out.add(bytes("raw NUL byte in a string", template, new byte[] {'"', 'a', 0, 'b', '"'}, json));
        out.add(bytes("raw control character in a string", template, new byte[] {'"', 'a', '\t', 'b', '"'}, json));
        out.add(text("no Content-Type", valid, null, true));
        out.add(text("text/plain", valid, "text/plain", true));
        out.add(text("form-encoded", valid, "application/x-www-form-urlencoded", true));
        out.add(text("XML", "<a/>", "application/xml", true));
        out.add(text("JSON declared UTF-16", valid, "application/json; charset=utf-16", true));
        out.add(text("over the size limit", template.replace(SLOT, "\"" + "x".repeat(1_100_000) + "\""), json, true));
        return List.copyOf(out);
    }

    /**
     * JSON values for one property, each with whether the contract makes it something the service must refuse (a
     * value of the wrong type, a control or lone surrogate, text that shows nothing, past maxLength, a date that
     * cannot be).
     */
    static List<PropertyValue> propertyValues(Property property) {
        JsonNode schema = property.schema();
        String type = ContractOperations.type(schema).orElse("string");
        List<PropertyValue> out = new ArrayList<>();
        switch (type) {
            case "array" -> {
                out.add(new PropertyValue("scalar instead of list", "\"permits:read\"", true));
                out.add(new PropertyValue("null in list", "[null]", true));
                out.add(new PropertyValue("number in list", "[1]", true));
                out.add(new PropertyValue("list in list", "[[]]", true));
                out.add(new PropertyValue("lone surrogate in list", "[\"\\ud800\"]", true));
                out.add(new PropertyValue("10k string in list", "[\"" + LONG + "\"]", false));
                out.add(new PropertyValue("empty list", "[]", false));
                out.add(new PropertyValue("2000 items", "[" + "\"a\",".repeat(1_999) + "\"a\"]", false));
            }
            default -> {
                boolean date = schema.path("format").asText().equals("date-time");
                out.add(new PropertyValue("number instead of string", "123", true));
                out.add(new PropertyValue("boolean instead of string", "true", true));
                out.add(new PropertyValue("object instead of string", "{}", true));
                out.add(new PropertyValue("list instead of string", "[\"a\"]", true));
                out.add(new PropertyValue("huge number", "1e999999", true));
                out.add(new PropertyValue("null", "null", property.required()));
                out.add(new PropertyValue("lone surrogate", "\"\\ud800\"", true));
                out.add(new PropertyValue("NUL", "\"a\\u0000b\"", true));
                out.add(new PropertyValue("zero-width only", "\"\\u200b\\u200b\"", true));
                out.add(new PropertyValue("bidi override only", "\"\\u202e\"", true));
                out.add(new PropertyValue("bidi override inside", "\"\\u202eabc\"", date));
                out.add(new PropertyValue("10k string", "\"" + LONG + "\"", date || schema.has("maxLength")));
                out.add(new PropertyValue("SQL", "\"'; DROP TABLE api_client;--\"", date));
                out.add(new PropertyValue("emoji", "\"\uD83D\uDE00\"", date));
                if (date) {
                    out.add(new PropertyValue("year +300000", "\"+300000-01-01T00:00:00Z\"", true));
                    out.add(new PropertyValue("year -999999999", "\"-999999999-01-01T00:00:00Z\"", true));
                    out.add(new PropertyValue("30 February", "\"2026-02-30T00:00:00Z\"", true));
                    out.add(new PropertyValue("epoch seconds", "1700000000", true));
                    out.add(new PropertyValue("no offset", "\"2027-01-01T00:00:00\"", false));
                }
            }
        }
        return out;
    }

    record PropertyValue(String name, String json, boolean mustBeRefused) {
    }

    private static Body text(String name, String text, String contentType, boolean refuse) {
        return new Body(name, text.getBytes(StandardCharsets.UTF_8), contentType, refuse);
    }

    private static Body bytes(String name, String template, byte[] raw, String contentType) {
        int at = template.indexOf(SLOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(template.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(template.substring(at + SLOT.length()).getBytes(StandardCharsets.UTF_8));
        return new Body(name, out.toByteArray(), contentType, true);
    }

    // ---- what the contract accepts, to know which values the service must refuse ----

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Percent-decodes a wire value strictly ({@code +} as a space in a query): empty when an escape is malformed or
     * the bytes are not UTF-8.
     */
    static Optional<String> decode(String wire, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '%') {
                if (i + 2 >= wire.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(wire.charAt(i + 1), 16);
                int lo = Character.digit(wire.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether a decoded parameter value satisfies its schema (type, enum, pattern, format, bounds, lengths). */
    static boolean accepts(JsonNode schema, String value) {
        String type = ContractOperations.type(schema).orElse("string");
        if (type.equals("integer")) {
            if (!value.matches("-?[0-9]+")) {
                return false;
            }
            BigInteger n = new BigInteger(value);
            BigInteger max = BigInteger.valueOf(schema.path("format").asText().equals("int64") ? Long.MAX_VALUE : Integer.MAX_VALUE);
            if (n.abs().compareTo(max) > 0) {
                return false;
            }
            return (!schema.has("minimum") || n.compareTo(new BigInteger(schema.get("minimum").asText())) >= 0)
                    && (!schema.has("maximum") || n.compareTo(new BigInteger(schema.get("maximum").asText())) <= 0);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.asText().equals(value);
            }
            if (!listed) {
                return false;
            }
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            return false;
        }
        int length = value.codePointCount(0, value.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return false;
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return false;
        }
        try {
            switch (schema.path("format").asText()) {
                case "uuid" -> {
                    if (!UUID_SHAPE.matcher(value).matches()) {
                        return false;
                    }
                    UUID.fromString(value);
                }
                case "date" -> LocalDate.parse(value);
                case "date-time" -> OffsetDateTime.parse(value);
                default -> {
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
        return true;
    }
}
