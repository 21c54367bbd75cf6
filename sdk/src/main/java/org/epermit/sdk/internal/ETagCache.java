package org.epermit.sdk.internal;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last response to each GET that carried an {@code ETag} (the API's public reads do), so that the next GET of the
 * same URL can ask {@code If-None-Match} and a {@code 304 Not Modified} be answered with the stored body: the body
 * is not sent again. Responses are kept per URL and {@code Accept-Language} (the text of a response may depend on
 * it); the least recently used go first beyond {@code maxEntries}. One instance serves a whole client (one set of
 * credentials), so a response is never served to other credentials. Thread-safe.
 */
public final class ETagCache {

    /** A cache that keeps nothing: every GET is unconditional. */
    public static final ETagCache DISABLED = new ETagCache(0);

    private final int maxEntries;
    private final Map<String, Stored> entries;

    /**
     * A response kept for its URL.
     *
     * @param etag     the response's {@code ETag}, sent back as {@code If-None-Match}
     * @param response the 200 response, its body complete
     */
    public record Stored(String etag, HttpResponse<byte[]> response) {
    }

    /**
     * Creates a cache.
     *
     * @param maxEntries the most responses kept; 0 keeps none
     */
    public ETagCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be 0 or more, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > ETagCache.this.maxEntries;
            }
        };
    }

    /**
     * Tells whether the cache keeps anything.
     *
     * @return {@code false} for a cache of 0 entries
     */
    public boolean enabled() {
        return maxEntries > 0;
    }

    /**
     * The key of a GET.
     *
     * @param uri            the full URI, query included
     * @param acceptLanguage the request's {@code Accept-Language}, or {@code null}
     * @param accept         the request's {@code Accept}, or {@code null}: one URI can have several representations
     *                       (a search as JSON and as GeoJSON), each kept apart
     * @return the key
     */
    static String key(URI uri, String acceptLanguage, String accept) {
        return uri + " " + (acceptLanguage == null ? "" : acceptLanguage) + " " + (accept == null ? "" : accept);
    }

    synchronized Optional<Stored> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Keeps a 200 response with an ETag, or forgets what was kept for the key when the new response has none. */
    synchronized void update(String key, HttpResponse<byte[]> response) {
        Optional<String> etag = response.statusCode() == 200 ? response.headers().firstValue("ETag") : Optional.empty();
        if (etag.isPresent()) {
            entries.put(key, new Stored(etag.get(), response));
        } else {
            entries.remove(key);
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
