package netcalls.server;

import java.util.Objects;

/**
 * Where the target server listens.
 *
 * @param bindHost  address to bind both ports to; loopback by default so nothing leaves the machine
 * @param httpPort  plain HTTP port, 0 for an ephemeral one
 * @param httpsPort HTTPS port, 0 for an ephemeral one
 */
public record ServerConfig(String bindHost, int httpPort, int httpsPort) {

  public ServerConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    checkPort(httpPort, "httpPort");
    checkPort(httpsPort, "httpsPort");
  }

  /** Loopback, both ports ephemeral: what tests and the in-JVM benchmarks use. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 0, 0);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }
}
