package netcalls.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sets up each accepted connection of one port, which is also where connections are counted.
 *
 * <p>Every protocol ends in the same {@link RequestHandler}: HTTP/1.1 through {@link HttpServerCodec};
 * HTTP/2 through one child channel per stream whose frames {@link Http2StreamFrameToHttpObjectCodec}
 * turns into the same request and response objects. On the TLS port ALPN picks h2 or http/1.1
 * (http/1.1 when the client offers none); on the plain port the first bytes do: the HTTP/2
 * preface means h2c with prior knowledge, anything else HTTP/1.1.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private static final Http2StreamFrameToHttpObjectCodec STREAM_CODEC = new Http2StreamFrameToHttpObjectCodec(true);

  private final Counters counters;
  private final SslContext ssl; // null on the plain HTTP port
  private final RequestHandler handler;

  ServerInitializer(Counters counters, SslContext ssl, RequestHandler handler) {
    this.counters = counters;
    this.ssl = ssl;
    this.handler = handler;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl == null) {
      counters.httpConnections.increment();
      pipeline.addLast(new PriorKnowledge(this));
      return;
    }
    counters.httpsConnections.increment();
    SslHandler tls = ssl.newHandler(channel.alloc());
    tls.handshakeFuture().addListener(done -> {
      if (done.isSuccess()) {
        counters.tlsHandshakes.increment();
      }
    });
    pipeline.addLast(tls, new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
      @Override
      protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
          http2(ctx.pipeline(), counters.h2Connections, counters.h2Streams);
        } else {
          http1(ctx.pipeline());
        }
      }

      @Override
      protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // routine for a benchmark target (a client that does not trust us): no log line
      }
    });
  }

  /** The HTTP/1.x handlers, appended. */
  void http1(ChannelPipeline pipeline) {
    counters.http1Connections.increment();
    pipeline.addLast(new HttpServerCodec(), handler);
  }

  void h2c(ChannelPipeline pipeline) {
    http2(pipeline, counters.h2cConnections, counters.h2cStreams);
  }

  /** The HTTP/2 handlers, appended: the connection's frame codec, and a child channel per stream. */
  private void http2(ChannelPipeline pipeline, LongAdder connections, LongAdder streams) {
    connections.increment();
    pipeline.addLast(Http2FrameCodecBuilder.forServer().build(), new Http2MultiplexHandler(
        new ChannelInitializer<Http2StreamChannel>() {
          @Override
          protected void initChannel(Http2StreamChannel stream) {
            streams.increment();
            stream.pipeline().addLast(STREAM_CODEC, handler);
          }
        }));
  }
}
