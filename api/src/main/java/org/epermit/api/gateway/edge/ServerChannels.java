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

    static List<Channel> listening(Vertx vertx) {
        Map<?, HttpServerImpl> servers = ((VertxInternal) vertx).sharedHttpServers();
        List<Channel> channels = new ArrayList<>();
        synchronized (servers) {
            for (HttpServerImpl server : servers.values()) {
                channels.add(channelOf(server));
            }
        }
        return channels;
    }

    @SuppressWarnings("unchecked")
    private static Channel channelOf(HttpServerImpl server) {
        try {
            Field bound = TCPServerBase.class.getDeclaredField("bindFuture");
            bound.setAccessible(true);
            Future<Channel> channel = (Future<Channel>) bound.get(server);
            if (channel == null || !channel.succeeded()) {
                throw new IllegalStateException("the HTTP server on port " + server.actualPort() + " is not listening");
            }
            return channel.result();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot reach the Vert.x HTTP server's socket to guard its connections "
                    + "(has Vert.x changed?)", e);
        }
    }
}
