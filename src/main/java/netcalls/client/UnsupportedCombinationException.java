package netcalls.client;

/** A client library cannot implement a strategy; the combination is left out, never approximated. */
public final class UnsupportedCombinationException extends IllegalArgumentException {
  public UnsupportedCombinationException(ClientKind client, Strategy strategy, String why) {
    super("unsupported: client=" + client + " strategy=" + strategy + ": " + why);
  }
}
