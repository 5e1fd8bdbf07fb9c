package netcalls.client;

/** A client library cannot implement a strategy or speak a protocol; the combination is left out, never approximated. */
public final class UnsupportedCombinationException extends IllegalArgumentException {
  public UnsupportedCombinationException(ClientKind client, Strategy strategy, String why) {
    super("unsupported: client=" + client + " strategy=" + strategy + ": " + why);
  }

  public UnsupportedCombinationException(ClientKind client, Protocol protocol, String why) {
    super("unsupported: client=" + client + " protocol=" + protocol + ": " + why);
  }

  public UnsupportedCombinationException(Strategy strategy, Protocol protocol, String why) {
    super("unsupported: strategy=" + strategy + " protocol=" + protocol + ": " + why);
  }
}
