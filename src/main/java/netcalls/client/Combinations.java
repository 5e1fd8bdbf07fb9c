package netcalls.client;

/**
 * The one rule of which client × strategy × protocol (× scheme) combinations can run, asked by
 * the launcher, the benchmarks, the report and the tests. A combination that cannot run is left
 * out with its reason, never approximated. Each check names the pair it refuses, so every caller
 * says the same thing in the same words.
 */
public final class Combinations {
  private Combinations() {}

  /** Why a pair cannot run: {@code subject} names it ("client=jdk strategy=shared_pool"). */
  public record Refusal(String subject, String why) {
    /** The launcher's line for a combination it leaves out. */
    public String leftOut(String benchmark) {
      return benchmark + ": " + subject + " left out: " + why;
    }

    /** The message of the exception a benchmark's setup throws. */
    public String message() {
      return "unsupported: " + subject + ": " + why;
    }
  }

  /** The client's own limit on strategies, or null. */
  public static Refusal of(ClientKind client, Strategy strategy) {
    String why = client.capabilities().refusedStrategies().get(strategy);
    return why == null ? null : new Refusal("client=" + client + " strategy=" + strategy, why);
  }

  /** The client's own limit on protocols, or null. */
  public static Refusal of(ClientKind client, Protocol protocol) {
    String why = client.capabilities().refusedProtocols().get(protocol);
    return why == null ? null : new Refusal("client=" + client + " protocol=" + protocol, why);
  }

  /** What the protocol itself rules out (no Connection: close over HTTP/2), or null. */
  public static Refusal of(Strategy strategy, Protocol protocol) {
    String why = protocol.isHttp2() && strategy == Strategy.no_keepalive ? Protocol.NO_CONNECTION_CLOSE : null;
    return why == null ? null : new Refusal("strategy=" + strategy + " protocol=" + protocol, why);
  }

  /** A protocol over the wrong scheme (h2 needs https, h2c http), or null. */
  public static Refusal of(Protocol protocol, String scheme) {
    String why = protocol.unsupported(scheme);
    return why == null ? null : new Refusal("protocol=" + protocol + " scheme=" + scheme, why);
  }

  /**
   * The first reason {@code client} cannot run {@code strategy} over {@code protocol}, or null when
   * it can: the client's protocol, then its strategies, then what the protocol rules out.
   */
  public static Refusal of(ClientKind client, Strategy strategy, Protocol protocol) {
    Refusal r = of(client, protocol);
    if (r == null) {
      r = of(client, strategy);
    }
    return r != null ? r : of(strategy, protocol);
  }

  /** Whether the combination runs. */
  public static boolean supported(ClientKind client, Strategy strategy, Protocol protocol) {
    return of(client, strategy, protocol) == null;
  }
}
