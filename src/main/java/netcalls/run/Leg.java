package netcalls.run;

/**
 * Which part of an operation a sample is: a single request, one leg of a pair, or the pair's total.
 * Written as the {@code leg} column of the samples and the {@code leg} tag of the points.
 */
public enum Leg {
  /** A request that is the whole operation (every benchmark but PairedLatency). */
  single(""),
  /** The first request of a pair (the blog's python.org). */
  a("a"),
  /** The second request of a pair (the blog's mozilla.org). */
  b("b"),
  /** The paired operation as a whole: both legs, one after the other or both in flight. */
  pair("pair");

  private final String label;

  Leg(String label) {
    this.label = label;
  }

  /** The value in the samples' {@code leg} column; empty for a single request. */
  public String label() {
    return label;
  }

  /** The leg a column value names; throws with the valid values for anything else. */
  public static Leg parse(String label) {
    for (Leg l : values()) {
      if (l.label.equals(label)) {
        return l;
      }
    }
    throw new IllegalArgumentException("leg '" + label + "': use empty, a, b or pair");
  }
}
