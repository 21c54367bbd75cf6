package org.epermit.api.gateway.edge;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.net.HostAndPort;
import org.epermit.api.problem.ErrorCode;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Why a request is refused before any route sees it: the HTTP codec could not parse it, it speaks another HTTP
 * version, or its target is not a URI (which Quarkus would answer with a bare 400).
 */
enum Refusal {
    /** Not parseable as an HTTP/1.x request head. */
    MALFORMED(ErrorCode.MALFORMED_REQUEST),
    /** A target that is not a URI: bad percent-encoding ({@code %G1}, a lone {@code %}) or forbidden characters. */
    BAD_TARGET(ErrorCode.MALFORMED_REQUEST),
    /** An HTTP/1.1 request without a valid {@code Host} header (RFC 9112 §3.2), which Vert.x refuses with a bare 400. */
    NO_HOST(ErrorCode.MALFORMED_REQUEST),
    /** A request line over {@code quarkus.http.limits.max-initial-line-length}. */
    LINE_TOO_LONG(ErrorCode.URI_TOO_LONG),
    /** Headers over {@code quarkus.http.limits.max-header-size}. */
    HEADERS_TOO_LARGE(ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE),
    /** Neither HTTP/1.0 nor HTTP/1.1 (HTTP/2 arrives by its own preface or upgrade, not in a request line). */
    VERSION(ErrorCode.HTTP_VERSION_NOT_SUPPORTED);

    final ErrorCode code;

    Refusal(ErrorCode code) {
        this.code = code;
    }

    /** The refusal of a request head as the codec produced it, or null when the request may proceed. */
    static Refusal of(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            if (result.cause() instanceof TooLongHttpLineException) {
                return LINE_TOO_LONG;
            }
            return result.cause() instanceof TooLongHttpHeaderException ? HEADERS_TOO_LARGE : MALFORMED;
        }
        if (!HttpVersion.HTTP_1_1.equals(request.protocolVersion()) && !HttpVersion.HTTP_1_0.equals(request.protocolVersion())) {
            return VERSION;
        }
        // The check Quarkus makes before routing (its answer to a failure is a bare 400), and an empty path, which
        // the router refuses likewise.
        URI target = uri(request.uri());
        if (target == null || target.getRawPath() == null || target.getRawPath().isEmpty()) {
            return BAD_TARGET;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (HttpVersion.HTTP_1_1.equals(request.protocolVersion()) && (host == null || HostAndPort.parseAuthority(host, -1) == null)) {
            return NO_HOST;
        }
        return null;
    }

    /** The request's path when it is a valid one (the problem's instance), or "/". */
    static String pathOf(HttpRequest request) {
        String uri = request.uri();
        if (uri == null) {
            return "/";
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.startsWith("/") && path.length() <= 2048 && uri(path) != null ? path : "/";
    }

    private static URI uri(String target) {
        if (target == null) {
            return null;
        }
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
