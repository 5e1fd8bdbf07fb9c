package netcalls.client.jdk;

import netcalls.client.Capabilities;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.run.Phase;

/** What the JDK's HttpClient does and sees here: no event API, so only receiving is traced (and the duration). */
public final class JdkCapabilities {
  private JdkCapabilities() {}

  /** Why {@code shared_pool} is left out for this library. */
  public static final String NO_SHARED_POOL =
      "java.net.http.HttpClient keeps its connection pool inside each client and cannot share it between clients";
  /** Why h2c is left out for this library. */
  public static final String NO_PRIOR_KNOWLEDGE =
      "java.net.http.HttpClient has no HTTP/2 prior knowledge: over http it only upgrades from HTTP/1.1 (use h2 over https)";

  public static final Capabilities OF = Capabilities.full()
      .seeing(Phase.RECEIVING)
      .blindToReuse()
      .refusing(Strategy.shared_pool, NO_SHARED_POOL)
      .refusing(Protocol.h2c, NO_PRIOR_KNOWLEDGE)
      // java.net.http has no per-host connection limit: it opens a connection per request in flight
      .uncapped();
}
