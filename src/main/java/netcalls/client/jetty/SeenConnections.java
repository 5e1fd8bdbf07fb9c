package netcalls.client.jetty;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.Connection;

/**
 * The connections one client has sent on, to tell a call whether its connection is new. Jetty keeps a
 * connection's own attachment for its pool, so the client keeps this set. Lock-free: a call on a known
 * connection only reads; a new one is added atomically (two calls beginning at once on one new HTTP/2
 * connection: exactly one finds it new), and the closed ones are dropped then, so a client that opens a
 * connection per call (no_keepalive) keeps only the few still open.
 */
final class SeenConnections {
  private final Set<Connection> seen = ConcurrentHashMap.newKeySet();

  /** Whether no earlier call of this client was sent on {@code c}; from now on one was. */
  boolean firstUse(Connection c) {
    if (seen.contains(c) || !seen.add(c)) {
      return false;
    }
    seen.removeIf(Connection::isClosed);
    return true;
  }
}
