package netcalls.run;

/**
 * The phases of one HTTP call, named as k6 names them (plus {@code dns}, which k6 folds away).
 * A phase a call did not go through, or that its client cannot observe, is absent, never zero.
 */
public enum Phase {
  /** Waiting for a pooled connection or a dispatcher slot. */
  BLOCKED("blocked"),
  /** Name resolution. */
  DNS("dns"),
  /** TCP connect. */
  CONNECTING("connecting"),
  /** TLS handshake. */
  TLS_HANDSHAKING("tls_handshaking"),
  /** Writing the request. */
  SENDING("sending"),
  /** From the request written to the first response byte (headers). */
  WAITING("waiting"),
  /** Reading the response, from its headers to the last body byte. */
  RECEIVING("receiving"),
  /**
   * Closing the client after the call, for strategies that make a client per call ({@code new_client}): part of
   * the operation, and different by library and JDK (a no-op for the JDK client on 17, a wait for its threads on
   * 21+, Jetty's pool join, AsyncHttpClient's asynchronous close), so it is shown apart.
   */
  CLOSE("close");

  public static final Phase[] ALL = values();
  public static final int COUNT = ALL.length;

  private final String column;

  Phase(String column) {
    this.column = column;
  }

  /** Name used in sample files and exported points. */
  public String column() {
    return column;
  }
}
