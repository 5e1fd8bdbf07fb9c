package netcalls.server;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Where the target server listens, and how long it takes to answer.
 *
 * @param bindHost           address to bind both ports to; loopback by default so nothing leaves the machine
 * @param httpPort           plain HTTP port, 0 for an ephemeral one
 * @param httpsPort          HTTPS port, 0 for an ephemeral one
 * @param serviceDelayMicros fixed service time added to every response, in microseconds (0: answer at once);
 *                           a known slowdown to inject when testing a regression gate. Below 1 ms the
 *                           event loop busy-waits (exact to the microsecond); from 1 ms on the response
 *                           waits on the loop's timer, which adds its wake-up (tens of microseconds on a
 *                           loaded machine, under 10 % there)
 */
public record ServerConfig(String bindHost, int httpPort, int httpsPort, long serviceDelayMicros) {
  /** Upper bound of the service delay: a knob for latency experiments, not for timeouts. */
  public static final long MAX_SERVICE_DELAY_MICROS = TimeUnit.SECONDS.toMicros(10);

  public ServerConfig {
    Objects.requireNonNull(bindHost, "bindHost");
    checkPort(httpPort, "httpPort");
    checkPort(httpsPort, "httpsPort");
    if (serviceDelayMicros < 0 || serviceDelayMicros > MAX_SERVICE_DELAY_MICROS) {
      throw new IllegalArgumentException("service delay " + serviceDelayMicros
          + " us is out of range: give 0 to " + MAX_SERVICE_DELAY_MICROS + " microseconds");
    }
  }

  /** No service delay. */
  public ServerConfig(String bindHost, int httpPort, int httpsPort) {
    this(bindHost, httpPort, httpsPort, 0);
  }

  /** Loopback, both ports ephemeral, no service delay: what tests and the in-JVM benchmarks use. */
  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 0, 0);
  }

  /** This configuration with another service delay (microseconds, 0 to {@link #MAX_SERVICE_DELAY_MICROS}). */
  public ServerConfig withServiceDelayMicros(long micros) {
    return new ServerConfig(bindHost, httpPort, httpsPort, micros);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }
}
