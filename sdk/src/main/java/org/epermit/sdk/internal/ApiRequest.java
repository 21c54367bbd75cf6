package org.epermit.sdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation's request as the contract describes it: method, path with its parameters filled in, query parameters
 * and JSON body. A service builds it in one expression and hands it to {@link Transport#call}; it is not shared.
 *
 * <pre>{@code
 * transport.call(ApiRequest.get("/v1/public/permits/{permitNumber}", number), PublicPermit.class, options);
 * }</pre>
 */
public final class ApiRequest {

    /** The media type of a JSON body. */
    static final String JSON = "application/json";
    /** The media type of a JSON merge patch (RFC 7396), the body of every PATCH. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private Object body;
    private byte[] text;
    private String contentType;
    private String accept;

    private ApiRequest(String method, String template, Object... pathParameters) {
        this.method = method;
        this.path = expand(template, pathParameters);
    }

    /**
     * A GET.
     *
     * @param template       the contract's path, e.g. {@code /v1/public/permits/{permitNumber}}
     * @param pathParameters the values of its {@code {…}} parameters, in order
     * @return the request
     */
    public static ApiRequest get(String template, Object... pathParameters) {
        return new ApiRequest("GET", template, pathParameters);
    }

    /**
     * A POST, without a body until {@link #json} gives it one.
     *
     * @param template       the contract's path
     * @param pathParameters the values of its parameters, in order
     * @return the request
     */
    public static ApiRequest post(String template, Object... pathParameters) {
        return new ApiRequest("POST", template, pathParameters);
    }

    /**
     * A PUT, whose body {@link #json} gives: it sets the resource whole, so a retry is as safe as the first attempt.
     *
     * @param template       the contract's path
     * @param pathParameters the values of its parameters, in order
     * @return the request
     */
    public static ApiRequest put(String template, Object... pathParameters) {
        return new ApiRequest("PUT", template, pathParameters);
    }

    /**
     * A PATCH, whose body {@link #mergePatch} gives.
     *
     * @param template       the contract's path
     * @param pathParameters the values of its parameters, in order
     * @return the request
     */
    public static ApiRequest patch(String template, Object... pathParameters) {
        return new ApiRequest("PATCH", template, pathParameters);
    }

    /**
     * A DELETE.
     *
     * @param template       the contract's path
     * @param pathParameters the values of its parameters, in order
     * @return the request
     */
    public static ApiRequest delete(String template, Object... pathParameters) {
        return new ApiRequest("DELETE", template, pathParameters);
    }

    /**
     * Adds a query parameter, unless its value is {@code null} (the parameter is left out).
     *
     * @param name  the parameter's name
     * @param value its value: text, a number, a date, a UUID or a model enumeration (sent as the contract's value)
     * @return this request
     */
    public ApiRequest query(String name, Object value) {
        if (value != null) {
            query.add(Map.entry(name, text(value)));
        }
        return this;
    }

    /**
     * Sets the body, sent as {@code application/json}.
     *
     * @param body a model
     * @return this request
     */
    public ApiRequest json(Object body) {
        this.text = null;
        this.body = Objects.requireNonNull(body, "body");
        this.contentType = JSON;
        return this;
    }

    /**
     * Sets the body, sent as {@code application/merge-patch+json}: fields left unset are not sent.
     *
     * @param body a change model
     * @return this request
     */
    public ApiRequest mergePatch(Object body) {
        this.body = Objects.requireNonNull(body, "body");
        this.contentType = MERGE_PATCH;
        return this;
    }

    /**
     * Sets a body of text, sent as UTF-8 in the given media type (a CSV batch is {@code text/csv}).
     *
     * @param mediaType the media type, without a charset (the SDK adds {@code charset=utf-8})
     * @param body      the text
     * @return this request
     */
    public ApiRequest text(String mediaType, String body) {
        this.text = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
        this.body = null;
        this.contentType = Objects.requireNonNull(mediaType, "mediaType") + "; charset=utf-8";
        return this;
    }

    /**
     * Asks for another representation than JSON, for an operation whose success the contract documents in several
     * media types (a search as GeoJSON, an export as NDJSON or CSV). A problem is accepted as well, as always.
     *
     * @param mediaType the success's media type, e.g. {@code application/geo+json}
     * @return this request
     */
    public ApiRequest accept(String mediaType) {
        this.accept = Objects.requireNonNull(mediaType, "mediaType");
        return this;
    }

    String method() {
        return method;
    }

    /** The media type asked for with {@link #accept(String)}, or {@code null} for JSON. */
    String accept() {
        return accept;
    }

    /** The path with its parameters filled in, percent-encoded, and the query, without the base URL. */
    String target() {
        return Transport.withQuery(java.net.URI.create(path), query).toString();
    }

    Object body() {
        return body;
    }

    /** The text body's UTF-8 bytes, or {@code null} when the body is a model (or there is none). */
    byte[] text() {
        return text;
    }

    String contentType() {
        return contentType;
    }

    private static String expand(String template, Object... values) {
        StringBuilder s = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                s.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (next == values.length) {
                throw new IllegalArgumentException("no value for " + template.substring(open, close + 1) + " of " + template);
            }
            s.append(template, i, open).append(encode(text(Objects.requireNonNull(values[next++], "path parameter"))));
            i = close + 1;
        }
        if (next != values.length) {
            throw new IllegalArgumentException(values.length + " values for the parameters of " + template);
        }
        return s.toString();
    }

    private static String text(Object value) {
        return value instanceof OffsetDateTime t ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) : value.toString();
    }

    /** Percent-encodes a path segment or query component as UTF-8 ({@code %20} for a space, {@code /} encoded). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Describes the request for messages.
     *
     * @return e.g. {@code GET /v1/public/permits/…}
     */
    @Override
    public String toString() {
        return method + " " + target();
    }
}
