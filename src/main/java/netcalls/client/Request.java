package netcalls.client;

import java.net.URI;
import netcalls.run.Leg;
import netcalls.trace.CallSite;

/**
 * One request a benchmark makes, made once at trial setup: where it goes and how its samples name
 * it. A client turns it into its library's own request object with {@link Client#prepare}.
 *
 * @param uri  the full URI
 * @param site the leg, {@code host:port} and endpoint name its samples carry
 */
public record Request(URI uri, CallSite site) {

  /** A request for {@code path} on {@code base} (scheme://host:port), named by its first path segment and {@code host:port}. */
  public static Request get(URI base, String path) {
    return get(base, hostPort(base), path);
  }

  /**
   * A request for {@code path} on {@code base} whose samples name the target {@code label}: a stable name such as
   * {@code builtin-http} for a server on an ephemeral port, so the series of two runs line up.
   */
  public static Request get(URI base, String label, String path) {
    URI uri = base.resolve(path);
    String p = uri.getPath() == null ? "" : uri.getPath();
    int from = p.startsWith("/") ? 1 : 0;
    int slash = p.indexOf('/', from);
    String endpoint = slash < 0 ? p.substring(from) : p.substring(from, slash);
    return new Request(uri, new CallSite(Leg.single, label, endpoint.isEmpty() ? "root" : endpoint));
  }

  /** {@code host:port} of a URI, the port defaulted by its scheme. */
  public static String hostPort(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /** The same request as one leg of a pair. */
  public Request withLeg(Leg leg) {
    return new Request(uri, site.withLeg(leg));
  }

  @Override
  public String toString() {
    return uri + (site.leg() == Leg.single ? "" : " (leg " + site.leg().label() + ")");
  }
}
