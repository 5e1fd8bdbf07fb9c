package netcalls.client;

import java.net.URI;
import java.util.List;
import netcalls.run.Leg;
import netcalls.run.UserRequests.Header;
import netcalls.run.UserRequests.NamedUrl;
import netcalls.trace.CallSite;

/**
 * One request a benchmark makes, made once at trial setup: where it goes, the headers the user
 * added, and how its samples name it. A client turns it into its library's own request object
 * with {@link Client#prepare}, headers included, outside the measured path.
 *
 * @param uri     the full URI
 * @param site    the leg, {@code host:port} and endpoint name its samples carry
 * @param headers the user's headers ({@code --header}), sent by every client alike; never printed
 */
public record Request(URI uri, CallSite site, List<Header> headers) {

  public Request {
    headers = List.copyOf(headers);
  }

  public Request(URI uri, CallSite site) {
    this(uri, site, List.of());
  }

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

  /** Exactly the user's URL, named by its label (never by the URL: no tag per path or query). */
  public static Request url(NamedUrl url) {
    return new Request(url.uri(), new CallSite(Leg.single, hostPort(url.uri()), url.label()));
  }

  /** {@code host:port} of a URI, the port defaulted by its scheme. */
  public static String hostPort(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  /** The same request as one leg of a pair. */
  public Request withLeg(Leg leg) {
    return new Request(uri, site.withLeg(leg), headers);
  }

  /** The same request with these headers added to every call. */
  public Request withHeaders(List<Header> added) {
    return new Request(uri, site, added);
  }

  /** Scheme, host, port and path: no query or user info, which may hold a secret; no header values. */
  @Override
  public String toString() {
    String shown = uri.getScheme() + "://" + hostPort(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    return shown + (site.leg() == Leg.single ? "" : " (leg " + site.leg().label() + ")");
  }
}
