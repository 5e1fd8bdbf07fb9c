package netcalls.client.ahc;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Request;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.netty.channel.DefaultChannelPool;

/**
 * AsyncHttpClient's per-trial resources: the Netty TLS context every client uses, and the event
 * loop, timer and channel pool that {@code shared_pool} clients share.
 */
public final class AhcLibrary implements ClientLibrary {

  private final ClientOptions options;
  private final SslContext ssl;
  private EventLoopGroup sharedLoop;
  private HashedWheelTimer sharedTimer;
  private DefaultChannelPool sharedPool;

  public AhcLibrary(ClientOptions options) {
    this.options = options;
    try {
      this.ssl = SslContextBuilder.forClient().trustManager(options.trust().manager()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the TLS context for AsyncHttpClient", e);
    }
  }

  private DefaultAsyncHttpClientConfig.Builder config() {
    int max = options.maxConnectionsPerHost();
    return new DefaultAsyncHttpClientConfig.Builder()
        .setConnectTimeout(options.connectTimeout())
        .setReadTimeout(options.readTimeout())
        .setRequestTimeout(options.callTimeout())
        .setFollowRedirect(options.followRedirects())
        .setMaxRedirects(10)
        // a silent retry would hide a failure and time two attempts as one call
        .setMaxRequestRetry(0)
        .setSslContext(ssl)
        // the other clients keep no cookies either, and a cookie store schedules a timer task per client
        .setCookieStore(null)
        // a per-call client must not leave its event loop lingering for the default 2 s quiet period
        .setShutdownQuietPeriod(Duration.ZERO)
        .setShutdownTimeout(Duration.ofSeconds(2))
        .setMaxConnectionsPerHost(max > 0 ? max : -1)
        // with a limit, wait for a free connection (that wait is the "blocked" phase) instead of failing
        .setAcquireFreeChannelTimeout(max > 0 ? (int) options.connectTimeout().toMillis() : 0);
  }

  @Override
  public netcalls.trace.SampleRecorder recorder() {
    return options.recorder();
  }

  @Override
  public Protocol protocol() {
    return options.protocol();
  }

  @Override
  public Client newClient() {
    return new AhcClientAdapter(new DefaultAsyncHttpClient(config().build()), true, true, options);
  }

  /**
   * A client over the shared event loop, timer and pool. It is not closed after its call: AHC's
   * close() destroys the pool it was given and closes every channel it opened, pooled or not, which
   * would turn sharing into a new connection per request. With nothing of its own to free (no
   * threads, no pool, no cookie task) it is left to the garbage collector, as aiohttp's
   * {@code connector_owner=False} session is.
   */
  @Override
  public synchronized Client newClientOnSharedPool() {
    if (sharedPool == null) {
      sharedLoop = newEventLoop();
      sharedTimer = new HashedWheelTimer(new DefaultThreadFactory("netcalls-ahc-timer"), 10, TimeUnit.MILLISECONDS);
      sharedTimer.start();
      DefaultAsyncHttpClientConfig defaults = config().build();
      sharedPool = new DefaultChannelPool(defaults, sharedTimer);
    }
    DefaultAsyncHttpClientConfig config = config()
        .setEventLoopGroup(sharedLoop)
        .setNettyTimer(sharedTimer)
        .setChannelPool(sharedPool)
        .build();
    return new AhcClientAdapter(new DefaultAsyncHttpClient(config), false, true, options);
  }

  @SuppressWarnings("deprecation") // AHC recognises these group classes to pick the channel type
  private static EventLoopGroup newEventLoop() {
    DefaultThreadFactory threads = new DefaultThreadFactory("netcalls-ahc-shared");
    return Epoll.isAvailable() ? new EpollEventLoopGroup(0, threads) : new NioEventLoopGroup(0, threads);
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new AhcClientAdapter(new DefaultAsyncHttpClient(config().setKeepAlive(false).build()), true, false, options);
  }

  @Override
  public PreparedRequest prepareKeepAlive(Request request) {
    return new AhcClientAdapter.Prepared(request, true);
  }

  @Override
  public synchronized void close() {
    if (sharedPool != null) {
      sharedPool.destroy();
      sharedLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      sharedTimer.stop();
    }
  }
}
