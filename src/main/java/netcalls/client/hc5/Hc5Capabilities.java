package netcalls.client.hc5;

import netcalls.client.Capabilities;
import netcalls.client.Protocol;

/** What Apache HttpClient 5's classic client does and sees here: every phase (its exec chain), HTTP/1.1 only. */
public final class Hc5Capabilities {
  private Hc5Capabilities() {}

  /** Why HTTP/2 is left out for this library. */
  public static final String NO_HTTP2 =
      "HttpClient 5's classic (blocking) client, the one measured here, speaks HTTP/1.1 only; HTTP/2 needs its async client";

  public static final Capabilities OF = Capabilities.full()
      .refusing(Protocol.h2, NO_HTTP2)
      .refusing(Protocol.h2c, NO_HTTP2);
}
