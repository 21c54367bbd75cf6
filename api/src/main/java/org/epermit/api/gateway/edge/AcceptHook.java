package org.epermit.api.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;

/**
 * On a server's listening socket: every accepted connection gets its {@link HeadDeadline} as its first handler,
 * before Vert.x sets up the HTTP codec behind it.
 */
@ChannelHandler.Sharable
final class AcceptHook extends ChannelInboundHandlerAdapter {

    static final String NAME = "epermit-accept-hook";

    private final Duration headerReadTimeout;
    private final RefusalMarker marker;

    AcceptHook(Duration headerReadTimeout, RefusalMarker marker) {
        this.headerReadTimeout = headerReadTimeout;
        this.marker = marker;
    }

    RefusalMarker marker() {
        return marker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel connection) {
            connection.pipeline().addFirst(HeadDeadline.NAME, new HeadDeadline(headerReadTimeout, marker));
        }
        ctx.fireChannelRead(msg);
    }
}
