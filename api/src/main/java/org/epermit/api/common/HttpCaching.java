package org.epermit.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.epermit.api.problem.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * Conditional GETs for public reads: the {@code ETag} is a digest of the exact body, so it changes exactly when
 * the representation does; a matching {@code If-None-Match} gets a 304 with no body, an {@code If-Match} naming
 * another ETag a 412 problem.
 */
@ApplicationScoped
public class HttpCaching {

    /** Caching of public responses. */
    @ConfigMapping(prefix = "epermit.http.cache")
    public interface Config {
        /** How long shared caches and clients may reuse a public response without asking again. */
        @WithDefault("PT60S")
        Duration publicMaxAge();
    }

    private final ObjectMapper json;
    private final CacheControl publicCache;

    public HttpCaching(ObjectMapper json, Config config) {
        this.json = json;
        this.publicCache = new CacheControl();
        publicCache.setMaxAge((int) config.publicMaxAge().toSeconds());
        publicCache.setNoTransform(false);
    }

    /** A cacheable 200 for a JSON document the database already rendered, or a 304. */
    public Response publicJson(Request request, String body) {
        return respond(request, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A cacheable 200 for an object serialised to JSON, or a 304. */
    public Response publicJson(Request request, Object body) {
        return respond(request, serialise(body));
    }

    /**
     * A cacheable 200 for an object serialised to JSON in {@code mediaType}, one of several representations of the
     * resource chosen by {@code Accept}, or a 304. Each representation has its own ETag (a digest of its own body),
     * and {@code Vary: Accept} tells shared caches to keep them apart.
     */
    public Response publicNegotiated(Request request, Object body, MediaType mediaType) {
        return respond(request, serialise(body), mediaType, true);
    }

    private byte[] serialise(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialised", e);
        }
    }

    private Response respond(Request request, byte[] body) {
        return respond(request, body, MediaType.APPLICATION_JSON_TYPE, false);
    }

    private Response respond(Request request, byte[] body, MediaType mediaType, boolean variesByAccept) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition != null) {
            // a 304 carries the headers the 200 would have: ETag, Cache-Control and Vary (RFC 9110 §15.4.5)
            Response unmet = vary(precondition.tag(tag).cacheControl(publicCache), variesByAccept).build();
            // evaluatePreconditions answers a failed If-Match with a bare 412: that is an error, so a problem.
            if (unmet.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new ApiException(ErrorCode.PRECONDITION_FAILED, Message.of(
                        "The resource's current ETag does not match If-Match.", "资源当前的ETag与If-Match不符。"));
            }
            return unmet;
        }
        return vary(Response.ok(body, mediaType).tag(tag).cacheControl(publicCache), variesByAccept).build();
    }

    private static Response.ResponseBuilder vary(Response.ResponseBuilder response, boolean variesByAccept) {
        return variesByAccept ? response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT) : response;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
