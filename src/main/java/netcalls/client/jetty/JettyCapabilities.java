package netcalls.client.jetty;

import netcalls.client.Capabilities;
import netcalls.client.Strategy;
import netcalls.run.Phase;

/** What Jetty's HttpClient does and sees here: connection set-up is not told to a request, so it lies inside blocked. */
public final class JettyCapabilities {
  private JettyCapabilities() {}

  /** Why {@code shared_pool} is left out for this library. */
  public static final String NO_SHARED_POOL =
      "Jetty's HttpClient keeps a connection pool per destination inside each client and cannot share it between clients";

  public static final Capabilities OF = Capabilities.full()
      .seeing(Phase.BLOCKED, Phase.SENDING, Phase.WAITING, Phase.RECEIVING)
      .refusing(Strategy.shared_pool, NO_SHARED_POOL);
}
