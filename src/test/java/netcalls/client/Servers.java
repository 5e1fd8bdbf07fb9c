package netcalls.client;

import java.util.List;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;

/** Test helpers around the built-in server. */
public final class Servers {
  private Servers() {}

  public static TargetServer start() {
    return TargetServer.start(ServerConfig.defaults());
  }

  /** Trusts exactly the server's own certificate. */
  public static TlsTrust trust(TargetServer server) {
    return TlsTrust.of(List.of(server.certificate().certificate()));
  }

  public static long connections(TargetServer server, String scheme) {
    var s = server.stats();
    return "https".equals(scheme) ? s.httpsConnections() : s.httpConnections();
  }
}
