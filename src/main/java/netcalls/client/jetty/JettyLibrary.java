package netcalls.client.jetty;

import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Request;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's HttpClient 12: its HTTP/1.1 transport for h1, its HTTP/2 transport for h2 (ALPN over
 * TLS, no fall-back to HTTP/1.1) and h2c (prior knowledge over cleartext). Each client owns its
 * pools; clients cannot share one.
 */
public final class JettyLibrary implements ClientLibrary {

  private final ClientOptions options;

  public JettyLibrary(ClientOptions options) {
    this.options = options;
  }

  /** A started client; it owns its thread pool, scheduler and connection pools, as a new HttpClient does. */
  private HttpClient start() {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    // exactly the trial's trust; the client factory verifies the host name (HTTPS identification) by default
    tls.setSslContext(options.trust().context());
    HttpClient c = options.protocol().isHttp2()
        ? new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()))
        : new HttpClient();
    c.setSslContextFactory(tls);
    c.setConnectTimeout(options.connectTimeout().toMillis());
    c.setFollowRedirects(options.followRedirects());
    c.setMaxRedirects(10);
    c.setHttpCookieStore(new HttpCookieStore.Empty());
    if (options.recorder() != null) {
      c.getRequestListeners().addListener(JettyTracer.HOPS);
    }
    if (options.maxConnectionsPerHost() > 0) {
      c.setMaxConnectionsPerDestination(options.maxConnectionsPerHost());
    }
    try {
      c.start();
      // no Accept-Encoding, no decoding: the body is counted as it comes off the wire, as for the other
      // clients. Jetty 12.1's start() fills an empty decoder list from its compression modules, so clear after it
      c.getContentDecoderFactories().clear();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Jetty's HttpClient", e);
    }
    return c;
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
    return new JettyClientAdapter(start(), true, options);
  }

  @Override
  public Client newClientOnSharedPool() {
    throw new UnsupportedOperationException(JettyCapabilities.NO_SHARED_POOL);
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new JettyClientAdapter(start(), false, options);
  }

  @Override
  public PreparedRequest prepareKeepAlive(Request request) {
    return new JettyClientAdapter.Prepared(request, true);
  }

  @Override
  public void close() {}
}
