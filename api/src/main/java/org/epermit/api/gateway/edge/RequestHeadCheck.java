package org.epermit.api.gateway.edge;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits behind the HTTP/1 codec of a connection and sees each request head before Vert.x does. A head the codec
 * could not parse (too long, not HTTP), of another HTTP version, or with a target that is not a URI would be
 * answered by Vert.x or Quarkus with a bare status (or, for HTTP/9.9, "HTTP/9.9 200"); it is replaced by an HTTP/1.1
 * stand-in carrying the refusal, which the routes answer with a problem like any other error, on a connection that
 * then closes. Everything the client sends after it is dropped. On the way out it counts final responses, so that
 * {@link HeadDeadline} knows when the connection is between requests.
 */
final class RequestHeadCheck extends ChannelDuplexHandler {

    static final String NAME = "epermit-request-head-check";

    private final HeadDeadline deadline;
    private final RefusalMarker marker;
    private int unanswered;
    private boolean refused;

    RequestHeadCheck(HeadDeadline deadline, RefusalMarker marker) {
        this.deadline = deadline;
        this.marker = marker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            deadline.headArrived();
            unanswered++;
            Refusal refusal = Refusal.of(request);
            if (refusal != null) {
                refused = true;
                HttpRequest standIn = marker.standIn(request, refusal);
                ReferenceCountUtil.release(msg);
                ctx.fireChannelRead(standIn);
                ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational = msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (!informational && msg instanceof LastHttpContent && --unanswered == 0 && !refused) {
            deadline.exchangeComplete();
        }
        ctx.write(msg, promise);
    }
}
