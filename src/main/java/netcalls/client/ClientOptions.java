package netcalls.client;

import java.time.Duration;
import netcalls.trace.SampleRecorder;
import okhttp3.tls.HandshakeCertificates;

/**
 * What every client library is configured with, the same for all of them (fairness).
 *
 * @param trust           certificates to trust for https; null means the platform's default trust
 * @param connectTimeout  TCP connect (and TLS) timeout
 * @param readTimeout     longest silence while waiting for or reading a response
 * @param callTimeout     the whole call, redirects included
 * @param followRedirects whether 3xx responses are followed
 * @param maxConnectionsPerHost 0 for the library's default; else a limit (requests beyond it wait)
 * @param recorder        where traced calls go; null when tracing is off
 */
public record ClientOptions(
    HandshakeCertificates trust,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    boolean followRedirects,
    int maxConnectionsPerHost,
    SampleRecorder recorder) {

  /** Timeouts long enough for any benchmark endpoint, short enough that nothing hangs. */
  public static ClientOptions defaults(HandshakeCertificates trust) {
    return new ClientOptions(
        trust, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), true, 0, null);
  }

  public ClientOptions withRecorder(SampleRecorder r) {
    return new ClientOptions(trust, connectTimeout, readTimeout, callTimeout, followRedirects, maxConnectionsPerHost, r);
  }

  public ClientOptions withTimeouts(Duration connect, Duration read, Duration call) {
    return new ClientOptions(trust, connect, read, call, followRedirects, maxConnectionsPerHost, recorder);
  }

  public ClientOptions withMaxConnectionsPerHost(int max) {
    return new ClientOptions(trust, connectTimeout, readTimeout, callTimeout, followRedirects, max, recorder);
  }
}
