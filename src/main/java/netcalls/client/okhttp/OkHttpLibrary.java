package netcalls.client.okhttp;

import java.util.List;
import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** OkHttp's per-trial resources: the base client whose pool and dispatcher {@code shared_pool} shares. */
public final class OkHttpLibrary implements ClientLibrary {
  private static final Interceptor NO_ACCEPT_ENCODING = chain -> {
    okhttp3.Request r = chain.request();
    return chain.proceed(r.header("Accept-Encoding") == null ? r : r.newBuilder().removeHeader("Accept-Encoding").build());
  };

  private final ClientOptions options;
  private final OkHttpClient sharedBase;

  public OkHttpLibrary(ClientOptions options) {
    this.options = options;
    this.sharedBase = builder().build();
  }

  private OkHttpClient.Builder builder() {
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
        .followRedirects(options.followRedirects())
        .followSslRedirects(options.followRedirects())
        // a silent retry would hide a failure and time two attempts as one call
        .retryOnConnectionFailure(false)
        .protocols(protocols(options.protocol()))
        // OkHttp alone asks for gzip unbidden (and decodes it): take its Accept-Encoding off the wire,
        // so every client sends none, the server answers identity and bytes mean the same for all
        .addNetworkInterceptor(NO_ACCEPT_ENCODING)
        .sslSocketFactory(options.trust().context().getSocketFactory(), options.trust().manager());
    if (options.maxConnectionsPerHost() > 0) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequestsPerHost(options.maxConnectionsPerHost());
      b.dispatcher(dispatcher);
    }
    return b;
  }

  /**
   * OkHttp offers h2 by ALPN only together with http/1.1 (it insists on both); prior knowledge is
   * a list of its own.
   */
  private static List<Protocol> protocols(netcalls.client.Protocol p) {
    return switch (p) {
      case h1 -> List.of(Protocol.HTTP_1_1);
      case h2 -> List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);
      case h2c -> List.of(Protocol.H2_PRIOR_KNOWLEDGE);
    };
  }

  @Override
  public netcalls.trace.SampleRecorder recorder() {
    return options.recorder();
  }

  @Override
  public netcalls.client.Protocol protocol() {
    return options.protocol();
  }

  @Override
  public Client newClient() {
    return new OkHttpClientAdapter(builder().build(), true, true, options.recorder());
  }

  /** {@code newBuilder()} shares the base client's connection pool and dispatcher. */
  @Override
  public Client newClientOnSharedPool() {
    return new OkHttpClientAdapter(sharedBase.newBuilder().build(), false, true, options.recorder());
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new OkHttpClientAdapter(builder().build(), true, false, options.recorder());
  }

  @Override
  public PreparedRequest prepareKeepAlive(Request request) {
    return new OkHttpClientAdapter.Prepared(request, true);
  }

  @Override
  public void close() {
    OkHttpClientAdapter.shutdown(sharedBase);
  }
}
