package netcalls.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tells h2c with prior knowledge from HTTP/1.1 on the plain port by the first bytes, then replaces
 * itself with that protocol's handlers (the bytes read so far go on to them). An HTTP/1.1 request
 * differs from the HTTP/2 preface at its first byte, so HTTP/1.1 waits for nothing.
 */
final class PriorKnowledge extends ByteToMessageDecoder {
  /** RFC 9113 section 3.4. */
  static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerInitializer protocols;

  PriorKnowledge(ServerInitializer protocols) {
    this.protocols = protocols;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    int n = Math.min(in.readableBytes(), PREFACE.length);
    boolean h2 = true;
    for (int i = 0; i < n && h2; i++) {
      h2 = in.getByte(in.readerIndex() + i) == PREFACE[i];
    }
    if (h2 && n < PREFACE.length) {
      return; // so far a prefix of the preface: wait for more
    }
    // append the protocol's handlers first: once removed, this decoder hands its bytes to what follows it
    ChannelPipeline pipeline = ctx.pipeline();
    if (h2) {
      protocols.h2c(pipeline);
    } else {
      protocols.http1(pipeline);
    }
    pipeline.remove(this);
  }
}
