package netcalls.client.jdk;

import java.net.http.HttpClient;
import java.util.Locale;
import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Protocol;
import netcalls.client.Request;

/** The JDK's HttpClient. Each client owns its pool; clients cannot share one. */
public final class JdkLibrary implements ClientLibrary {
  /**
   * An experiment, never the default (every client runs its defaults): {@code -Dnetcalls.jdk.executor=direct}
   * builds the client with {@code executor(Runnable::run)}, so its completions run on the selector thread
   * instead of hopping to a worker thread. Only scripts/thread-switches.sh sets it, to show that hop.
   */
  public static final String EXECUTOR_PROPERTY = "netcalls.jdk.executor";

  /**
   * An experiment, never the default: {@code -Dnetcalls.jdk.requestTimeout=off} sends requests without
   * {@code .timeout()} (which registers a timer per call), leaving the client's connect timeout and the harness's
   * own deadline. Only scripts/jdk-settings.sh sets it, to measure what the per-request timer costs.
   */
  public static final String REQUEST_TIMEOUT_PROPERTY = "netcalls.jdk.requestTimeout";

  /** Whether requests carry {@code .timeout()}: on unless {@link #REQUEST_TIMEOUT_PROPERTY} is off. */
  static boolean requestTimeout() {
    String v = System.getProperty(REQUEST_TIMEOUT_PROPERTY, "on");
    if (!v.equals("on") && !v.equals("off")) {
      throw new IllegalArgumentException("-D" + REQUEST_TIMEOUT_PROPERTY + "=" + v + ": use on or off");
    }
    return v.equals("on");
  }

  static {
    // The JDK client refuses a Connection header unless allowed, and reads this property once,
    // when its classes load; the benchmarks' forks also pass it on the command line.
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!allowed.toLowerCase(Locale.ROOT).contains("connection")) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "connection" : allowed + ",connection");
    }
  }

  private final ClientOptions options;

  public JdkLibrary(ClientOptions options) {
    this.options = options;
  }

  private HttpClient build() {
    HttpClient.Builder builder = HttpClient.newBuilder();
    String executor = System.getProperty(EXECUTOR_PROPERTY, "default");
    switch (executor) {
      case "default" -> { }
      case "direct" -> builder.executor(Runnable::run);
      default -> throw new IllegalArgumentException("-D" + EXECUTOR_PROPERTY + "=" + executor
          + ": unknown value; use direct (the thread-switches experiment) or leave it unset");
    }
    return builder
        // h1: HTTP/2 by default would add an h2c upgrade header to every plain request;
        // h2: offered by ALPN over https (h2c is refused before this, see JdkCapabilities)
        .version(options.protocol() == Protocol.h2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout())
        .followRedirects(options.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .sslContext(options.trust().context())
        .build();
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
    return new JdkClientAdapter(build(), true, options.readTimeout(), options.recorder());
  }

  @Override
  public Client newClientOnSharedPool() {
    throw new UnsupportedOperationException(JdkCapabilities.NO_SHARED_POOL);
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new JdkClientAdapter(build(), false, options.readTimeout(), options.recorder());
  }

  @Override
  public PreparedRequest prepareKeepAlive(Request request) {
    return new JdkClientAdapter.Prepared(request, true, options.readTimeout());
  }

  @Override
  public void close() {}
}
