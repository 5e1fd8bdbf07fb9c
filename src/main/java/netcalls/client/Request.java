package netcalls.client;

import java.net.URI;
import java.util.function.Function;

/**
 * One request a benchmark makes, built once at trial setup.
 *
 * <p>Each library turns it into its own request object once and keeps that here ({@link
 * #prepared}), so URL parsing and request building stay out of the measured path for every
 * library alike.
 */
public final class Request {
  /** Slots for prepared library requests: one per library and keep-alive mode. */
  public static final int SLOTS = 8;

  private final URI uri;
  private final String target;
  private final String endpoint;
  private final String leg;
  private final Object[] prepared = new Object[SLOTS];

  /**
   * @param uri      the full URI
   * @param target   {@code host:port} as the client addresses it (a tag; never a raw URL)
   * @param endpoint the endpoint's name, e.g. {@code bytes} or {@code delay} (a tag)
   * @param leg      {@code a} or {@code b} for the legs of a paired call, {@code pair} for the pair's total, else null
   */
  public Request(URI uri, String target, String endpoint, String leg) {
    this.uri = uri;
    this.target = target;
    this.endpoint = endpoint;
    this.leg = leg;
  }

  /** A request for {@code path} on {@code base} (scheme://host:port), named by its first path segment. */
  public static Request get(URI base, String path) {
    URI uri = base.resolve(path);
    String p = uri.getPath() == null ? "" : uri.getPath();
    int from = p.startsWith("/") ? 1 : 0;
    int slash = p.indexOf('/', from);
    String endpoint = slash < 0 ? p.substring(from) : p.substring(from, slash);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return new Request(uri, uri.getHost() + ":" + port, endpoint.isEmpty() ? "root" : endpoint, null);
  }

  public Request withLeg(String name) {
    return new Request(uri, target, endpoint, name);
  }

  public URI uri() {
    return uri;
  }

  public String target() {
    return target;
  }

  public String endpoint() {
    return endpoint;
  }

  public String leg() {
    return leg;
  }

  /**
   * The library request kept in {@code slot}, made by {@code make} on first use. Racing threads
   * may both make one; they are equal and immutable, so either is fine.
   */
  @SuppressWarnings("unchecked")
  public <T> T prepared(int slot, Function<Request, T> make) {
    Object p = prepared[slot];
    if (p == null) {
      p = make.apply(this);
      prepared[slot] = p;
    }
    return (T) p;
  }

  @Override
  public String toString() {
    return uri + (leg == null ? "" : " (leg " + leg + ")");
  }
}
