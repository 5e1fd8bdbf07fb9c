package netcalls.client;

/**
 * A {@link Request} as one client library sends it (URL parsed, headers set), made by {@link
 * Client#prepare} at trial setup so that building it stays out of the measured path for every
 * library alike. Each adapter package subclasses it to hold its library's request object.
 */
public abstract class PreparedRequest {
  private final Request request;

  protected PreparedRequest(Request request) {
    this.request = request;
  }

  public Request request() {
    return request;
  }

  /** The error for a request prepared by another library, or for the other keep-alive mode. */
  public static IllegalArgumentException foreign(PreparedRequest p, String client) {
    return new IllegalArgumentException(p.request + " was prepared for another client than " + client
        + ": prepare each request with the client that sends it");
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
