package netcalls.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.atomic.LongAdder;

/** Sets up each accepted connection of one port, which is also where connections are counted. */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private final LongAdder connections;
  private final SslContext ssl; // null on the plain HTTP port
  private final RequestHandler handler;

  ServerInitializer(LongAdder connections, SslContext ssl, RequestHandler handler) {
    this.connections = connections;
    this.ssl = ssl;
    this.handler = handler;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.increment();
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast(ssl.newHandler(channel.alloc()));
    }
    pipeline.addLast(new HttpServerCodec(), handler);
  }
}
