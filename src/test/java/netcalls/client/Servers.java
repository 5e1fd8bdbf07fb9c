package netcalls.client;

import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import okhttp3.tls.HandshakeCertificates;

/** Test helpers around the built-in server. */
public final class Servers {
  private Servers() {}

  public static TargetServer start() {
    return TargetServer.start(ServerConfig.defaults());
  }

  /** Trusts exactly the server's own certificate. */
  public static HandshakeCertificates trust(TargetServer server) {
    return new HandshakeCertificates.Builder().addTrustedCertificate(server.certificate().certificate()).build();
  }

  public static long connections(TargetServer server, String scheme) {
    var s = server.stats();
    return "https".equals(scheme) ? s.httpsConnections() : s.httpConnections();
  }
}
