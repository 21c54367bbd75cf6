package org.epermit.api.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epermit.api.problem.Message;
import org.epermit.api.problem.ProblemRenderer;

import java.util.List;

/**
 * Guards the HTTP servers' connections below the routes: a deadline for each request head ({@link HeadDeadline})
 * and problems, not bare statuses, for requests the HTTP layer refuses ({@link RequestHeadCheck}), which this
 * answers from a route that runs right after the request id, the security headers and the audit are set up.
 */
@ApplicationScoped
public class ConnectionGuard {

    private final RefusalMarker marker = new RefusalMarker();
    private final ConnectionConfig config;
    private final ProblemRenderer renderer;
    private final Vertx vertx;
    private final long maxHeaderBytes;
    private final int maxLineLength;
    private volatile boolean guarding;

    public ConnectionGuard(ConnectionConfig config, ProblemRenderer renderer, Vertx vertx,
                           @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize maxHeaderSize,
                           @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int maxLineLength) {
        this.config = config;
        this.renderer = renderer;
        this.vertx = vertx;
        this.maxHeaderBytes = maxHeaderSize.asLongValue();
        this.maxLineLength = maxLineLength;
    }

    /**
     * Quarkus starts the HTTP server after StartupEvent and says so only asynchronously, so connections accepted in
     * the few milliseconds before this runs are not guarded; {@link ConnectionGuardCheck} keeps the instance out of
     * readiness until it has.
     */
    void onListening(@ObservesAsync HttpServerStart start) {
        guardListeningServers();
    }

    void onListening(@ObservesAsync HttpsServerStart start) {
        guardListeningServers();
    }

    /** After a dev-mode restart the server still listens: its hook, which refers to the previous start, is replaced. */
    void onStart(@Observes StartupEvent start) {
        guardListeningServers();
    }

    /** Whether every listening HTTP server guards its new connections. */
    public boolean guarding() {
        return guarding;
    }

    private synchronized void guardListeningServers() {
        ServerChannels.Listening listening = ServerChannels.listening(vertx, this::guardListeningServers);
        List<Channel> servers = listening.channels();
        for (Channel server : servers) {
            ChannelPipeline pipeline = server.pipeline();
            if (pipeline.get(AcceptHook.NAME) instanceof AcceptHook installed && installed.marker() == marker) {
                continue;
            }
            AcceptHook hook = new AcceptHook(config.headerReadTimeout(), marker);
            if (pipeline.get(AcceptHook.NAME) != null) {
                pipeline.replace(AcceptHook.NAME, AcceptHook.NAME, hook);
            } else {
                pipeline.addFirst(AcceptHook.NAME, hook);
            }
        }
        guarding = !servers.isEmpty() && listening.binding() == 0;
    }

    void answerRefusals(@Observes Router router) {
        answerRefusals(router, "the API");
    }

    /** The management interface's server is guarded too (every listening server is), so its router answers them. */
    void answerRefusals(@Observes ManagementInterface management) {
        answerRefusals(management.router(), "the management interface");
    }

    /** After the request id, the security headers and the audit have seen the request, like any refusal. */
    private void answerRefusals(Router router, String which) {
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            Refusal refusal = marker.read(rc.request().getHeader(RefusalMarker.HEADER));
            if (refusal == null) {
                rc.next();
                return;
            }
            Log.debugf("refused a request to %s from %s: %s", which, rc.request().remoteAddress(), refusal);
            rc.response().putHeader(io.vertx.core.http.HttpHeaders.CONNECTION, "close");
            renderer.respond(rc, refusal.code, detail(refusal));
        });
    }

    private Message detail(Refusal refusal) {
        return switch (refusal) {
            case MALFORMED -> Message.of("The request is not a valid HTTP/1.1 request.", "该请求不是有效的HTTP/1.1请求。");
            case BAD_TARGET -> Message.of("The request's path or query is not a valid URI: check its percent-encoding "
                    + "(% must be followed by two hexadecimal digits).", "请求的路径或查询参数不是有效的URI，请检查百分号编码（%后须跟两位十六进制数字）。");
            case NO_HOST -> Message.of("An HTTP/1.1 request needs a valid Host header.", "HTTP/1.1请求须带有效的Host请求头。");
            case LINE_TOO_LONG -> Message.of("The request line is longer than " + maxLineLength + " bytes.",
                    "请求行超过" + maxLineLength + "字节。");
            case HEADERS_TOO_LARGE -> Message.of("The request headers are larger than " + maxHeaderBytes + " bytes.",
                    "请求头超过" + maxHeaderBytes + "字节。");
            case VERSION -> Message.of("This server speaks HTTP/1.0, HTTP/1.1 and HTTP/2 only.",
                    "本服务仅支持HTTP/1.0、HTTP/1.1和HTTP/2。");
        };
    }
}
