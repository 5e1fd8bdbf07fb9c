package netcalls.client.ahc;

import netcalls.client.Capabilities;
import netcalls.client.Protocol;

/** What AsyncHttpClient does and sees here: every phase (its AsyncHandler callbacks), HTTP/1.1 only. */
public final class AhcCapabilities {
  private AhcCapabilities() {}

  /** Why HTTP/2 is left out for this library. */
  public static final String NO_HTTP2 = "AsyncHttpClient 3 speaks HTTP/1.1 only";

  public static final Capabilities OF = Capabilities.full()
      .refusing(Protocol.h2, NO_HTTP2)
      .refusing(Protocol.h2c, NO_HTTP2);
}
