package netcalls.trace;

import java.util.Objects;
import netcalls.run.Leg;

/**
 * Where a traced call went, as its sample names it: the {@code leg}, {@code target} and
 * {@code endpoint} columns. Made once at trial setup and shared by every row of that call.
 *
 * @param leg      which part of an operation the call is ({@link Leg#single} for a lone request)
 * @param target   {@code host:port} as the client addresses it (a tag; never a raw URL); empty for a pair's total
 * @param endpoint the endpoint's name, e.g. {@code bytes} or {@code delay} (a tag)
 */
public record CallSite(Leg leg, String target, String endpoint) {
  public CallSite {
    Objects.requireNonNull(leg, "leg");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** The row of a paired operation's total: no target of its own. */
  public static CallSite pair() {
    return new CallSite(Leg.pair, "", "pair");
  }

  public CallSite withLeg(Leg l) {
    return new CallSite(l, target, endpoint);
  }
}
