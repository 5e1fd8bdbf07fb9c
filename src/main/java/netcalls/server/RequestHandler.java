package netcalls.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers every request as soon as its head arrives (GETs have no body to wait for), or a fixed
 * service delay later; body chunks are released unread. Stateless per connection, so one instance
 * serves all channels.
 *
 * <p>Responses leave in request order, except that a pipelined request behind a {@code /delay} is
 * answered first: none of the clients under test pipelines, so no per-connection queue is kept.
 */
@Sharable
final class RequestHandler extends ChannelInboundHandlerAdapter {
  private static final long MAX_DELAY_MS = TimeUnit.MINUTES.toMillis(10);
  private static final int DEFAULT_DELAY_SIZE = 16;
  /**
   * Service delays below this are a busy wait: an event-loop timer adds its wake-up (~80 µs on a
   * loaded machine) to any delay, which would swamp an injected 5 µs; from here on that is under 10 %.
   */
  static final long SPIN_BELOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Counters counters;
  private final long serviceDelayNanos;

  RequestHandler(Counters counters, long serviceDelayMicros) {
    this.counters = counters;
    this.serviceDelayNanos = TimeUnit.MICROSECONDS.toNanos(serviceDelayMicros);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpRequest request) {
        onRequest(ctx, request);
      } else if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
        ctx.close(); // a broken body leaves the connection out of sync
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // peers resetting or failing TLS are routine for a benchmark target: drop the connection quietly
    ctx.close();
  }

  private void onRequest(ChannelHandlerContext ctx, HttpRequest request) {
    String uri = request.uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    Route route = Route.of(path);
    // counted on arrival, so a request whose connection closes during the service delay still counts
    if (route != Route.STATS || request.decoderResult().isFailure()) {
      counters.requests.increment();
    }
    if (serviceDelayNanos < SPIN_BELOW_NANOS) {
      spin(serviceDelayNanos);
      respond(ctx, request, route, path);
      return;
    }
    // on the channel's own loop, like /delay: no thread sleeps, and the response needs no hand-over
    // (the request head is not reference-counted, so it outlives the release in channelRead)
    ctx.executor().schedule(() -> {
      if (ctx.channel().isActive()) {
        respond(ctx, request, route, path);
      }
    }, serviceDelayNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Holds the event loop for exactly {@code nanos}, like a handler doing that much work: other
   * channels on this loop wait meanwhile, as they would behind real service time.
   */
  static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }

  private void respond(ChannelHandlerContext ctx, HttpRequest request, Route route, String path) {
    HttpVersion version = request.protocolVersion();
    if (request.decoderResult().isFailure()) {
      send(ctx, Responses.text(version, HttpResponseStatus.BAD_REQUEST, "bad request\n"), false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (route != Route.NOT_FOUND && !HttpMethod.GET.equals(request.method())) {
      FullHttpResponse response =
          Responses.text(version, HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n");
      response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.asciiName());
      send(ctx, response, keepAlive);
      return;
    }
    String arg = path.substring(route.prefix.length());
    switch (route) {
      case BYTES -> bytes(ctx, version, arg, keepAlive);
      case DELAY -> delay(ctx, version, arg, request.uri(), keepAlive);
      case STATUS -> status(ctx, version, arg, keepAlive);
      case REDIRECT -> redirect(ctx, version, arg, keepAlive);
      case ABORT -> connection(ctx).close();
      case RESET -> reset(ctx);
      case STATS -> send(ctx, Responses.of(version, HttpResponseStatus.OK, Responses.JSON,
          Unpooled.copiedBuffer(counters.snapshot().toJson(), StandardCharsets.US_ASCII)), keepAlive);
      case NOT_FOUND -> send(ctx, Responses.text(version, HttpResponseStatus.NOT_FOUND, "not found\n"), keepAlive);
    }
  }

  private static void bytes(ChannelHandlerContext ctx, HttpVersion version, String arg, boolean keepAlive) {
    long size = Numbers.parse(arg, PatternBody.MAX_SIZE);
    if (size < 0) {
      badNumber(ctx, version, keepAlive);
      return;
    }
    send(ctx, Responses.pattern(version, (int) size), keepAlive);
  }

  private void delay(ChannelHandlerContext ctx, HttpVersion version, String arg, String uri, boolean keepAlive) {
    long millis = Numbers.parse(arg, MAX_DELAY_MS);
    long size = DEFAULT_DELAY_SIZE;
    List<String> sizes = new QueryStringDecoder(uri).parameters().get("size");
    if (sizes != null) {
      size = Numbers.parse(sizes.get(0), PatternBody.MAX_SIZE);
    }
    if (millis < 0 || size < 0) {
      badNumber(ctx, version, keepAlive);
      return;
    }
    int bodySize = (int) size;
    counters.delayStarted();
    // on the channel's own loop: no thread sleeps, and the write needs no hand-over
    ctx.executor().schedule(() -> {
      counters.delayEnded();
      if (ctx.channel().isActive()) {
        send(ctx, Responses.pattern(version, bodySize), keepAlive);
      }
    }, millis, TimeUnit.MILLISECONDS);
  }

  private static void status(ChannelHandlerContext ctx, HttpVersion version, String arg, boolean keepAlive) {
    long code = Numbers.parse(arg, 599);
    if (code < 200) { // also malformed (-1); 1xx are interim responses, not something to end a request with
      badNumber(ctx, version, keepAlive);
      return;
    }
    HttpResponseStatus status = HttpResponseStatus.valueOf((int) code);
    FullHttpResponse response = code == 204 || code == 304
        ? Responses.bodiless(version, status)
        : Responses.text(version, status, "status " + code + "\n");
    send(ctx, response, keepAlive);
  }

  private static void redirect(ChannelHandlerContext ctx, HttpVersion version, String arg, boolean keepAlive) {
    long hops = Numbers.parse(arg, Integer.MAX_VALUE);
    if (hops < 0) {
      badNumber(ctx, version, keepAlive);
    } else if (hops == 0) {
      send(ctx, Responses.text(version, HttpResponseStatus.OK, "redirected\n"), keepAlive);
    } else {
      FullHttpResponse response = Responses.empty(version, HttpResponseStatus.FOUND);
      response.headers().set(HttpHeaderNames.LOCATION, Route.REDIRECT.prefix + (hops - 1));
      send(ctx, response, keepAlive);
    }
  }

  private static void reset(ChannelHandlerContext ctx) {
    // linger 0 turns close() into an abortive close: the peer sees RST instead of FIN
    Channel connection = connection(ctx);
    connection.config().setOption(ChannelOption.SO_LINGER, 0);
    connection.close();
  }

  /**
   * The TCP connection: over HTTP/2 the handler sits on a stream's child channel, and /abort and
   * /reset break the whole connection there too, as over HTTP/1.1.
   */
  private static Channel connection(ChannelHandlerContext ctx) {
    Channel parent = ctx.channel().parent();
    return parent != null && !(parent instanceof ServerChannel) ? parent : ctx.channel();
  }

  private static void badNumber(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive) {
    send(ctx, Responses.text(version, HttpResponseStatus.BAD_REQUEST, "bad number\n"), keepAlive);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    if (keepAlive) {
      if (!response.protocolVersion().isKeepAliveDefault()) {
        HttpUtil.setKeepAlive(response, true); // HTTP/1.0 needs the explicit "Connection: keep-alive"
      }
      // void promise: no future to allocate per response; failures still reach exceptionCaught
      ctx.writeAndFlush(response, ctx.voidPromise());
    } else {
      HttpUtil.setKeepAlive(response, false);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
