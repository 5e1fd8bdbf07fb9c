package netcalls.server;

/**
 * Counters of a {@link TargetServer} since it started.
 *
 * @param httpConnections  TCP connections accepted on the plain HTTP port
 * @param httpsConnections TCP connections accepted on the HTTPS port
 * @param tlsHandshakes    TLS handshakes that completed successfully
 * @param requests         requests received, except those for {@code /stats}
 */
public record ServerStats(long httpConnections, long httpsConnections, long tlsHandshakes, long requests) {

  /** Field-wise {@code this - earlier}: what happened between two snapshots. */
  public ServerStats minus(ServerStats earlier) {
    return new ServerStats(
        httpConnections - earlier.httpConnections,
        httpsConnections - earlier.httpsConnections,
        tlsHandshakes - earlier.tlsHandshakes,
        requests - earlier.requests);
  }

  /** Fixed-format JSON, so the {@code /stats} endpoint needs no object mapper on the event loop. */
  String toJson() {
    return "{\"httpConnections\":" + httpConnections
        + ",\"httpsConnections\":" + httpsConnections
        + ",\"tlsHandshakes\":" + tlsHandshakes
        + ",\"requests\":" + requests + "}";
  }
}
