package org.epermit.api.gateway.edge;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.net.HostAndPort;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The stand-in request a refused request is replaced by, and how the routes recognise one: a header holding a
 * random token of this process, so a client cannot forge a refusal.
 */
final class RefusalMarker {

    static final String HEADER = "X-Epermit-Refusal";
    private static final int MAX_LANGUAGE_LENGTH = 200;

    private final String prefix;

    RefusalMarker() {
        byte[] token = new byte[24];
        new SecureRandom().nextBytes(token);
        this.prefix = Base64.getUrlEncoder().withoutPadding().encodeToString(token) + " ";
    }

    /** A GET (HEAD for a HEAD, which must get no body) of the refused request's path, if it has a valid one. */
    HttpRequest standIn(HttpRequest refused, Refusal refusal) {
        boolean parsed = refused.decoderResult().isSuccess();
        HttpMethod method = HttpMethod.HEAD.equals(refused.method()) ? HttpMethod.HEAD : HttpMethod.GET;
        String path = parsed || refusal == Refusal.HEADERS_TOO_LARGE ? Refusal.pathOf(refused) : "/";
        DefaultHttpRequest standIn = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, path);
        // The router refuses an HTTP/1.1 request without a Host; the refused request's own is kept when it is valid.
        String host = refused.headers().get(HttpHeaderNames.HOST);
        standIn.headers().set(HttpHeaderNames.HOST, parsed && host != null && HostAndPort.parseAuthority(host, -1) != null
                ? host : "localhost");
        String language = refused.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (language != null && language.length() <= MAX_LANGUAGE_LENGTH) {
            standIn.headers().set(HttpHeaderNames.ACCEPT_LANGUAGE, language);
        }
        standIn.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        standIn.headers().set(HEADER, prefix + refusal.name());
        return standIn;
    }

    /** The refusal a stand-in carries, or null for any other request (a forged header included). */
    Refusal read(String header) {
        if (header == null || !header.startsWith(prefix)) {
            return null;
        }
        try {
            return Refusal.valueOf(header.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
