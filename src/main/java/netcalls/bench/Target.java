package netcalls.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netcalls.run.ForkProperties;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/**
 * Where a trial's requests go: by default built-in servers started in this JVM (one per backend,
 * each on its own ephemeral loopback port, addressed as {@code localhost} so DNS is real), or the
 * external base URL of the fork's {@link ForkProperties#target()} (the launcher's {@code --target}).
 */
final class Target implements AutoCloseable {
  private final List<TargetServer> servers = new ArrayList<>();
  private final List<URI> bases = new ArrayList<>();
  private final HandshakeCertificates trust;

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
      return;
    }
    HandshakeCertificates.Builder trusted = new HandshakeCertificates.Builder();
    for (int i = 0; i < backends; i++) {
      TargetServer server = TargetServer.start(ServerConfig.defaults());
      servers.add(server);
      bases.add(server.baseUri(scheme));
      // trust exactly the certificates these servers made, nothing else
      trusted.addTrustedCertificate(server.certificate().certificate());
    }
    trust = trusted.build();
  }

  static Target open(String scheme, int backends) throws IOException {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("scheme=" + scheme + ": use http or https");
    }
    return new Target(scheme, backends, ForkProperties.fromSystemProperties());
  }

  private static HandshakeCertificates trustFrom(Path file) throws IOException {
    HandshakeCertificates.Builder b = new HandshakeCertificates.Builder();
    if (file == null) {
      return b.addPlatformTrustedCertificates().build();
    }
    String pem = Files.readString(file);
    return b.addTrustedCertificate(Certificates.decodeCertificatePem(pem)).build();
  }

  URI base(int backend) {
    return bases.get(backend);
  }

  HandshakeCertificates trust() {
    return trust;
  }

  @Override
  public void close() {
    for (TargetServer s : servers) {
      s.close();
    }
  }
}
