package org.epermit.api.gateway.edge;

import io.netty.channel.Channel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.TCPServerBase;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listening sockets of the HTTP servers Quarkus started. Neither Quarkus nor Vert.x lets an application reach
 * its server's connections before their first request (Quarkus creates and starts the Vert.x server in one step;
 * quarkusio/quarkus#55082), so this reads one private field of Vert.x 4.5; it is the only place that does, and it
 * fails at start-up, not silently, when a Vert.x upgrade moves it.
 */
final class ServerChannels {

    private ServerChannels() {
    }

    /** The sockets the servers listen on, and how many servers are still binding theirs. */
    record Listening(List<Channel> channels, int binding) {
    }

    /**
     * The servers' listening sockets. A server still binding its socket is counted in {@link Listening#binding} and
     * runs {@code whenBound} once it has bound (the start event of one server may come while another, the management
     * interface's, is still binding); a socket already closed (a previous start's, in dev mode or between test
     * profiles) is not listening.
     */
    static Listening listening(Vertx vertx, Runnable whenBound) {
        Map<?, HttpServerImpl> servers = ((VertxInternal) vertx).sharedHttpServers();
        List<Channel> channels = new ArrayList<>();
        int binding = 0;
        synchronized (servers) {
            for (HttpServerImpl server : servers.values()) {
                Future<Channel> bound = bindFuture(server);
                if (bound == null || !bound.isComplete()) {
                    binding++;
                    if (bound != null) {
                        bound.onSuccess(channel -> whenBound.run());
                    }
                } else if (bound.succeeded() && bound.result().isOpen()) {
                    channels.add(bound.result());
                }
            }
        }
        return new Listening(channels, binding);
    }

    @SuppressWarnings("unchecked")
    private static Future<Channel> bindFuture(HttpServerImpl server) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            return (Future<Channel>) bound.get(server);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot reach the Vert.x HTTP server's socket to guard its connections "
                    + "(has Vert.x changed?)", e);
        }
    }
}
