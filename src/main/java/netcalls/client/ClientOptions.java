package netcalls.client;

import java.time.Duration;
import java.util.Objects;
import netcalls.trace.SampleRecorder;

/**
 * What every client library is configured with, the same for all of them (fairness).
 *
 * @param trust           certificates trusted for https, as JDK types (no library's own), built once per trial
 * @param connectTimeout  TCP connect (and TLS) timeout
 * @param readTimeout     longest silence while waiting for or reading a response
 * @param callTimeout     the whole call, redirects included
 * @param followRedirects whether 3xx responses are followed
 * @param maxConnectionsPerHost 0 for the library's default; else a limit (requests beyond it wait)
 * @param recorder        where traced calls go; null when tracing is off
 * @param protocol        the HTTP version to speak; a library that cannot is refused by {@link ClientKind#open}
 */
public record ClientOptions(
    TlsTrust trust,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    boolean followRedirects,
    int maxConnectionsPerHost,
    SampleRecorder recorder,
    Protocol protocol) {

  public ClientOptions {
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** HTTP/1.1. */
  public ClientOptions(TlsTrust trust, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
      boolean followRedirects, int maxConnectionsPerHost, SampleRecorder recorder) {
    this(trust, connectTimeout, readTimeout, callTimeout, followRedirects, maxConnectionsPerHost, recorder, Protocol.h1);
  }

  /** Timeouts long enough for any benchmark endpoint, short enough that nothing hangs. */
  public static ClientOptions defaults(TlsTrust trust) {
    return new ClientOptions(
        trust, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), true, 0, null);
  }

  public ClientOptions withRecorder(SampleRecorder r) {
    return new ClientOptions(trust, connectTimeout, readTimeout, callTimeout, followRedirects, maxConnectionsPerHost, r, protocol);
  }

  public ClientOptions withTimeouts(Duration connect, Duration read, Duration call) {
    return new ClientOptions(trust, connect, read, call, followRedirects, maxConnectionsPerHost, recorder, protocol);
  }

  public ClientOptions withMaxConnectionsPerHost(int max) {
    return new ClientOptions(trust, connectTimeout, readTimeout, callTimeout, followRedirects, max, recorder, protocol);
  }

  public ClientOptions withProtocol(Protocol p) {
    return new ClientOptions(trust, connectTimeout, readTimeout, callTimeout, followRedirects, maxConnectionsPerHost, recorder, p);
  }
}
