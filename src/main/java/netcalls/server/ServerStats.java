package netcalls.server;

/**
 * Counters of a {@link TargetServer} since it started.
 *
 * <p>The first three count TCP connections and handshakes whatever protocol they then spoke; the
 * last five say which protocol each connection settled on, and how many HTTP/2 streams (one per
 * request) each kind of HTTP/2 connection carried. Over HTTP/2, {@code requests} equals the streams.
 *
 * @param httpConnections  TCP connections accepted on the plain HTTP port
 * @param httpsConnections TCP connections accepted on the HTTPS port
 * @param tlsHandshakes    TLS handshakes that completed successfully
 * @param requests         requests received, except those for {@code /stats}
 * @param http1Connections connections (either port) that spoke HTTP/1.x
 * @param h2Connections    TLS connections on which ALPN chose HTTP/2
 * @param h2cConnections   cleartext connections that opened with the HTTP/2 preface (prior knowledge)
 * @param h2Streams        streams opened on {@code h2} connections
 * @param h2cStreams       streams opened on {@code h2c} connections
 * @param delaysOverlapped {@code /delay} requests that arrived while another {@code /delay} of this server was
 *                         still pending: a concurrent pair that really overlaps adds one per pair, whatever
 *                         the protocol; a client that sends the second leg only after the first answer adds none
 */
public record ServerStats(long httpConnections, long httpsConnections, long tlsHandshakes, long requests,
    long http1Connections, long h2Connections, long h2cConnections, long h2Streams, long h2cStreams,
    long delaysOverlapped) {

  /** Field-wise {@code this - earlier}: what happened between two snapshots. */
  public ServerStats minus(ServerStats earlier) {
    return new ServerStats(
        httpConnections - earlier.httpConnections,
        httpsConnections - earlier.httpsConnections,
        tlsHandshakes - earlier.tlsHandshakes,
        requests - earlier.requests,
        http1Connections - earlier.http1Connections,
        h2Connections - earlier.h2Connections,
        h2cConnections - earlier.h2cConnections,
        h2Streams - earlier.h2Streams,
        h2cStreams - earlier.h2cStreams,
        delaysOverlapped - earlier.delaysOverlapped);
  }

  /** Fixed-format JSON, so the {@code /stats} endpoint needs no object mapper on the event loop. */
  String toJson() {
    return "{\"httpConnections\":" + httpConnections
        + ",\"httpsConnections\":" + httpsConnections
        + ",\"tlsHandshakes\":" + tlsHandshakes
        + ",\"requests\":" + requests
        + ",\"http1Connections\":" + http1Connections
        + ",\"h2Connections\":" + h2Connections
        + ",\"h2cConnections\":" + h2cConnections
        + ",\"h2Streams\":" + h2Streams
        + ",\"h2cStreams\":" + h2cStreams
        + ",\"delaysOverlapped\":" + delaysOverlapped + "}";
  }
}
