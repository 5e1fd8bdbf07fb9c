package netcalls.client;

/** A client library cannot implement a strategy or speak a protocol; the combination is left out, never approximated. */
public final class UnsupportedCombinationException extends IllegalArgumentException {
  public UnsupportedCombinationException(Combinations.Refusal refusal) {
    super(refusal.message());
  }
}
