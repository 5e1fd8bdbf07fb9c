package netcalls.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.tls.HeldCertificate;

/**
 * The built-in target: one plain port (HTTP/1.1, or h2c with prior knowledge) and one TLS port
 * (ALPN: h2 or http/1.1) on the same few event-loop threads.
 * Thread counts are small on purpose: the benchmarked clients run in the same JVM on two cores.
 */
public final class TargetServer implements AutoCloseable {
  private static final int WORKER_THREADS = 2;
  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel http;
  private final Channel https;
  private final HeldCertificate certificate;
  private final Counters counters;
  private final Transport transport;
  private final long serviceDelayMicros;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TargetServer(EventLoopGroup boss, EventLoopGroup workers, Channel http, Channel https,
      HeldCertificate certificate, Counters counters, Transport transport, long serviceDelayMicros) {
    this.boss = boss;
    this.workers = workers;
    this.http = http;
    this.https = https;
    this.certificate = certificate;
    this.counters = counters;
    this.transport = transport;
    this.serviceDelayMicros = serviceDelayMicros;
  }

  /** Binds both ports and returns once they accept connections. */
  public static TargetServer start(ServerConfig config) {
    return start(config, Transport.best());
  }

  static TargetServer start(ServerConfig config, Transport transport) {
    HeldCertificate certificate = new HeldCertificate.Builder()
        .commonName("localhost")
        .addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("::1")
        .build();
    SslContext ssl = sslContext(certificate);
    // daemon threads: a benchmark fork that forgets close() must still be able to exit
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(
        1, new DefaultThreadFactory("netcalls-server-boss", true), transport.ioHandlerFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(WORKER_THREADS,
        new DefaultThreadFactory("netcalls-server-worker", true), transport.ioHandlerFactory());
    Counters counters = new Counters();
    RequestHandler handler = new RequestHandler(counters, config.serviceDelayMicros());
    Channel http = null;
    try {
      http = bind(boss, workers, transport, config.bindHost(), config.httpPort(),
          new ServerInitializer(counters, null, handler));
      Channel https = bind(boss, workers, transport, config.bindHost(), config.httpsPort(),
          new ServerInitializer(counters, ssl, handler));
      return new TargetServer(boss, workers, http, https, certificate, counters, transport,
          config.serviceDelayMicros());
    } catch (RuntimeException e) {
      if (http != null) {
        http.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      shutdown(boss, workers);
      throw e;
    }
  }

  public int httpPort() {
    return port(http);
  }

  public int httpsPort() {
    return port(https);
  }

  /**
   * Base URI for a scheme ("http" or "https"), addressed by the host name "localhost" so clients
   * do a real DNS lookup. e.g. http://localhost:41234
   */
  public URI baseUri(String scheme) {
    return switch (scheme) {
      case "http" -> URI.create("http://localhost:" + httpPort());
      case "https" -> URI.create("https://localhost:" + httpsPort());
      default -> throw new IllegalArgumentException("scheme must be http or https: " + scheme);
    };
  }

  /** The self-signed certificate made at start; clients trust exactly this. */
  public HeldCertificate certificate() {
    return certificate;
  }

  /** The event-loop transport in use: "epoll" or "nio". */
  public String transport() {
    return transport.name();
  }

  /** The fixed service time added to every response, in microseconds. */
  public long serviceDelayMicros() {
    return serviceDelayMicros;
  }

  /** Counters since start. */
  public ServerStats stats() {
    return counters.snapshot();
  }

  /** Stops listening, closes open connections and waits (bounded) for the event loops to end. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    https.close().awaitUninterruptibly(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    shutdown(boss, workers);
  }

  private static Channel bind(EventLoopGroup boss, EventLoopGroup workers, Transport transport,
      String host, int port, ServerInitializer initializer) {
    ChannelFuture bound = new ServerBootstrap()
        .group(boss, workers)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true) // a fixed port can be reused while old sockets sit in TIME_WAIT
        .childOption(ChannelOption.TCP_NODELAY, true) // small responses go out at once, no Nagle delay
        .childHandler(initializer)
        .bind(host, port)
        .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port, bound.cause());
    }
    return bound.channel();
  }

  private static SslContext sslContext(HeldCertificate certificate) {
    try {
      // ALPN: h2 first, http/1.1 for clients that offer it; a client that offers neither gets
      // http/1.1 without an ALPN answer (NO_ADVERTISE, ACCEPT), as before ALPN was configured
      return SslContextBuilder
          .forServer(certificate.keyPair().getPrivate(), certificate.certificate())
          .sslProvider(SslProvider.JDK)
          .applicationProtocolConfig(new ApplicationProtocolConfig(
              ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the server TLS context", e);
    }
  }

  private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
    // no quiet period: nothing is expected to arrive once the listening sockets are gone
    Future<?> bossDone = boss.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Future<?> workersDone = workers.shutdownGracefully(0, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    bossDone.awaitUninterruptibly(2 * CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    workersDone.awaitUninterruptibly(2 * CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static int port(Channel channel) {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }
}
