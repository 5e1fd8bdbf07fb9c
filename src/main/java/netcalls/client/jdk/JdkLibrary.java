package netcalls.client.jdk;

import java.net.http.HttpClient;
import netcalls.client.Client;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientKind;
import netcalls.client.ClientOptions;
import netcalls.client.Strategy;

/** The JDK's HttpClient. Each client owns its pool; clients cannot share one. */
public final class JdkLibrary implements ClientLibrary {
  static {
    // The JDK client refuses a Connection header unless allowed, and reads this property once,
    // when its classes load; the benchmarks' forks also pass it on the command line.
    String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
    if (!allowed.toLowerCase(java.util.Locale.ROOT).contains("connection")) {
      System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isEmpty() ? "connection" : allowed + ",connection");
    }
  }

  private final ClientOptions options;

  public JdkLibrary(ClientOptions options) {
    this.options = options;
  }

  private HttpClient build() {
    return HttpClient.newBuilder()
        // HTTP/2 by default would add an h2c upgrade header to every plain request
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout())
        .followRedirects(options.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
        .sslContext(options.trust().sslContext())
        .build();
  }

  @Override
  public Client newClient() {
    return new JdkClient(build(), true, options);
  }

  @Override
  public Client newClientOnSharedPool() {
    throw new UnsupportedOperationException(ClientKind.jdk.unsupported(Strategy.shared_pool));
  }

  @Override
  public Client newNoKeepAliveClient() {
    return new JdkClient(build(), false, options);
  }

  @Override
  public void close() {}
}
