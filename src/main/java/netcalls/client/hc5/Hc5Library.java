package netcalls.client.hc5;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Request;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5's per-trial resources: the TLS strategy every client uses, the one pool
 * {@code shared_pool} clients share, and the executor that {@code callAsync} runs blocking calls on.
 */
public final class Hc5Library implements ClientLibrary {

  private final ClientOptions options;
  private final DefaultClientTlsStrategy tls;
  private final ExecutorService async;
  private PoolingHttpClientConnectionManager sharedPool;

  public Hc5Library(ClientOptions options) {
    this.options = options;
    // hostname verification on (the default verifier), trust exactly the trial's certificates
    this.tls = new DefaultClientTlsStrategy(options.trust().context());
    AtomicInteger n = new AtomicInteger();
    this.async = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "netcalls-hc5-async-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private HttpClientConnectionManager pool() {
    PoolingHttpClientConnectionManagerBuilder b = Hc5Tracer.tracingPool();
    b.setTlsSocketStrategy(tls)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(options.connectTimeout()))
            .setSocketTimeout(Timeout.of(options.readTimeout()))
            .build());
    if (options.maxConnectionsPerHost() > 0) {
      b.setMaxConnPerRoute(options.maxConnectionsPerHost());
    }
    return b.build();
  }

  private HttpClientBuilder builder() {
    HttpClientBuilder b = HttpClients.custom()
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(options.readTimeout()))
            // with a per-host limit, a call waits this long for a free connection (the "blocked" phase)
            .setConnectionRequestTimeout(Timeout.of(options.connectTimeout()))
            .setRedirectsEnabled(options.followRedirects())
            .setMaxRedirects(10)
            .build())
        // a silent retry would hide a failure and time two attempts as one call
        .disableAutomaticRetries()
        .disableCookieManagement()
        // the body is counted as it comes off the wire, as for the other clients
        .disableContentCompression()
        // the tracer's hooks whether tracing is on or off, so trace=off runs the same pipeline and trace=on adds only
        // the hooks' work: with no trace in a call's context each hook is one lookup that finds none
        .addExecInterceptorBefore(ChainElement.CONNECT.name(), "netcalls-lease", Hc5Tracer.LEASE)
        .addExecInterceptorAfter(ChainElement.CONNECT.name(), "netcalls-leased", Hc5Tracer.LEASED)
        .setRequestExecutor(Hc5Tracer.executor());
    return b;
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
    return new Hc5ClientAdapter(builder().setConnectionManager(pool()).build(), true, options.recorder(), async);
  }

  /** A new client over the one pool, marked shared so that closing the client leaves the pool open. */
  @Override
  public synchronized Client newClientOnSharedPool() {
    if (sharedPool == null) {
      sharedPool = (PoolingHttpClientConnectionManager) pool();
    }
    return new Hc5ClientAdapter(
        builder().setConnectionManager(sharedPool).setConnectionManagerShared(true).build(), true, options.recorder(), async);
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new Hc5ClientAdapter(builder().setConnectionManager(pool()).build(), false, options.recorder(), async);
  }

  @Override
  public PreparedRequest prepareKeepAlive(Request request) {
    return new Hc5ClientAdapter.Prepared(request, true);
  }

  @Override
  public synchronized void close() {
    if (sharedPool != null) {
      sharedPool.close(CloseMode.GRACEFUL);
    }
    async.shutdown();
    try {
      async.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
