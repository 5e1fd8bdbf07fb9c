package netcalls.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import netcalls.client.Protocol;
import netcalls.client.TlsTrust;
import netcalls.run.ForkProperties;
import netcalls.server.ServerConfig;
import netcalls.server.ServerStats;
import netcalls.server.TargetServer;

/**
 * Where a trial's requests go, and which certificates it trusts: by default built-in servers
 * started in this JVM (one per backend, each on its own ephemeral loopback port, addressed as
 * {@code localhost} so DNS is real), trusting exactly their self-signed certificates; or the
 * external base URL of the fork's {@link ForkProperties#target()} (the launcher's {@code --target}),
 * trusting the PEM file of {@code --trust}, else the platform's certificates.
 */
final class Target implements AutoCloseable {
  private final List<TargetServer> servers = new ArrayList<>();
  private final List<URI> bases = new ArrayList<>();
  private final String label;
  private final TlsTrust trust;

  private Target(String scheme, int backends, ForkProperties fork) throws IOException {
    String external = fork.target();
    if (external != null) {
      URI base = URI.create(external);
      if (!scheme.equals(base.getScheme())) {
        throw new IllegalArgumentException("scheme=" + scheme + " but " + ForkProperties.TARGET + "=" + external
            + ": run with -p scheme=" + base.getScheme() + " (the launcher does this for you with --target)");
      }
      for (int i = 0; i < backends; i++) {
        bases.add(base);
      }
      trust = trustFrom(fork.trust());
      label = netcalls.client.Request.hostPort(base);
      return;
    }
    label = "builtin-" + scheme; // its ports are ephemeral: a stable name keeps one series across runs
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      for (int i = 0; i < backends; i++) {
        TargetServer server = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(fork.serverDelayMicros()));
        servers.add(server);
        bases.add(server.baseUri(scheme));
        certificates.add(server.certificate().certificate());
      }
      // trust exactly the certificates these servers made, nothing else
      trust = TlsTrust.of(certificates);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  static Target open(String scheme, int backends, ForkProperties fork) throws IOException {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("scheme=" + scheme + ": use http or https");
    }
    return new Target(scheme, backends, fork);
  }

  private static TlsTrust trustFrom(Path file) throws IOException {
    return file == null ? TlsTrust.platform() : TlsTrust.fromPem(file);
  }

  URI base(int backend) {
    return bases.get(backend);
  }

  /** The name samples give the target: {@code builtin-http}/{@code builtin-https}, else the external {@code host:port}. */
  String label() {
    return label;
  }

  TlsTrust trust() {
    return trust;
  }

  /** The built-in server of a backend, for its counts; null for an external target. */
  TargetServer server(int backend) {
    return servers.isEmpty() ? null : servers.get(backend);
  }

  /**
   * After the setup calls: refuses a trial whose library did not really speak {@code protocol} to
   * the built-in servers (fell back to HTTP/1.1, or upgraded), so it is never measured as another
   * protocol. An external target's counts are not known; there the library's own settings stand.
   */
  void checkSpoken(Protocol protocol) {
    for (TargetServer server : servers) {
      ServerStats s = server.stats();
      long streams = protocol == Protocol.h2 ? s.h2Streams() : protocol == Protocol.h2c ? s.h2cStreams() : 0;
      boolean spoken = protocol.isHttp2()
          ? streams > 0 && s.http1Connections() == 0
          : s.http1Connections() > 0 && s.h2Streams() + s.h2cStreams() == 0;
      if (!spoken) {
        throw new IllegalStateException("protocol=" + protocol + " but the built-in server counted " + s
            + ": the client did not speak " + protocol + "; refusing to measure it as another protocol");
      }
    }
  }

  @Override
  public void close() {
    for (TargetServer s : servers) {
      s.close();
    }
  }
}
