package netcalls.client;

/**
 * A {@link Request} as one client library sends it (URL parsed, headers set), made by {@link
 * Client#prepare} at trial setup so that building it stays out of the measured path for every
 * library alike. Each adapter package subclasses it to hold its library's request object.
 */
public abstract class PreparedRequest {
  private final Request request;
  private final boolean keepAlive;

  protected PreparedRequest(Request request, boolean keepAlive) {
    this.request = request;
    this.keepAlive = keepAlive;
  }

  public Request request() {
    return request;
  }

  /** False when the library request asks the server to close the connection after the response. */
  public boolean keepAlive() {
    return keepAlive;
  }

  /**
   * The adapter's own prepared request: of its type and keep-alive mode, else an error that says
   * the request was prepared by another library (or for the other keep-alive mode).
   */
  public static <T extends PreparedRequest> T own(PreparedRequest p, Class<T> type, boolean keepAlive, String client) {
    if (type.isInstance(p) && p.keepAlive == keepAlive) {
      return type.cast(p);
    }
    throw new IllegalArgumentException(p.request + " was prepared for another client than " + client
        + " (keep-alive " + keepAlive + "): prepare each request with the client that sends it");
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
