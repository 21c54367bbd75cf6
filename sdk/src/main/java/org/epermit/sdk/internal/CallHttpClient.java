package org.epermit.sdk.internal;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.epermit.sdk.RequestOptions;

/**
 * The {@link HttpClient} a generated API class sees during one call: every {@code send} goes through the
 * {@link Transport} with the call's options, so the generated code builds the request and reads the model while the
 * transport owns retries, timeouts, credentials and errors. A failed call surfaces as the transport's typed exception
 * (unchecked, so it passes through the generated code untouched); a successful one as a response whose body is
 * already complete.
 */
final class CallHttpClient extends HttpClient {

    /**
     * Whether response text must be made ASCII before the generated layer reads it. The generated code decodes bodies
     * with {@code new String(bytes)}, i.e. the platform's default charset, which before Java 18 is often not UTF-8
     * (GBK on Chinese Windows). JSON can carry any text as {@code \}{@code uXXXX} escapes, which read the same in every
     * ASCII-compatible charset.
     */
    private static final boolean ESCAPE_NON_ASCII = !Charset.defaultCharset().equals(StandardCharsets.UTF_8);

    private final Transport transport;
    private final RequestOptions options;

    CallHttpClient(Transport transport, RequestOptions options) {
        this.transport = transport;
        this.options = options;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<byte[]> response = transport.execute(request, options);
        byte[] body = response.body() == null ? new byte[0] : response.body();
        if (ESCAPE_NON_ASCII && isJson(response)) {
            body = JsonAscii.escapeNonAscii(body);
        }
        return new CompleteResponse<>(response, deliver(response, body, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    private static boolean isJson(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
    }

    /** Feeds a complete body to the generated code's body handler and returns what it makes of it. */
    private static <T> T deliver(HttpResponse<byte[]> response, byte[] body, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return response.headers();
            }

            @Override
            public Version version() {
                return response.version();
            }
        };
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (done || n <= 0) {
                    return;
                }
                done = true;
                if (body.length > 0) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(body)));
                }
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
        return subscriber.getBody().toCompletableFuture().join();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return transport.http().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return transport.http().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return transport.http().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return transport.http().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return transport.http().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return transport.http().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return transport.http().authenticator();
    }

    @Override
    public Version version() {
        return transport.http().version();
    }

    @Override
    public Optional<Executor> executor() {
        return transport.http().executor();
    }

    /** A response whose body has been read completely. */
    private record CompleteResponse<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return raw.uri();
        }

        @Override
        public Version version() {
            return raw.version();
        }
    }

}
