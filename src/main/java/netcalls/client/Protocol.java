package netcalls.client;

import java.util.Arrays;

/**
 * The HTTP version a client speaks, as a JMH {@code @Param}: {@code -p protocol=h1,h2}.
 * Each library is configured for it by its adapter; one that cannot speak it is refused for it
 * ({@link Combinations}), never run over another protocol.
 */
public enum Protocol {
  /** HTTP/1.1, over http or https. */
  h1(null),
  /** HTTP/2 over TLS, chosen by ALPN: needs https. */
  h2("https"),
  /** Cleartext HTTP/2 with prior knowledge (the client opens with the HTTP/2 preface, no upgrade): needs http. */
  h2c("http");

  /** Why {@code no_keepalive} is left out over HTTP/2. */
  public static final String NO_CONNECTION_CLOSE =
      "HTTP/2 has no Connection: close (one connection carries every stream): use new_client for a connection per request";

  private final String scheme;

  Protocol(String scheme) {
    this.scheme = scheme;
  }

  /** Whether this is one of the HTTP/2 protocols. */
  public boolean isHttp2() {
    return this != h1;
  }

  /** Why this protocol cannot run over {@code scheme} ("http" or "https"), or null when it can. */
  public String unsupported(String scheme) {
    if (this.scheme == null || this.scheme.equals(scheme)) {
      return null;
    }
    return name() + " needs " + this.scheme + ", not " + scheme + ": give -p scheme=" + this.scheme
        + (this == h2 ? " (h2c is HTTP/2 over http)" : " (h2 is HTTP/2 over https)");
  }

  /** Parses a name with an error that lists the valid ones. */
  public static Protocol parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown protocol '" + name + "': use one of " + Arrays.toString(values()));
    }
  }
}
