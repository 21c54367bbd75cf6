package org.epermit.api.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.quarkus.logging.Log;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of every connection: the request head must arrive within the header-read timeout, or the
 * connection is closed. The clock runs from the connection's start and, on a kept-alive connection, from the first
 * byte of each further request; it stops when the codec has the whole head ({@link RequestHeadCheck} says so).
 * Reads do not reset it, unlike the idle timeout, so a client sending a header line every few seconds is cut off.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {

    static final String NAME = "epermit-head-deadline";
    // Vert.x's names for its HTTP/1 codec and for its connection (HTTP/1 or HTTP/2) in the pipeline.
    private static final String HTTP1_DECODER = "httpDecoder";
    private static final String HTTP1_ENCODER = "httpEncoder";
    private static final String CONNECTION = "handler";

    private final long timeoutNanos;
    private final RefusalMarker marker;
    private ScheduledFuture<?> timer;
    private boolean started;
    private boolean checked;
    private boolean betweenRequests;

    HeadDeadline(Duration timeout, RefusalMarker marker) {
        this.timeoutNanos = timeout.toNanos();
        this.marker = marker;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (betweenRequests && bytes.isReadable()) {
            betweenRequests = false;
            arm(ctx);
        }
        if (!checked) {
            // With cleartext HTTP/2 on, Vert.x builds the HTTP/1 codec only once the first bytes have shown that the
            // client does not speak HTTP/2, and feeds them to it at once. Handing them over one at a time until it has
            // decided puts the check behind the codec before the first request head is decoded.
            while (bytes.isReadable() && !protocolChosen(ctx.pipeline())) {
                ctx.fireChannelRead(bytes.readRetainedSlice(1));
            }
            if (protocolChosen(ctx.pipeline())) {
                installCheck(ctx);
            }
            if (!bytes.isReadable()) {
                bytes.release();
                return;
            }
        }
        ctx.fireChannelRead(bytes);
    }

    /** The codec has a whole request head. */
    void headArrived() {
        stop();
    }

    /** Every request so far is answered: the connection idles until the next request's first byte. */
    void exchangeComplete() {
        betweenRequests = true;
    }

    private void installCheck(ChannelHandlerContext ctx) {
        checked = true;
        ChannelPipeline pipeline = ctx.pipeline();
        if (pipeline.get(HTTP1_DECODER) == null) {
            // HTTP/2 has no request head to wait for; its connections are bound by the idle timeout.
            stop();
            pipeline.remove(this);
            return;
        }
        if (pipeline.get(HTTP1_ENCODER) == null) {
            throw new IllegalStateException("Vert.x's HTTP/1 pipeline has no " + HTTP1_ENCODER + " (has Vert.x changed?)");
        }
        pipeline.addAfter(HTTP1_ENCODER, RequestHeadCheck.NAME, new RequestHeadCheck(this, marker));
    }

    private static boolean protocolChosen(ChannelPipeline pipeline) {
        return pipeline.get(HTTP1_DECODER) != null || pipeline.get(CONNECTION) != null;
    }

    private void start(ChannelHandlerContext ctx) {
        if (!started) {
            started = true;
            arm(ctx);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        stop();
        timer = ctx.executor().schedule(() -> {
            Log.debugf("closing %s: no complete request head within %d ms", ctx.channel().remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            ctx.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
